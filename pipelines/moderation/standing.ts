import type { Sql } from '../../db/client.js';
import { getMerchantName } from '../../db/queries/call-facts.js';
import { listMerchantDecisions, type DecisionHistoryRow } from '../../db/queries/decisions.js';
import { listPenalties } from '../../db/queries/penalties.js';
import type { Queryable } from '../../db/client.js';
import { merchantScope, type Actor } from './actor.js';
import { decisionState, pointsInForce, withStates, type PenaltyWithState } from './state.js';

export type DecisionHistory = DecisionHistoryRow & { state: ReturnType<typeof decisionState> };

export interface MerchantStanding {
  merchant: { id: string; name: string | null };
  pointsInForce: number;
  /** Every penalty, newest first, each with its state now and the decision it belongs to. */
  penalties: (PenaltyWithState & { category: string | null; severity: string | null })[];
  decisions: DecisionHistory[];
}

/** A merchant's points and penalties in force, with their history: the one reading every page shares. */
export async function merchantStanding(q: Queryable, merchantId: string, limit = 200): Promise<MerchantStanding> {
  const [name, penalties, decisions] = await Promise.all([
    getMerchantName(q, merchantId),
    listPenalties(q, merchantId),
    listMerchantDecisions(q, merchantId, { limit }),
  ]);
  const states = withStates(penalties);
  const byDecision = new Map(decisions.map((d) => [d.id, d]));
  return {
    merchant: { id: merchantId, name },
    pointsInForce: pointsInForce(states),
    penalties: states.map((p) => ({
      ...p,
      category: (p.decisionId && byDecision.get(p.decisionId)?.category) ?? null,
      severity: (p.decisionId && byDecision.get(p.decisionId)?.severity) ?? null,
    })),
    decisions: decisions.map((d) => ({
      ...d,
      state: decisionState(d, d.appealStatus ? { status: d.appealStatus, outcome: d.appealOutcome } : null),
    })),
  };
}

/** Merchant staff read their own standing; reviewers name the merchant. */
export async function getMerchantStanding(sql: Sql, actor: Actor, merchantId: string): Promise<MerchantStanding> {
  return merchantStanding(sql, merchantScope(actor) ?? merchantId);
}
