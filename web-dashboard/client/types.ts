import type { z } from 'zod';
import type {
  AppealWireSchema,
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

/** The moderation API's wire shapes as the pages read them: defined once, in core/moderation-wire.ts. */
export type { AppealOutcome, AppealStatus } from '../../core/moderation-wire.js';
export type { DecisionState, PenaltyState } from '../../core/moderation.js';
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
