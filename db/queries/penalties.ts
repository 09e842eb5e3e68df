import type { Severity } from '../../core/domain.js';
import type { Queryable } from '../client.js';
import type { DecisionRow } from './decisions.js';
import { merchantFilter } from './scope.js';

export interface PenaltyRow {
  id: string;
  merchantId: string;
  caseId: string;
  decisionId: string | null;
  kind: 'warning' | 'points' | 'listing_restriction' | 'suspension';
  points: number;
  startsAt: Date;
  endsAt: Date | null;
  reversedAt: Date | null;
  reversalNote: string | null;
  reversedBy?: string | null;
  replaces?: string | null;
  /** The ladder rung it was computed at, and how many penalties stood before it (null: chosen by hand). */
  ladderStep?: number | null;
  standingBefore?: number | null;
}

export async function insertPenalty(
  q: Queryable,
  p: Pick<PenaltyRow, 'merchantId' | 'caseId' | 'decisionId' | 'kind' | 'points'> & {
    durationDays?: number | null;
    replaces?: string | null;
    ladderStep?: number | null;
    standingBefore?: number | null;
    /** A replacement keeps the start of the penalty it replaces, so the ladder's order holds. */
    startsAt?: Date;
  },
): Promise<PenaltyRow> {
  const start = p.startsAt ?? null;
  const [row] = await q<{ id: string }[]>`
    insert into penalty_rows (merchant_id, case_id, decision_id, kind, points, starts_at, ends_at, replaces,
                           ladder_step, standing_before)
    values (${p.merchantId}, ${p.caseId}, ${p.decisionId}, ${p.kind}, ${p.points}, coalesce(${start}::timestamptz, now()),
            ${p.durationDays ? q`coalesce(${start}::timestamptz, now()) + make_interval(days => ${p.durationDays})` : null},
            ${p.replaces ?? null}, ${p.ladderStep ?? null}, ${p.standingBefore ?? null})
    returning id`;
  const [penalty] = await q<PenaltyRow[]>`select * from penalties where id = ${row!.id}`;
  return penalty!;
}

/** Penalties still standing against a merchant within the look-back: the ladder's repeat count. */
export async function countStandingPenalties(q: Queryable, merchantId: string, lookbackDays: number): Promise<number> {
  const [row] = await q<{ n: number }[]>`
    select count(*)::int as n from penalties
    where merchant_id = ${merchantId} and reversed_at is null
      and starts_at >= now() - make_interval(days => ${lookbackDays})`;
  return row!.n;
}

export async function listPenalties(
  q: Queryable,
  merchantId: string | null,
  filter: { caseId?: string } = {},
): Promise<PenaltyRow[]> {
  return q<PenaltyRow[]>`
    select p.* from penalties p where true ${merchantFilter(q, 'p', merchantId)}
      ${filter.caseId ? q`and p.case_id = ${filter.caseId}` : q``}
    order by p.starts_at desc, p.id limit 500`;
}

export type LadderedPenalty = PenaltyRow & { severity: Severity; automatedDecision: DecisionRow['automatedDecision'] };

/** A merchant's standing penalties computed from the ladder that started at or after a moment, oldest first. */
export async function listLadderedPenaltiesSince(
  q: Queryable,
  merchantId: string,
  since: Date,
): Promise<LadderedPenalty[]> {
  return q<LadderedPenalty[]>`
    select p.*, f.severity, d.automated_decision from penalties p
      join decisions d on d.id = p.decision_id join flags f on f.id = d.flag_id
    where p.merchant_id = ${merchantId} and p.reversed_at is null and p.ladder_step is not null
      and p.starts_at > ${since}
    order by p.starts_at, p.id`;
}

/** Penalties standing before a moment, within the look-back before it: the count a penalty was laddered from. */
export async function countStandingBefore(
  q: Queryable,
  merchantId: string,
  at: Date,
  lookbackDays: number,
): Promise<number> {
  const [row] = await q<{ n: number }[]>`
    select count(*)::int as n from penalties
    where merchant_id = ${merchantId} and reversed_at is null and starts_at < ${at}
      and starts_at >= ${at}::timestamptz - make_interval(days => ${lookbackDays})`;
  return row!.n;
}
