/**
 * What the text pipeline finds in a call. These shapes are the `kefu analyze --json` contract
 * (README, "kefu analyze"), which an external evaluation depends on: change them only additively.
 * `utterance` is always the 0-based index of the line in the call's transcript.
 */
import { z } from 'zod';
import {
  CurrencySchema,
  FlagCategorySchema,
  PromiseActionSchema,
  SeveritySchema,
  SpeakerRoleSchema,
} from './domain.js';

const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

export const OrderNumberNoteSchema = z.object({
  value: z.string().regex(/^\d+$/),
  utterance: z.number().int().nonnegative(),
  /** Character span in the utterance text where it was said. */
  span: Span,
  /** true/false when checked against the orders table; null when no orders were available. */
  matched: z.boolean().nullable(),
});
export type OrderNumberNote = z.infer<typeof OrderNumberNoteSchema>;

export const AmountNoteSchema = z.object({
  value: z.number().nonnegative(),
  currency: CurrencySchema,
  utterance: z.number().int().nonnegative(),
  span: Span,
});
export type AmountNote = z.infer<typeof AmountNoteSchema>;

export const ProductNoteSchema = z.object({
  name: z.string().min(1),
  utterance: z.number().int().nonnegative(),
  span: Span,
});
export type ProductNote = z.infer<typeof ProductNoteSchema>;

export const PromiseNoteSchema = z.object({
  speaker: SpeakerRoleSchema,
  action: PromiseActionSchema,
  /** YYYY-MM-DD in the call's time zone, or null when no time was given. */
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  conditional: z.boolean(),
  utterance: z.number().int().nonnegative(),
  /** The words that made the promise. */
  text: z.string(),
});
export type PromiseNote = z.infer<typeof PromiseNoteSchema>;

export const LayerVerdictSchema = z.object({
  layer: z.enum(['rule', 'semantic', 'llm']),
  verdict: z.enum(['candidate', 'confirmed', 'rejected', 'abstained']),
  confidence: z.number().min(0).max(1).nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type LayerVerdict = z.infer<typeof LayerVerdictSchema>;

/**
 * A line a flag reads besides its own (decision 0430): the earlier line that opened the act this
 * one carries on (the datum named, the channel offered), its words and when, so a moderator sees both.
 * Kept in the rule verdict's `detail.earlier`.
 */
export const EvidenceLineSchema = z.object({
  utterance: z.number().int().nonnegative(),
  speaker: SpeakerRoleSchema,
  /** Exactly `text.slice(span[0], span[1])` of that utterance. */
  evidence: z.string().min(1),
  span: Span,
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
});
export type EvidenceLine = z.infer<typeof EvidenceLineSchema>;

export const FlagFindingSchema = z.object({
  category: FlagCategorySchema,
  severity: SeveritySchema,
  utterance: z.number().int().nonnegative(),
  speaker: SpeakerRoleSchema,
  /** Exactly `text.slice(span[0], span[1])` of the utterance. */
  evidence: z.string().min(1),
  span: Span,
  /** `<ruleId>@<version>`, e.g. zh.contact.wechat@1 */
  rule: z.string().regex(/^[a-z]{2}\.[a-z0-9_.-]+@\d+$/),
  detector: z.string(),
  confidence: z.number().min(0).max(1),
  verdicts: z.array(LayerVerdictSchema),
});
export type FlagFinding = z.infer<typeof FlagFindingSchema>;

export const RefundOptionKindSchema = z.enum([
  'return_refund',
  'refund_only',
  'partial_refund',
  'replacement',
  'coupon',
  'reship',
]);
export type RefundOptionKind = z.infer<typeof RefundOptionKindSchema>;

/** Options that send goods again: their amount is the value of those goods, not money to the buyer. */
export const GOODS_OPTION_KINDS: ReadonlySet<RefundOptionKind> = new Set(['replacement', 'reship']);

export const RefundOptionSchema = z.object({
  kind: RefundOptionKindSchema,
  /** 0 when `amountToBeConfirmed`: never a price to show then. */
  amount: z.number().nonnegative(),
  /**
   * The facts don't give the amount yet (no order, no price said): show 金额待核实 / "amount to be
   * confirmed", never ¥0.00. Absent on options stored before it existed.
   */
  amountToBeConfirmed: z.boolean().optional(),
  currency: CurrencySchema,
  /** The policy id that allows this option. */
  policy: z.string(),
  recommended: z.boolean(),
  /** Why, in the call's language, for the merchant. */
  rationale: z.string(),
  orderId: z.string().nullable(),
});
export type RefundOption = z.infer<typeof RefundOptionSchema>;

export const SuggestionSchema = z.object({
  afterUtterance: z.number().int().nonnegative(),
  text: z.string().min(1),
  /** Policy ids the suggestion relies on. */
  policies: z.array(z.string()),
  engine: z.string(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;
