import type { AppealOutcome, AppealStatus } from '../../core/moderation.js';
import { merchantFilter } from './scope.js';
import type { PenaltyRow } from './penalties.js';
import type { Queryable } from '../client.js';

export interface AppealRow {
  id: string;
  merchantId: string;
  caseId: string;
  decisionId: string;
  filedBy: string;
  statement: string;
  attachments: { name: string; text: string }[];
  status: AppealStatus;
  filedAt: Date;
  slaDueAt: Date;
  assignedTo: string | null;
  claimExpiresAt: Date | null;
  outcome: AppealOutcome | null;
  outcomeText: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

/** An appeal with what a reviewer needs beside it: who made the original decision, and how. */
export type AppealView = AppealRow & {
  overdue: boolean;
  originalDecidedBy: string | null;
  originalAutomated: 'fully' | 'partially' | 'not';
  ruleId: string;
  ruleVersion: number;
  detector: string;
  category: string;
};

export async function insertAppeal(
  q: Queryable,
  a: Pick<AppealRow, 'merchantId' | 'caseId' | 'decisionId' | 'filedBy' | 'statement' | 'attachments'> & {
    slaHours: number;
  },
): Promise<AppealRow> {
  const [row] = await q<{ id: string }[]>`
    insert into appeal_rows (merchant_id, case_id, decision_id, filed_by, statement, attachments, sla_due_at)
    values (${a.merchantId}, ${a.caseId}, ${a.decisionId}, ${a.filedBy}, ${a.statement},
            ${q.json(a.attachments)}, now() + make_interval(hours => ${a.slaHours}))
    returning id`;
  return (await appealRow(q, row!.id))!;
}

async function appealRow(q: Queryable, id: string | undefined): Promise<AppealRow | undefined> {
  if (!id) return undefined;
  const [row] = await q<AppealRow[]>`select * from appeals where id = ${id}`;
  return row;
}

const VIEW = (q: Queryable) => q`
  select a.*, a.status in ('open', 'claimed') and a.sla_due_at < now() as overdue,
    d.decided_by as original_decided_by, d.automated_decision as original_automated,
    f.rule_id, f.rule_version, f.detector, f.category
  from appeals a join decisions d on d.id = a.decision_id join flags f on f.id = d.flag_id`;

export async function getAppeal(
  q: Queryable,
  id: string,
  merchantId: string | null = null,
): Promise<AppealView | undefined> {
  const [row] = await q<AppealView[]>`${VIEW(q)} where a.id = ${id} ${merchantFilter(q, 'a', merchantId)}`;
  return row;
}

export async function getAppealForDecision(q: Queryable, decisionId: string): Promise<AppealRow | undefined> {
  const [row] = await q<AppealRow[]>`select * from appeals where decision_id = ${decisionId} and status <> 'withdrawn'`;
  return row;
}

/** Open appeals overdue first, then by SLA; decided ones after, newest first. */
export async function listAppeals(
  q: Queryable,
  f: {
    merchantId: string | null;
    statuses: AppealRow['status'][];
    overdueOnly?: boolean;
    /** Filed on or after `from`, before `to`. */
    from?: Date;
    to?: Date;
    limit: number;
    offset: number;
  },
): Promise<AppealView[]> {
  return q<AppealView[]>`
    ${VIEW(q)} where a.status = any(${f.statuses}::text[]) ${merchantFilter(q, 'a', f.merchantId)}
      ${f.overdueOnly ? q`and a.status in ('open', 'claimed') and a.sla_due_at < now()` : q``}
      ${f.from ? q`and a.filed_at >= ${f.from}` : q``}
      ${f.to ? q`and a.filed_at < ${f.to}` : q``}
    order by (a.status in ('open', 'claimed') and a.sla_due_at < now()) desc,
      a.status in ('open', 'claimed') desc, a.sla_due_at, a.filed_at desc, a.id
    limit ${f.limit} offset ${f.offset}`;
}

/**
 * Same rule as a case claim, as a new claim row (decision 0174): racing moderators both write
 * claim n+1 and the primary key lets one win; the loser gets nothing back, as a lost UPDATE did.
 */
export async function claimAppealRow(
  q: Queryable,
  id: string,
  userId: string,
  minutes: number,
): Promise<AppealRow | undefined> {
  const [row] = await q<{ id: string }[]>`
    insert into appeal_claims (appeal_id, n, assigned_to, expires_at)
    select a.id, (select count(*) from appeal_claims c where c.appeal_id = a.id) + 1, ${userId},
      now() + make_interval(mins => ${minutes})
    from appeals a
    where a.id = ${id} and a.status in ('open', 'claimed')
      and (a.assigned_to is null or a.assigned_to = ${userId} or a.claim_expires_at < now())
    on conflict (appeal_id, n) do nothing
    returning appeal_id as id`;
  return appealRow(q, row?.id);
}

export async function decideAppealRow(
  q: Queryable,
  a: { id: string; userId: string; outcome: NonNullable<AppealRow['outcome']>; outcomeText: string },
): Promise<AppealRow | undefined> {
  const [row] = await q<{ id: string }[]>`
    insert into appeal_outcomes (appeal_id, outcome, outcome_text, decided_by)
    select a.id, ${a.outcome}, ${a.outcomeText}, ${a.userId} from appeals a
    where a.id = ${a.id} and a.status = 'claimed' and a.assigned_to = ${a.userId} and a.claim_expires_at >= now()
    on conflict (appeal_id) do nothing
    returning appeal_id as id`;
  return appealRow(q, row?.id);
}

export async function markDecisionOverturned(
  q: Queryable,
  decisionId: string,
  appealId: string,
  overturn: 'fully' | 'partly',
): Promise<void> {
  await q`insert into decision_overturns (decision_id, appeal_id, overturn)
          values (${decisionId}, ${appealId}, ${overturn}) on conflict (decision_id) do nothing`;
}

/** Reverses, at once, every standing penalty imposed for the decision. */
export async function reversePenaltiesFor(
  q: Queryable,
  decisionId: string,
  appealId: string,
  note: string,
): Promise<PenaltyRow[]> {
  const reversed = await q<{ id: string }[]>`
    insert into penalty_reversals (penalty_id, appeal_id, note)
    select p.id, ${appealId}, ${note} from penalties p where p.decision_id = ${decisionId} and p.reversed_at is null
    on conflict (penalty_id) do nothing
    returning penalty_id as id`;
  return penaltyRows(q, reversed);
}

export async function reversePenalty(
  q: Queryable,
  id: string,
  appealId: string,
  note: string,
): Promise<PenaltyRow | undefined> {
  const reversed = await q<{ id: string }[]>`
    insert into penalty_reversals (penalty_id, appeal_id, note)
    select p.id, ${appealId}, ${note} from penalties p where p.id = ${id} and p.reversed_at is null
    on conflict (penalty_id) do nothing
    returning penalty_id as id`;
  return (await penaltyRows(q, reversed))[0];
}

async function penaltyRows(q: Queryable, rows: readonly { id: string }[]): Promise<PenaltyRow[]> {
  if (rows.length === 0) return [];
  return q<PenaltyRow[]>`select * from penalties where id = any(${rows.map((r) => r.id)}::uuid[])`;
}
