import { z } from 'zod';
import { WireTimeSchema } from './audit.js';
import { BuyerWireSchema } from './buyer.js';
import { ModerationCategorySchema, SeveritySchema } from './domain.js';
import {
  AppealOutcomeSchema,
  AppealStatusSchema,
  DecisionStateSchema,
  PenaltyKindSchema,
  PenaltyStateSchema,
} from './moderation.js';

/**
 * The moderation API's wire shapes (README, "Moderation API"): one definition the server builds
 * and the dashboard reads. Times are Dates on the server and ISO strings on the wire.
 */
const AutomatedSchema = z.enum(['fully', 'partially', 'not']);

export const VerdictWireSchema = z.object({
  layer: z.string(),
  verdict: z.string(),
  confidence: z.number().nullable(),
});

/**
 * The statement of reasons a merchant receives for a decision against it (DSA Art. 17, P2B
 * Art. 4): facts and evidence, the rule and its ground, what was automated, the penalty and its
 * duration, and how to appeal. Stored with the decision exactly as sent.
 */
export const StatementOfReasonsSchema = z.object({
  version: z.literal(1),
  decisionId: z.string(),
  caseId: z.string(),
  callId: z.string(),
  decidedAt: z.string(),
  outcome: z.literal('upheld'),
  facts: z.object({
    callStartedAt: z.string(),
    contentLanguage: z.string().nullable(),
    speaker: z.string(),
    utteranceSeq: z.number(),
    /** The merchant's own words that matched, with where they are in the utterance and audio. */
    evidence: z.string(),
    span: z.tuple([z.number(), z.number()]),
    audio: z.object({ startMs: z.number(), endMs: z.number() }).nullable(),
    detector: z.string(),
    confidence: z.number(),
    verdicts: z.array(VerdictWireSchema),
  }),
  rule: z.object({
    id: z.string(),
    version: z.number(),
    category: ModerationCategorySchema,
    severity: SeveritySchema,
    ground: z.object({ zh: z.string(), en: z.string() }),
  }),
  reason: z.object({ code: z.string(), text: z.string() }),
  automatedDetection: z.boolean(),
  automatedDecision: AutomatedSchema,
  penalty: z
    .object({ kind: PenaltyKindSchema, points: z.number(), startsAt: z.string(), endsAt: z.string().nullable() })
    .nullable(),
  redress: z.object({
    appealUntil: z.string(),
    free: z.literal(true),
    how: z.object({ zh: z.string(), en: z.string() }),
    reviewedBy: z.string(),
  }),
});
export type StatementOfReasons = z.infer<typeof StatementOfReasonsSchema>;

export const DecisionWireSchema = z.object({
  id: z.string(),
  outcome: z.enum(['upheld', 'dismissed']),
  reasonCode: z.string(),
  reasonText: z.string(),
  automatedDecision: AutomatedSchema,
  decidedAt: WireTimeSchema,
  decidedBy: z.string().nullable().optional(),
  overturn: z.string().nullable().optional(),
  state: DecisionStateSchema,
  appealId: z.string().nullable().optional(),
  // The row's own fields, as the case view has always sent them.
  caseId: z.string().optional(),
  flagId: z.string().optional(),
  automatedDetection: z.boolean().optional(),
  /** The statement of reasons as stored (its own route, `/api/decisions/:id/statement`, checks its shape). */
  statement: z.record(z.string(), z.unknown()).nullable().optional(),
  overturnedBy: z.string().nullable().optional(),
  overturnedAt: WireTimeSchema.nullable().optional(),
});

export const StepWireSchema = z.object({
  kind: z.string(),
  points: z.number(),
  durationDays: z.number().nullable(),
});

export const PenaltyWireSchema = z.object({
  id: z.string(),
  merchantId: z.string().optional(),
  caseId: z.string(),
  decisionId: z.string().nullable(),
  kind: z.string(),
  points: z.number(),
  startsAt: WireTimeSchema,
  endsAt: WireTimeSchema.nullable(),
  reversedAt: WireTimeSchema.nullable(),
  reversalNote: z.string().nullable().optional(),
  /** The appeal that reversed it. */
  reversedBy: z.string().nullable().optional(),
  replaces: z.string().nullable().optional(),
  ladderStep: z.number().nullable().optional(),
  standingBefore: z.number().nullable().optional(),
  state: PenaltyStateSchema,
  category: z.string().nullable().optional(),
  severity: z.string().nullable().optional(),
});

