import { z } from 'zod';

export { RulePolicyInputSchema } from '../../../../pipelines/moderation/rule-health.js';

export const RuleParamSchema = z.object({
  ruleId: z.string().regex(/^[a-z]{2}\.[a-z0-9_.-]+$/, 'rule ids look like zh.contact.wechat'),
});
