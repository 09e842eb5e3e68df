/** Wire shapes of the moderation API as the pages read them (README, "Moderation API"). */
export interface Verdict {
  layer: string;
  verdict: string;
  confidence: number | null;
}

export interface Decision {
  id: string;
  outcome: 'upheld' | 'dismissed';
  reasonCode: string;
  reasonText: string;
  automatedDecision: 'fully' | 'partially' | 'not';
  decidedAt: string;
  decidedBy?: string | null;
  overturn?: string | null;
  state: DecisionState;
  appealId?: string | null;
}

export type DecisionState =
  | 'upheld'
  | 'dismissed'
  | 'under_appeal'
  | 'appeal_rejected'
  | 'overturned'
  | 'partly_overturned';
export type PenaltyState = 'in_force' | 'expired' | 'reversed' | 'replaced';
export interface Step {
  kind: string;
  points: number;
  durationDays: number | null;
}
export interface Penalty {
  id: string;
  caseId: string;
  decisionId: string | null;
  kind: string;
  points: number;
  startsAt: string;
  endsAt: string | null;
  reversedAt: string | null;
  replaces?: string | null;
  ladderStep?: number | null;
  state: PenaltyState;
  category?: string | null;
  severity?: string | null;
}
export interface DecisionHistory {
  id: string;
  caseId: string;
  callId: string;
  category: string;
  severity: string;
  reasonCode: string;
  decidedAt: string;
  automatedDecision: string;
  state: DecisionState;
}
export interface Standing {
  merchant: { id: string; name: string | null };
  pointsInForce: number;
  penalties: Penalty[];
  decisions: DecisionHistory[];
}

export interface CaseFlag {
  id: string;
  category: string;
  severity: string;
  ruleId: string;
  ruleVersion: number;
  detector: string;
  confidence: number;
  speakerRole: string;
  evidenceText: string;
  spanStart: number;
  spanEnd: number;
  audioStartMs: number | null;
  audioEndMs: number | null;
  utteranceSeq: number;
  verdicts: Verdict[];
  decision: Decision | null;
}

export interface CaseRow {
  id: string;
  merchantId: string;
  merchantName?: string | null;
  callId: string;
  status: 'open' | 'claimed' | 'decided' | 'closed';
  severity: string;
  openedAt: string;
  slaDueAt: string;
  claimedBy?: string | null;
  claimExpiresAt?: string | null;
  overdue?: boolean;
  flagCount?: number;
  undecided?: number;
  categories?: string[];
  language?: string | null;
}

export interface CaseView {
  case: CaseRow;
  merchant: { id: string; name: string | null };
  orders: {
    id: string;
    status: string;
    amount: number;
    currency: string;
    items: { name: string; quantity?: number }[];
  }[];
  history: { pointsInForce: number; decisions: DecisionHistory[]; penalties: Penalty[] };
  call: {
    id: string;
    buyerId: string;
    orderIds: string[];
    startedAt: string;
    endedAt: string | null;
    language: string | null;
    audioUri: string | null;
  } | null;
  utterances: { id: number; seq: number; speakerRole: string; text: string; startMs: number; endMs: number }[];
  flags: CaseFlag[];
  penalties: Penalty[];
}

/** A case as the merchant's flags page shows it (`GET /api/cases/cards`). */
export type CaseCardView = Pick<CaseView, 'case' | 'call' | 'utterances' | 'flags' | 'penalties'>;

export interface Statement {
  statement: {
    decisionId: string;
    decidedAt: string;
    facts: {
      evidence: string;
      utteranceSeq: number;
      audio: { startMs: number } | null;
      detector: string;
      confidence: number;
    };
    rule: { id: string; version: number; category: string; severity: string; ground: { zh: string; en: string } };
    reason: { code: string; text: string };
    automatedDetection: boolean;
    automatedDecision: 'fully' | 'partially' | 'not';
    penalty: { kind: string; points: number; endsAt: string | null } | null;
    redress: { appealUntil: string; how: { zh: string; en: string } };
  };
  overturn: string | null;
  state: DecisionState;
  penalties: Penalty[];
  appeal: {
    id: string;
    status: AppealStatus;
    outcome: AppealOutcome | null;
    outcomeText: string | null;
    slaDueAt: string;
  } | null;
}

export type AppealStatus = 'open' | 'claimed' | 'decided' | 'withdrawn';
export type AppealOutcome = 'upheld' | 'overturned_fully' | 'overturned_partly';

export interface Appeal {
  id: string;
  merchantId: string;
  caseId: string;
  decisionId: string;
  statement: string;
  attachments: { name: string; text: string }[];
  status: AppealStatus;
  filedAt: string;
  slaDueAt: string;
  outcome: AppealOutcome | null;
  outcomeText: string | null;
  overdue: boolean;
  originalDecidedBy?: string | null;
  originalAutomated: string;
  ruleId: string;
  ruleVersion: number;
  detector: string;
  category: string;
  assignedTo?: string | null;
  penalties: Penalty[];
  replacementOptions: Step[];
}
