import type { DecisionState, PenaltyState } from '../../core/moderation.js';
import type { AppealRow } from '../../db/queries/appeals.js';
import type { DecisionRow } from '../../db/queries/decisions.js';
import type { PenaltyRow } from '../../db/queries/penalties.js';

/**
 * The one derivation of "where does this stand now" from rows: every page, statement and list
 * shows these, never its own reading of `outcome`, `overturn` or `reversed_at`.
 */
export function decisionState(
  d: Pick<DecisionRow, 'outcome' | 'overturn'>,
  appeal: Pick<AppealRow, 'status' | 'outcome'> | null | undefined,
): DecisionState {
  if (d.outcome === 'dismissed') return 'dismissed';
  if (d.overturn === 'fully') return 'overturned';
  if (d.overturn === 'partly') return 'partly_overturned';
  if (appeal && (appeal.status === 'open' || appeal.status === 'claimed')) return 'under_appeal';
  if (appeal?.status === 'decided' && appeal.outcome === 'upheld') return 'appeal_rejected';
  return 'upheld';
}

export function penaltyState(p: PenaltyRow, all: readonly PenaltyRow[], now = new Date()): PenaltyState {
  if (p.reversedAt) return all.some((x) => x.replaces === p.id) ? 'replaced' : 'reversed';
  if (p.endsAt && p.endsAt <= now) return 'expired';
  return 'in_force';
}

export type PenaltyWithState = PenaltyRow & { state: PenaltyState };

export function withStates(penalties: readonly PenaltyRow[], now = new Date()): PenaltyWithState[] {
  return penalties.map((p) => ({ ...p, state: penaltyState(p, penalties, now) }));
}

/** Points in force: the sum over penalties in force now. */
export function pointsInForce(penalties: readonly PenaltyWithState[]): number {
  return penalties.filter((p) => p.state === 'in_force').reduce((n, p) => n + p.points, 0);
}