export const DecisionHistoryWireSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  callId: z.string(),
  category: z.string(),
  severity: z.string(),
  reasonCode: z.string(),
  decidedAt: WireTimeSchema,
  automatedDecision: z.string(),
  state: DecisionStateSchema,
  outcome: z.string().optional(),
  overturn: z.string().nullable().optional(),
  ruleId: z.string().optional(),
  appealStatus: AppealStatusSchema.nullable().optional(),
  appealOutcome: AppealOutcomeSchema.nullable().optional(),
});

export const StandingWireSchema = z.object({
  merchant: z.object({ id: z.string(), name: z.string().nullable() }),
  pointsInForce: z.number(),
  penalties: z.array(PenaltyWireSchema),
  decisions: z.array(DecisionHistoryWireSchema),
});

export const CaseFlagWireSchema = z.object({
  id: z.string(),
  callId: z.string().optional(),
  merchantId: z.string().optional(),
  caseId: z.string().nullable().optional(),
  utteranceId: z.coerce.number().optional(),
  promiseId: z.string().nullable().optional(),
  status: z.enum(['raised', 'rejected']).optional(),
  createdAt: WireTimeSchema.optional(),
  category: z.string(),
  severity: z.string(),
  ruleId: z.string(),
  ruleVersion: z.number(),
  detector: z.string(),
  confidence: z.number(),
  speakerRole: z.string(),
  evidenceText: z.string(),
  spanStart: z.number(),
  spanEnd: z.number(),
  audioStartMs: z.number().nullable(),
  audioEndMs: z.number().nullable(),
  utteranceSeq: z.number(),
  /** The speech engine's confidence for the flagged utterance, shown beside the clip. */
  sttConfidence: z.number().nullable(),
  /** Whether stored audio covers the flag (GET /api/flags/:id/clip plays it). */
  hasAudio: z.boolean(),
  verdicts: z.array(VerdictWireSchema.extend({ detail: z.record(z.string(), z.unknown()).optional() })),
  decision: DecisionWireSchema.nullable(),
  /** A broken promise's terms and its order's facts and events (README, "Promise ledger"). */
  promise: z
    .object({
      action: z.string(),
      deadline: z.string().nullable().optional(),
      saidAt: WireTimeSchema.nullable().optional(),
      dueAt: WireTimeSchema.nullable(),
      dueSource: z.enum(['said', 'platform_default']).nullable(),
      amount: z.number().nullable(),
      currency: z.string().nullable(),
      orderId: z.string().nullable(),
      order: z
        .object({
          id: z.string().optional(),
          status: z.string(),
          amount: z.number().optional(),
          currency: z.string().optional(),
          refundedAmount: z.number(),
          refundedAt: WireTimeSchema.nullable().optional(),
          compensatedAmount: z.number(),
          shippedAt: WireTimeSchema.nullable().optional(),
          deliveredAt: WireTimeSchema.nullable().optional(),
          cancelledAt: WireTimeSchema.nullable().optional(),
          trackingNumber: z.string().nullable().optional(),
        })
        .nullable(),
      events: z.array(
        z.object({
          eventId: z.string(),
          orderId: z.string().optional(),
          merchantId: z.string().optional(),
          type: z.string(),
          at: WireTimeSchema,
          amount: z.number().nullable(),
          currency: z.string().nullable(),
          trackingNumber: z.string().nullable().optional(),
          source: z.string().optional(),
          receivedAt: WireTimeSchema.optional(),
        }),
      ),
    })
    .nullable()
    .optional(),
});

export const CaseRowWireSchema = z.object({
  id: z.string(),
  merchantId: z.string(),
  merchantName: z.string().nullable().optional(),
  callId: z.string(),
  status: z.enum(['open', 'claimed', 'decided', 'closed']),
  severity: z.string(),
  openedAt: WireTimeSchema,
  slaDueAt: WireTimeSchema,
  claimedBy: z.string().nullable().optional(),
  claimExpiresAt: WireTimeSchema.nullable().optional(),
  decidedAt: WireTimeSchema.nullable().optional(),
  overdue: z.boolean().optional(),
  flagCount: z.number().optional(),
  undecided: z.number().optional(),
  categories: z.array(z.string()).optional(),
  language: z.string().nullable().optional(),
});

