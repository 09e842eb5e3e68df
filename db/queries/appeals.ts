import { merchantFilter, type PenaltyRow, type Queryable } from './moderation.js';

export interface AppealRow {
  id: string;
  merchantId: string;
  caseId: string;
  decisionId: string;
  filedBy: string;
  statement: string;
  attachments: { name: string; text: string }[];
  status: 'open' | 'claimed' | 'decided' | 'withdrawn';
  filedAt: Date;
  slaDueAt: Date;
  assignedTo: string | null;
  claimExpiresAt: Date | null;
  outcome: 'upheld' | 'overturned_fully' | 'overturned_partly' | null;
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
  const [row] = await q<AppealRow[]>`
    insert into appeals (merchant_id, case_id, decision_id, filed_by, statement, attachments, sla_due_at)
    values (${a.merchantId}, ${a.caseId}, ${a.decisionId}, ${a.filedBy}, ${a.statement},
            ${q.json(a.attachments)}, now() + make_interval(hours => ${a.slaHours}))
    returning *`;
  return row!;
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
    limit: number;
    offset: number;
  },
): Promise<AppealView[]> {
  return q<AppealView[]>`
    ${VIEW(q)} where a.status = any(${f.statuses}::text[]) ${merchantFilter(q, 'a', f.merchantId)}
      ${f.overdueOnly ? q`and a.status in ('open', 'claimed') and a.sla_due_at < now()` : q``}
    order by (a.status in ('open', 'claimed') and a.sla_due_at < now()) desc,
      a.status in ('open', 'claimed') desc, a.sla_due_at, a.filed_at desc, a.id
    limit ${f.limit} offset ${f.offset}`;
}

/** Same rule as a case claim: the condition lives in the UPDATE, so one moderator wins. */
export async function claimAppealRow(
  q: Queryable,
  id: string,
  userId: string,
  minutes: number,
): Promise<AppealRow | undefined> {
  const [row] = await q<AppealRow[]>`
    update appeals set status = 'claimed', assigned_to = ${userId},
      claim_expires_at = now() + make_interval(mins => ${minutes})
    where id = ${id} and status in ('open', 'claimed')
      and (assigned_to is null or assigned_to = ${userId} or claim_expires_at < now())
    returning *`;
  return row;
}

export async function decideAppealRow(
  q: Queryable,
  a: { id: string; userId: string; outcome: NonNullable<AppealRow['outcome']>; outcomeText: string },
): Promise<AppealRow | undefined> {
  const [row] = await q<AppealRow[]>`
    update appeals set status = 'decided', outcome = ${a.outcome}, outcome_text = ${a.outcomeText},
      decided_by = ${a.userId}, decided_at = now(), claim_expires_at = null
    where id = ${a.id} and status = 'claimed' and assigned_to = ${a.userId} and claim_expires_at >= now()
    returning *`;
  return row;
}

export async function markDecisionOverturned(
  q: Queryable,
  decisionId: string,
  appealId: string,
  overturn: 'fully' | 'partly',
): Promise<void> {
  await q`update decisions set overturned_by = ${appealId}, overturned_at = now(), overturn = ${overturn}
          where id = ${decisionId} and overturned_by is null`;
}

/** Reverses, at once, every standing penalty imposed for the decision. */
export async function reversePenaltiesFor(
  q: Queryable,
  decisionId: string,
  appealId: string,
  note: string,
): Promise<PenaltyRow[]> {
  return q<PenaltyRow[]>`
    update penalties set reversed_at = now(), reversal_note = ${note}, reversed_by = ${appealId}
    where decision_id = ${decisionId} and reversed_at is null returning *`;
}

export async function reversePenalty(
  q: Queryable,
  id: string,
  appealId: string,
  note: string,
): Promise<PenaltyRow | undefined> {
  const [row] = await q<PenaltyRow[]>`
    update penalties set reversed_at = now(), reversal_note = ${note}, reversed_by = ${appealId}
    where id = ${id} and reversed_at is null returning *`;
  return row;
}
