import { z } from 'zod';

/**
 * The moderation vocabulary every layer shares: penalty kinds, the documented reason codes a
 * decision may give (README, "Reason codes"), and the derived states of decisions and penalties.
 */
export const PenaltyKindSchema = z.enum(['warning', 'points', 'listing_restriction', 'suspension']);
export type PenaltyKind = z.infer<typeof PenaltyKindSchema>;

/** Codes a moderator may give to uphold a flag. */
export const UPHOLD_REASON_CODES = [
  'CONTACT_OFF_PLATFORM',
  'OFF_PLATFORM_PAYMENT',
  'REVIEW_MANIPULATION',
  'ABUSIVE_LANGUAGE',
  'PRIVACY_REQUEST',
  'PROHIBITED_CLAIM',
  'REFUND_OBSTRUCTION',
  'PROMISE_NOT_KEPT',
] as const;
/** Codes a moderator may give to dismiss a flag. */
export const DISMISS_REASON_CODES = [
  'FALSE_POSITIVE',
  'BENIGN_CONTEXT',
  'SAID_BY_CUSTOMER',
  'INSUFFICIENT_EVIDENCE',
] as const;
/** Only the machine gives this one (an `auto` rule's confident, severe flag). */
export const SYSTEM_REASON_CODES = ['AUTO_RULE_MATCH'] as const;

export const HumanReasonCodeSchema = z.enum([...UPHOLD_REASON_CODES, ...DISMISS_REASON_CODES]);
export type HumanReasonCode = z.infer<typeof HumanReasonCodeSchema>;
export type ReasonCode = HumanReasonCode | (typeof SYSTEM_REASON_CODES)[number];

/**
 * A decision's state now, derived from its row and its appeal: what every page shows, so a
 * statement, a merchant page and a moderator page never disagree.
 */
export const DecisionStateSchema = z.enum([
  'upheld',
  'dismissed',
  'under_appeal',
  'appeal_rejected',
  'overturned',
  'partly_overturned',
]);
export type DecisionState = z.infer<typeof DecisionStateSchema>;

/** A penalty's state now, derived from its row, the clock and whether a later penalty replaced it. */
/** An appeal's life: filed (open), held by a reviewer, decided, or withdrawn by the merchant. */
export const AppealStatusSchema = z.enum(['open', 'claimed', 'decided', 'withdrawn']);
export type AppealStatus = z.infer<typeof AppealStatusSchema>;
export const AppealOutcomeSchema = z.enum(['upheld', 'overturned_fully', 'overturned_partly']);
export type AppealOutcome = z.infer<typeof AppealOutcomeSchema>;

export const PenaltyStateSchema = z.enum(['in_force', 'expired', 'reversed', 'replaced']);
export type PenaltyState = z.infer<typeof PenaltyStateSchema>;