export const CaseViewWireSchema = z.object({
  case: CaseRowWireSchema,
  merchant: z.object({ id: z.string(), name: z.string().nullable() }),
  orders: z.array(
    z.object({
      id: z.string(),
      merchantId: z.string().optional(),
      buyerId: z.string().optional(),
      buyerName: z.string().nullable().optional(),
      status: z.string(),
      amount: z.number(),
      currency: z.string(),
      items: z.array(
        z.object({
          sku: z.string().optional(),
          name: z.string(),
          quantity: z.number().optional(),
          unitPrice: z.number().optional(),
          category: z.string().optional(),
        }),
      ),
      placedAt: WireTimeSchema.optional(),
      paidAt: WireTimeSchema.nullable().optional(),
      shippedAt: WireTimeSchema.nullable().optional(),
      deliveredAt: WireTimeSchema.nullable().optional(),
    }),
  ),
  history: z.object({
    pointsInForce: z.number(),
    decisions: z.array(DecisionHistoryWireSchema),
    penalties: z.array(PenaltyWireSchema),
  }),
  call: z
    .object({
      id: z.string(),
      buyerId: z.string(),
      buyer: BuyerWireSchema,
      orderIds: z.array(z.string()),
      startedAt: WireTimeSchema,
      endedAt: WireTimeSchema.nullable(),
      language: z.string().nullable(),
    })
    .nullish(),
  utterances: z.array(
    z.object({
      id: z.number(),
      seq: z.number(),
      speakerRole: z.string(),
      text: z.string(),
      startMs: z.number(),
      endMs: z.number(),
    }),
  ),
  flags: z.array(CaseFlagWireSchema),
  penalties: z.array(PenaltyWireSchema),
});

export const AppealSummaryWireSchema = z.object({
  id: z.string(),
  status: AppealStatusSchema,
  outcome: AppealOutcomeSchema.nullable(),
  outcomeText: z.string().nullable(),
  slaDueAt: WireTimeSchema,
  filedAt: WireTimeSchema.optional(),
  decidedAt: WireTimeSchema.nullable().optional(),
});

/** `GET /api/decisions/:id/statement`: the statement as sent, and the decision's state now. */
export const StatementWireSchema = z.object({
  statement: StatementOfReasonsSchema,
  overturn: z.string().nullable(),
  state: DecisionStateSchema,
  penalties: z.array(PenaltyWireSchema),
  appeal: AppealSummaryWireSchema.nullish(),
});

/* ── Answers of the case and appeal actions, and what merchant staff receive ─────────────────
 * Merchants learn that a human decided, not which one: their schemas name no moderator's id
 * (who claimed, decided, holds an appeal), so those keys cannot reach them (decision 0176). */

export const PenaltyRowWireSchema = PenaltyWireSchema.extend({ state: PenaltyStateSchema.optional() });

/** `POST /api/cases/:id/decide`: the decisions and penalties just written (reviewers only). */
export const CaseDecidedWireSchema = z.object({
  decisions: z.array(
    DecisionWireSchema.omit({ state: true, appealId: true, overturn: true }).extend({
      caseId: z.string(),
      flagId: z.string(),
      automatedDetection: z.boolean(),
      overturn: z.enum(['fully', 'partly']).nullable().optional(),
    }),
  ),
  penalties: z.array(PenaltyRowWireSchema),
});

export const PlannedPenaltyWireSchema = StepWireSchema.extend({
  flagId: z.string(),
  ladderStep: z.number(),
  standingBefore: z.number(),
});
export const CasePreviewWireSchema = z.object({ penalties: z.array(PlannedPenaltyWireSchema) });

export const CaseClaimWireSchema = z.object({ case: CaseRowWireSchema.nullable() });

export const CaseRowMerchantWireSchema = CaseRowWireSchema.omit({ claimedBy: true, claimExpiresAt: true });
const DecisionMerchantWireSchema = DecisionWireSchema.omit({ decidedBy: true });
const CaseFlagMerchantWireSchema = CaseFlagWireSchema.extend({ decision: DecisionMerchantWireSchema.nullable() });
export const CaseViewMerchantWireSchema = CaseViewWireSchema.extend({
  case: CaseRowMerchantWireSchema,
  flags: z.array(CaseFlagMerchantWireSchema),
});

/** `GET /api/cases/cards`: a page of cases as the merchant's flags page shows them. */
const CARD = { case: true, call: true, utterances: true, flags: true, penalties: true } as const;
export const CaseCardWireSchema = CaseViewWireSchema.pick(CARD);
export const CaseCardMerchantWireSchema = CaseViewMerchantWireSchema.pick(CARD);

/** `GET /api/decisions/:id/statement/dsa`: the statement in the DSA Transparency Database's fields. */
export const DsaStatementWireSchema = z.record(z.string(), z.union([z.string(), z.array(z.string()), z.null()]));
