/**
 * Everything that happens in a call, as one discriminated union. The call session emits these;
 * the bot forwards them to the merchant over the data channel, the dashboard streams them over
 * SSE, and the replay command prints them. Nobody redeclares them.
 */
import { z } from 'zod';
import {
  AmountNoteSchema,
  FlagFindingSchema,
  OrderNumberNoteSchema,
  ProductNoteSchema,
  PromiseNoteSchema,
  RefundOptionSchema,
  SuggestionSchema,
} from './analysis.js';
import { FlagCategorySchema, SpeakerRoleSchema, TranscriptLineSchema } from './domain.js';
import { PromiseStatusSchema } from './order-events.js';

export const UtteranceSchema = z.object({
  /** 0-based position in the call: the `utterance` every finding points at. */
  index: z.number().int().nonnegative(),
  speaker: SpeakerRoleSchema,
  text: z.string(),
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
  engine: z.string(),
  confidence: z.number().min(0).max(1).nullable(),
});
export type Utterance = z.infer<typeof UtteranceSchema>;

/** What a speech engine hands the call session: a line as heard, before it has a place in the call. */
export const HeardUtteranceSchema = TranscriptLineSchema.extend({
  engine: z.string(),
  confidence: z.number().min(0).max(1).nullable(),
  participantIdentity: z.string().optional(),
  language: z.string().optional(),
});
export type HeardUtterance = z.infer<typeof HeardUtteranceSchema>;

/** An utterance as stored: the `utterances` row, whose columns carry `Utterance`'s names. */
export const StoredUtteranceSchema = UtteranceSchema.extend({
  id: z.coerce.number().int(),
  callId: z.string(),
  participantIdentity: z.string().nullable(),
  language: z.string().nullable(),
  createdAt: z.date(),
});
export type StoredUtterance = z.infer<typeof StoredUtteranceSchema>;

const base = { callId: z.string() };

/**
 * Why a provisional suggestion was withdrawn (decisions 0495, 0530): the final asks for other advice,
 * no final came for its speech, or the bot that sent it stopped (crashed, killed) before settling it.
 */
export const SuggestionWithdrawReasonSchema = z.enum(['final_differs', 'no_final', 'bot_stopped']);
export type SuggestionWithdrawReason = z.infer<typeof SuggestionWithdrawReasonSchema>;

/** Where a reply stands at the merchant: sent early on an interim and not yet settled, or settled. */
export const SuggestionStateSchema = z.enum(['provisional', 'confirmed', 'withdrawn']);
export type SuggestionState = z.infer<typeof SuggestionStateSchema>;

export const CallEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call.started'),
    ...base,
    room: z.string(),
    merchantId: z.string(),
    startedAt: z.string(),
  }),
  z.object({ type: z.literal('utterance.final'), ...base, utterance: UtteranceSchema }),
  z.object({
    type: z.literal('notes.updated'),
    ...base,
    orderNumbers: z.array(OrderNumberNoteSchema),
    amounts: z.array(AmountNoteSchema),
    products: z.array(ProductNoteSchema),
    promises: z.array(PromiseNoteSchema),
  }),
  z.object({
    type: z.literal('suggestions.created'),
    ...base,
    afterUtterance: z.number().int(),
    suggestions: z.array(SuggestionSchema.extend({ id: z.string() })),
  }),
  /**
   * Replies computed on the customer's interim hypothesis and sent as their speech ends, before the
   * final transcript (decision 0495). Each is later confirmed or withdrawn by its id, exactly once.
   */
  z.object({
    type: z.literal('suggestions.provisional'),
    ...base,
    afterUtterance: z.number().int(),
    suggestions: z.array(SuggestionSchema.extend({ id: z.string() })),
  }),
  /** The final transcript asks for the same advice: the provisional replies stand as sent. */
  z.object({ type: z.literal('suggestions.confirmed'), ...base, suggestionIds: z.array(z.string()).min(1) }),
  /**
   * The provisional replies no longer stand: the final transcript asks for other advice
   * (`final_differs`; its replies follow as `suggestions.created`, ids in `replacedBy`), or no final
   * came for the speech they were computed on (`no_final`), or the bot that sent them stopped
   * before settling them and its call was resumed or ended (`bot_stopped`, decision 0530).
   */
  z.object({
    type: z.literal('suggestions.withdrawn'),
    ...base,
    suggestionIds: z.array(z.string()).min(1),
    reason: SuggestionWithdrawReasonSchema,
    replacedBy: z.array(z.string()),
  }),
  z.object({
    type: z.literal('refund_options.created'),
    ...base,
    afterUtterance: z.number().int(),
    options: z.array(RefundOptionSchema),
  }),
  z.object({ type: z.literal('flag.raised'), ...base, flagId: z.string(), flag: FlagFindingSchema }),
  z.object({
    type: z.literal('coaching.warning'),
    ...base,
    utterance: z.number().int(),
    category: FlagCategorySchema,
    /** Shown privately to the merchant, in the call's language. */
    message: z.string(),
  }),
  /** A promise of this call moved (kept, broken, cancelled, superseded): pages re-read the ledger. */
  z.object({
    type: z.literal('promise.updated'),
    ...base,
    promiseId: z.string(),
    status: PromiseStatusSchema,
  }),
  z.object({ type: z.literal('call.ended'), ...base, summary: z.string(), endedAt: z.string() }),
]);
export type CallEvent = z.infer<typeof CallEventSchema>;
export type CallEventType = CallEvent['type'];
