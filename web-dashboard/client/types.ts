import type { z } from 'zod';
import type { BuyerWire } from '../../core/buyer.js';
import type { AppealWireSchema } from '../../core/appeal-wire.js';
import type {
  CaseFlagWireSchema,
  CaseRowWireSchema,
  CaseViewWireSchema,
  DecisionHistoryWireSchema,
  DecisionWireSchema,
  PenaltyWireSchema,
  StandingWireSchema,
  StatementWireSchema,
  StepWireSchema,
  VerdictWireSchema,
} from '../../core/moderation-wire.js';

/** The moderation API's wire shapes as the pages read them: defined once, in core/moderation-wire.ts and core/appeal-wire.ts. */
export type { AppealOutcome, AppealStatus, DecisionState, PenaltyState } from '../../core/moderation.js';
export type Verdict = z.output<typeof VerdictWireSchema>;
export type Decision = z.output<typeof DecisionWireSchema>;
export type Step = z.output<typeof StepWireSchema>;
export type Penalty = z.output<typeof PenaltyWireSchema>;
export type DecisionHistory = z.output<typeof DecisionHistoryWireSchema>;
export type Standing = z.output<typeof StandingWireSchema>;
export type CaseFlag = z.output<typeof CaseFlagWireSchema>;
export type CaseRow = z.output<typeof CaseRowWireSchema>;
export type CaseView = z.output<typeof CaseViewWireSchema>;
export type Statement = z.output<typeof StatementWireSchema>;
export type Appeal = z.output<typeof AppealWireSchema>;

/** A case as the merchant's flags page shows it (`GET /api/cases/cards`). */
export type CaseCardView = Pick<CaseView, 'case' | 'call' | 'utterances' | 'flags' | 'penalties'>;

/** A promise as `GET /api/promises` returns it (README, "Promise ledger"). */
export interface LedgerPromise {
  id: string;
  callId: string;
  buyerId: string;
  buyer: BuyerWire;
  action: string;
  text: string;
  deadline: string | null;
  conditional: boolean;
  status: 'open' | 'kept' | 'broken' | 'cancelled' | 'superseded';
  orderId: string | null;
  amount: number | null;
  currency: string | null;
  saidAt: string | null;
  dueAt: string | null;
  dueSource: 'said' | 'platform_default' | null;
  resolvedAt: string | null;
  closedByEvent: string | null;
  overdue: boolean;
  flagId: string | null;
  caseId: string | null;
  proofs: number;
}

export interface PromiseDetail {
  promise: LedgerPromise;
  order: { id: string; status: string; amount: number; currency: string; refundedAmount: number } | null;
  events: { eventId: string; type: string; at: string; amount: number | null; currency: string | null }[];
  trail: { at: string; action: string; after: Record<string, unknown> | null }[];
  proofs: { id: string; text: string; fileName: string | null; fileBytes: number | null; createdAt: string }[];
}
