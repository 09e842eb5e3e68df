import { z } from 'zod';
import { WireTimeSchema } from './audit.js';
import { AppealOutcomeSchema, AppealStatusSchema } from './moderation.js';
import { PenaltyRowWireSchema, PenaltyWireSchema, StepWireSchema } from './moderation-wire.js';

/**
 * The appeals API's wire shapes (README, "Appeals"): what a merchant files against a decision and what
 * reviewers and merchant staff read back. Merchant variants name no moderator (decision 0176).
 */
export const AppealWireSchema = z.object({
  id: z.string(),
  merchantId: z.string(),
  caseId: z.string(),
  decisionId: z.string(),
  statement: z.string(),
  attachments: z.array(z.object({ name: z.string(), text: z.string() })),
  status: AppealStatusSchema,
  filedAt: WireTimeSchema,
  slaDueAt: WireTimeSchema,
  outcome: AppealOutcomeSchema.nullable(),
  outcomeText: z.string().nullable(),
  overdue: z.boolean(),
  originalDecidedBy: z.string().nullable().optional(),
  originalAutomated: z.string(),
  ruleId: z.string(),
  ruleVersion: z.number(),
  detector: z.string(),
  category: z.string(),
  assignedTo: z.string().nullable().optional(),
  penalties: z.array(PenaltyWireSchema),
  replacementOptions: z.array(StepWireSchema),
});

/** An appeal as filed, claimed or decided: the row itself. */
export const AppealRowWireSchema = z.object({
  id: z.string(),
  merchantId: z.string(),
  caseId: z.string(),
  decisionId: z.string(),
  filedBy: z.string(),
  statement: z.string(),
  attachments: z.array(z.object({ name: z.string(), text: z.string() })),
  status: AppealStatusSchema,
  filedAt: WireTimeSchema,
  slaDueAt: WireTimeSchema,
  assignedTo: z.string().nullable(),
  claimExpiresAt: WireTimeSchema.nullable(),
  outcome: AppealOutcomeSchema.nullable(),
  outcomeText: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: WireTimeSchema.nullable(),
});
const MODERATORS = { assignedTo: true, claimExpiresAt: true, decidedBy: true } as const;
export const AppealRowMerchantWireSchema = AppealRowWireSchema.omit(MODERATORS);

/** `GET /api/appeals`: the list, with what a reviewer needs beside each appeal. */
export const AppealListItemWireSchema = AppealWireSchema.omit({ penalties: true, replacementOptions: true }).extend(
  AppealRowWireSchema.pick({ filedBy: true, claimExpiresAt: true, decidedBy: true, decidedAt: true }).shape,
);
export const AppealListItemMerchantWireSchema = AppealListItemWireSchema.omit({
  ...MODERATORS,
  originalDecidedBy: true,
});
export const AppealViewWireSchema = AppealListItemWireSchema.extend({
  penalties: z.array(PenaltyWireSchema),
  replacementOptions: z.array(StepWireSchema),
});
export const AppealViewMerchantWireSchema = AppealListItemMerchantWireSchema.extend({
  penalties: z.array(PenaltyWireSchema),
  replacementOptions: z.array(StepWireSchema),
});

/** What deciding an appeal changed (and its preview): penalties reversed, a replacement, relaid later ones. */
export const OverturnedWireSchema = z.object({
  reversed: z.array(PenaltyRowWireSchema),
  replacement: PenaltyRowWireSchema.nullable(),
  relaid: z.array(z.object({ from: PenaltyRowWireSchema, to: PenaltyRowWireSchema })),
});
export const AppealDecidedWireSchema = OverturnedWireSchema.extend({ appeal: AppealRowWireSchema });
