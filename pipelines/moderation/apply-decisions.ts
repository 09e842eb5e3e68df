import { getCallFacts } from '../../db/queries/call-facts.js';
import { insertDecision, setDecisionStatement, type DecisionRow } from '../../db/queries/decisions.js';
import { insertPenalty, type PenaltyRow } from '../../db/queries/penalties.js';
import type { CaseFlag, CaseRow } from '../../db/queries/moderation.js';
import type { Queryable } from '../../db/client.js';
import { record, type Actor } from './actor.js';
import { planPenalties } from './plan-penalties.js';
import type { ModerationSettings } from './settings.js';
import { buildStatement } from './statement.js';

export interface FlagJudgment {
  flag: CaseFlag;
  outcome: 'upheld' | 'dismissed';
  reasonCode: string;
  reasonText: string;
}

/**
 * Records one decision per flag, a penalty from the ladder for each upheld decision (unless the
 * decider chose none), a statement of reasons for every upheld decision, and an audit event for
 * each. Runs inside the caller's transaction.
 */
export async function applyDecisions(
  tx: Queryable,
  actor: Actor,
  c: { kase: CaseRow; judgments: FlagJudgment[]; penalty: 'ladder' | 'none'; settings: ModerationSettings },
): Promise<{ decisions: DecisionRow[]; penalties: PenaltyRow[] }> {
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
  const planned = await planPenalties(tx, {
    merchantId: c.kase.merchantId,
    judgments: c.judgments.map((j) => ({ flagId: j.flag.id, severity: j.flag.severity, outcome: j.outcome })),
    penalty: c.penalty,
    automated,
    settings: c.settings,
  });
  const penalties: PenaltyRow[] = [];
  for (const plan of planned) {
    const d = decisions.find((x) => x.flagId === plan.flagId)!;
    const penalty = await insertPenalty(tx, {
      merchantId: c.kase.merchantId,
      caseId: c.kase.id,
      decisionId: d.id,
      kind: plan.kind,
      points: plan.points,
      durationDays: plan.durationDays,
      ladderStep: plan.ladderStep,
      standingBefore: plan.standingBefore,
    });
    penalties.push(penalty);
    await record(tx, actor, 'penalty.applied', { type: 'penalty', id: penalty.id }, null, {
      caseId: penalty.caseId,
      decisionId: penalty.decisionId,
      kind: penalty.kind,
      points: penalty.points,
      endsAt: penalty.endsAt,
      ladderStep: plan.ladderStep,
      standingBefore: plan.standingBefore,
    });
  }

  const call = await getCallFacts(tx, c.kase.callId);
  for (const [i, j] of c.judgments.entries()) {
    if (j.outcome !== 'upheld') continue;
    const d = decisions[i]!;
    const statement = buildStatement({
      decision: d,
      call: { id: c.kase.callId, startedAt: call!.startedAt, language: call!.language },
      flag: j.flag,
      penalty: penalties.find((p) => p.decisionId === d.id) ?? null,
      appealWindowMonths: c.settings.appealWindowMonths,
    });
    await setDecisionStatement(tx, d.id, statement as unknown as Record<string, unknown>);
    d.statement = statement as unknown as Record<string, unknown>;
  }
  return { decisions, penalties };
}
