import { z } from 'zod';
import { ApprovalWireSchema } from './approvals.js';
import { WireTimeSchema } from './audit.js';

/** Wire shapes of the rules page, the moderation chart and the lookup lists pages name things by. */

const RateSchema = z.number().nullable();

/** One rule with its judgment policy and how its decisions fared (`GET /api/rules`). */
export const RuleHealthWireSchema = z.object({
  ruleId: z.string(),
  inFiles: z.boolean(),
  version: z.number().nullable(),
  language: z.string().nullable(),
  category: z.string().nullable(),
  severity: z.string().nullable(),
  ground: z.string().nullable(),
  judgment: z.enum(['auto', 'review']),
  reason: z.string().nullable(),
  updatedAt: WireTimeSchema.nullable(),
  flags: z.number(),
  decisions: z.number(),
  overturnRate: RateSchema,
  automatedOverturnRate: RateSchema,
  health: z.array(
    z.object({
      ruleId: z.string(),
      ruleVersion: z.number(),
      detector: z.string(),
      decisions: z.number(),
      dismissed: z.number(),
      appealed: z.number(),
      upheld: z.number(),
      overturned: z.number(),
      automated: z.number(),
      automatedOverturned: z.number(),
      overturnRate: RateSchema,
      automatedOverturnRate: RateSchema,
    }),
  ),
});

export const RulePolicyWireSchema = z.object({
  ruleId: z.string(),
  judgment: z.enum(['auto', 'review']),
  reason: z.string().nullable(),
  updatedAt: WireTimeSchema,
  updatedBy: z.string().nullable(),
});

/** A rule's policy after a change, or the approval request a switch to automatic needs. */
export const RulePolicyChangeWireSchema = z.union([
  z.object({ approvalRequired: ApprovalWireSchema }),
  RulePolicyWireSchema,
]);

export const TimelineDayWireSchema = z.object({
  day: z.string(),
  flags: z.number(),
  upheld: z.number(),
  overturned: z.number(),
});

export const MerchantNameWireSchema = z.object({ id: z.string(), name: z.string() });
export const PolicyTitleWireSchema = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  version: z.number(),
});
export const DemoStateWireSchema = z.object({ available: z.boolean(), playing: z.boolean() });
export const DemoStartedWireSchema = z.object({ started: z.literal(true) });
