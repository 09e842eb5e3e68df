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
  z.object({ type: z.literal('call.ended'), ...base, summary: z.string(), endedAt: z.string() }),
]);
export type CallEvent = z.infer<typeof CallEventSchema>;
export type CallEventType = CallEvent['type'];
