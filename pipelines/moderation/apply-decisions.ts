import {
  countStandingPenalties,
  getCallFacts,
  insertDecision,
  insertPenalty,
  setDecisionStatement,
  type CaseFlag,
  type CaseRow,
  type DecisionRow,
  type PenaltyRow,
  type Queryable,
} from '../../db/queries/moderation.js';
import { record, type Actor } from './actor.js';
import { ladderStep } from './ladder.js';
import type { ModerationSettings } from './settings.js';
import { buildStatement } from './statement.js';

const SEVERITY_RANK = { low: 0, medium: 1, high: 2, critical: 3 } as const;

export interface FlagJudgment {
  flag: CaseFlag;
  outcome: 'upheld' | 'dismissed';
  reasonCode: string;
  reasonText: string;
}

/**
 * Records one decision per flag, at most one penalty for the case (from the ladder, tied to the
 * most severe upheld flag's decision), a statement of reasons for every upheld decision, and an
 * audit event for each. Runs inside the caller's transaction.
 */
export async function applyDecisions(
  tx: Queryable,
  actor: Actor,
  c: { kase: CaseRow; judgments: FlagJudgment[]; penalty: 'ladder' | 'none'; settings: ModerationSettings },
): Promise<{ decisions: DecisionRow[]; penalty: PenaltyRow | null }> {
  const automated = actor.kind === 'system';
  const decisions: DecisionRow[] = [];
  for (const j of c.judgments) {
    const d = await insertDecision(tx, {
      caseId: c.kase.id,
      flagId: j.flag.id,
      outcome: j.outcome,
      reasonCode: j.reasonCode,
      reasonText: j.reasonText,
      decidedBy: automated ? null : actor.id,
      automatedDetection: true,
      automatedDecision: automated ? 'fully' : 'not',
      statement: null,
    });
    decisions.push(d);
    await record(tx, actor, 'decision.made', { type: 'decision', id: d.id }, null, {
      caseId: d.caseId,
      flagId: d.flagId,
      outcome: d.outcome,
      reasonCode: d.reasonCode,
      automatedDecision: d.automatedDecision,
    });
  }
  const upheld = c.judgments
    .map((j, i) => ({ j, d: decisions[i]! }))
    .filter(({ j }) => j.outcome === 'upheld')
    .sort(
      (a, b) =>
        SEVERITY_RANK[b.j.flag.severity] - SEVERITY_RANK[a.j.flag.severity] ||
        b.j.flag.confidence - a.j.flag.confidence,
    );

  let penalty: PenaltyRow | null = null;
  const lead = upheld[0];
  if (lead && c.penalty === 'ladder') {
    const standing = await countStandingPenalties(tx, c.kase.merchantId, c.settings.repeatLookbackDays);
    const step = ladderStep(c.settings, { standingPenalties: standing, severity: lead.j.flag.severity, automated });
    penalty = await insertPenalty(tx, {
      merchantId: c.kase.merchantId,
      caseId: c.kase.id,
      decisionId: lead.d.id,
      kind: step.kind,
      points: step.points,
      durationDays: step.durationDays,
    });
    await record(tx, actor, 'penalty.applied', { type: 'penalty', id: penalty.id }, null, {
      caseId: penalty.caseId,
      decisionId: penalty.decisionId,
      kind: penalty.kind,
      points: penalty.points,
      endsAt: penalty.endsAt,
      standingBefore: standing,
    });
  }

  const call = await getCallFacts(tx, c.kase.callId);
  for (const { j, d } of upheld) {
    const statement = buildStatement({
      decision: d,
      call: { id: c.kase.callId, startedAt: call!.startedAt, language: call!.language },
      flag: j.flag,
      penalty: penalty && penalty.decisionId === d.id ? penalty : null,
      appealWindowMonths: c.settings.appealWindowMonths,
    });
    await setDecisionStatement(tx, d.id, statement as unknown as Record<string, unknown>);
    d.statement = statement as unknown as Record<string, unknown>;
  }
  return { decisions, penalty };
}
