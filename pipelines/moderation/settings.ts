import { z } from 'zod';
import { SeveritySchema } from '../../core/domain.js';

import { PenaltyKindSchema } from '../../core/moderation.js';

export { PenaltyKindSchema, type PenaltyKind } from '../../core/moderation.js';

/** One rung of the penalty ladder; `durationDays` null means it does not expire. */
export const LadderStepSchema = z.object({
  kind: PenaltyKindSchema,
  points: z.number().int().nonnegative().default(0),
  durationDays: z.number().int().positive().nullable().default(null),
});
export type LadderStep = z.infer<typeof LadderStepSchema>;

/**
 * How moderation behaves, as data: SLAs, claim length, the penalty ladder, what the machine may
 * decide alone, and when rule health takes that right away. Defaults are the documented policy
 * (README, "Moderation API"); tests and deployments pass overrides.
 */
export const ModerationSettingsSchema = z.object({
  caseSlaHours: z.number().positive().default(24),
  appealSlaHours: z.number().positive().default(72),
  claimMinutes: z.number().positive().default(30),
  /** DSA Art. 20(1): complaints are possible for at least six months after the decision. */
  appealWindowMonths: z.number().int().positive().default(6),
  /** Past penalties within this many days count as repeats. */
  repeatLookbackDays: z.number().int().positive().default(365),
  /** Indexed by repeat count plus the severity bump, clamped to the last rung. */
  ladder: z
    .array(LadderStepSchema)
    .min(1)
    .default([
      { kind: 'warning', points: 0, durationDays: null },
      { kind: 'points', points: 2, durationDays: 90 },
      { kind: 'points', points: 6, durationDays: 180 },
      { kind: 'listing_restriction', points: 6, durationDays: 7 },
      { kind: 'suspension', points: 12, durationDays: 14 },
    ]),
  severityBump: z.record(SeveritySchema, z.number().int().nonnegative()).default({
    low: 0,
    medium: 0,
    high: 1,
    critical: 2,
  }),
  auto: z
    .object({
      minConfidence: z.number().min(0).max(1).default(0.9),
      severities: z.array(SeveritySchema).default(['high', 'critical']),
      /** The machine alone never goes past this rung: a warning or points, never a suspension. */
      maxLadderIndex: z.number().int().nonnegative().default(2),
    })
    .prefault({}),
  ruleHealth: z
    .object({
      /** Share of a rule's automated decisions overturned on appeal above which it goes to review. */
      maxOverturnRate: z.number().min(0).max(1).default(0.2),
      /** No switch before this many automated decisions of the rule: a rate of 1/1 says little. */
      minSample: z.number().int().positive().default(10),
    })
    .prefault({}),
});
export type ModerationSettings = z.infer<typeof ModerationSettingsSchema>;
export type ModerationSettingsInput = z.input<typeof ModerationSettingsSchema>;

export function moderationSettings(overrides: ModerationSettingsInput = {}): ModerationSettings {
  return ModerationSettingsSchema.parse(overrides);
}
