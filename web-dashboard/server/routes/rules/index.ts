import { z } from 'zod';
import { RuleHealthWireSchema, RulePolicyChangeWireSchema } from '../../../../core/rule-wire.js';
import { Hono } from 'hono';
import { listRuleHealth, setRuleJudgment } from '../../../../pipelines/moderation/rule-health.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { jsonBody, ok, parse } from '../../api/http.js';
import { RuleParamSchema, RulePolicyInputSchema } from './schema.js';

/** Rules with their judgment policy and health; admins switch a rule between auto and review. */
export function ruleRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();

  r.get('/', async (c) => ok(c, z.array(RuleHealthWireSchema), await listRuleHealth(deps.sql, actorOf(c))));

  r.put('/:ruleId/policy', async (c) => {
    const { ruleId } = parse(RuleParamSchema, c.req.param());
    const input = parse(RulePolicyInputSchema, await jsonBody(c));
    const result = await setRuleJudgment(deps.sql, actorOf(c), ruleId, input);
    return ok(c, RulePolicyChangeWireSchema, result, 'approvalRequired' in result ? 202 : 200);
  });

  return r;
}
