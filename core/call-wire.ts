import { z } from 'zod';
import {
  AmountNoteSchema,
  OrderNumberNoteSchema,
  ProductNoteSchema,
  PromiseNoteSchema,
  RefundOptionSchema,
} from './analysis.js';
import { FlagCategorySchema, ModerationCategorySchema, SeveritySchema, SpeakerRoleSchema } from './domain.js';
import { BuyerWireSchema } from './buyer.js';
import { SuggestionStateSchema, UtteranceSchema } from './events.js';

/**
 * One call as the dashboard shows it (`GET /api/calls/:id`, and each row of `GET /api/calls`).
 * The live stream's events fold into the same shape on the client, so a past call and a call in
 * progress share one renderer (web-dashboard/shared/call-view.ts).
 */
export const CallSummaryWireSchema = z.object({
  id: z.string(),
  room: z.string(),
  merchantId: z.string(),
  buyerId: z.string(),
  /** How pages name the buyer: the platform's masked name, or a tag (core/buyer.ts); null until loaded. */
  buyer: BuyerWireSchema.nullable(),
  orderIds: z.array(z.string()),
  language: z.string().nullable(),
  status: z.enum(['active', 'ended']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  summary: z.string().nullable(),
});

export const FeedbackActionSchema = z.enum(['used', 'dismissed', 'chosen']);

export const CallViewWireSchema = z.object({
  call: CallSummaryWireSchema,
  utterances: z.array(UtteranceSchema),
  notes: z.object({
    orderNumbers: z.array(OrderNumberNoteSchema),
    amounts: z.array(AmountNoteSchema),
    products: z.array(ProductNoteSchema),
    promises: z.array(PromiseNoteSchema),
  }),
  suggestions: z.array(
    z.object({
      id: z.string(),
      afterUtterance: z.number(),
      text: z.string(),
      policies: z.array(z.string()),
      engine: z.string(),
      feedback: z.array(z.string()),
      /**
       * A reply sent on the buyer's interim hypothesis (decision 0495): `provisional` until the final
       * transcript confirms it; null for one sent after its final. Withdrawn replies are not in the view.
       */
      state: SuggestionStateSchema.exclude(['withdrawn']).nullable().default(null),
    }),
  ),
  /** The latest ranked set, recommended first. */
  refundOptions: z.array(RefundOptionSchema),
  coaching: z.array(z.object({ utterance: z.number(), category: FlagCategorySchema, message: z.string() })),
  flags: z.array(
    z.object({
      id: z.string(),
      caseId: z.string().nullable(),
      /** Compliance categories, and `broken_promise` once a promise made in the call was not kept. */
      category: ModerationCategorySchema,
      severity: SeveritySchema,
      utterance: z.number(),
      speaker: SpeakerRoleSchema,
      evidence: z.string(),
      span: z.tuple([z.number(), z.number()]),
      /** `<ruleId>@<version>` */
      rule: z.string(),
      confidence: z.number(),
    }),
  ),
});

/** A row of `GET /api/calls`: the summary with its counts. */
export const CallListRowWireSchema = CallSummaryWireSchema.extend({ utterances: z.number(), flags: z.number() });

export const SuggestionFeedbackWireSchema = z.object({ suggestionId: z.string(), action: FeedbackActionSchema });
export const CopilotFeedbackRecordedWireSchema = z.object({ recorded: z.string() });
