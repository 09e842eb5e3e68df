import type { Severity } from '../../core/domain.js';
import type { Sql } from '../client.js';

export interface CaseRow {
  id: string;
  merchantId: string;
  callId: string;
  status: 'open' | 'claimed' | 'decided' | 'closed';
  severity: Severity;
  openedAt: Date;
  slaDueAt: Date;
  claimedBy: string | null;
  claimExpiresAt: Date | null;
  decidedAt: Date | null;
}

export interface DecisionRow {
  id: string;
  caseId: string;
  flagId: string;
  outcome: 'upheld' | 'dismissed';
  reasonCode: string;
  reasonText: string;
  decidedBy: string | null;
  automatedDetection: boolean;
  automatedDecision: 'fully' | 'partially' | 'not';
  statement: Record<string, unknown> | null;
  decidedAt: Date;
}

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
}

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
  outcome: 'upheld' | 'overturned_fully' | 'overturned_partly' | null;
  decidedBy: string | null;
}

/**
 * Opens (or reuses) the case for a merchant's call and attaches the call's unassigned flags.
 * The case's severity is the worst among its flags.
 */
export async function openCaseForCall(
  sql: Sql,
  c: { merchantId: string; callId: string; slaHours: number },
): Promise<CaseRow | undefined> {
  return sql.begin(async (tx) => {
    const [worst] = await tx<{ severity: Severity }[]>`
      select severity from flags
      where call_id = ${c.callId} and merchant_id = ${c.merchantId} and status = 'raised'
      order by array_position(array['low','medium','high','critical'], severity) desc limit 1`;
    if (!worst) return undefined;
    const [row] = await tx<CaseRow[]>`
      insert into moderation_cases (merchant_id, call_id, severity, sla_due_at)
      values (${c.merchantId}, ${c.callId}, ${worst.severity}, now() + make_interval(hours => ${c.slaHours}))
      on conflict (merchant_id, call_id) do update set severity = excluded.severity
      returning *`;
    await tx`update flags set case_id = ${row!.id}
             where call_id = ${c.callId} and merchant_id = ${c.merchantId} and case_id is null and status = 'raised'`;
    return row;
  }) as Promise<CaseRow | undefined>;
}

export async function insertDecision(
  sql: Sql,
  d: Omit<DecisionRow, 'id' | 'decidedAt'>,
): Promise<DecisionRow> {
  const [row] = await sql<DecisionRow[]>`
    insert into decisions (case_id, flag_id, outcome, reason_code, reason_text, decided_by,
                           automated_detection, automated_decision, statement)
    values (${d.caseId}, ${d.flagId}, ${d.outcome}, ${d.reasonCode}, ${d.reasonText}, ${d.decidedBy},
            ${d.automatedDetection}, ${d.automatedDecision}, ${d.statement ? sql.json(d.statement as never) : null})
    returning *`;
  return row!;
}

export async function insertPenalty(
  sql: Sql,
  p: Pick<PenaltyRow, 'merchantId' | 'caseId' | 'decisionId' | 'kind' | 'points'> & { durationDays?: number },
): Promise<PenaltyRow> {
  const [row] = await sql<PenaltyRow[]>`
    insert into penalties (merchant_id, case_id, decision_id, kind, points, ends_at)
    values (${p.merchantId}, ${p.caseId}, ${p.decisionId}, ${p.kind}, ${p.points},
            ${p.durationDays ? sql`now() + make_interval(days => ${p.durationDays})` : null})
    returning *`;
  return row!;
}

export async function insertAppeal(
  sql: Sql,
  a: Pick<AppealRow, 'merchantId' | 'caseId' | 'decisionId' | 'filedBy' | 'statement' | 'attachments'> & {
    slaHours: number;
  },
): Promise<AppealRow> {
  const [row] = await sql<AppealRow[]>`
    insert into appeals (merchant_id, case_id, decision_id, filed_by, statement, attachments, sla_due_at)
    values (${a.merchantId}, ${a.caseId}, ${a.decisionId}, ${a.filedBy}, ${a.statement},
            ${sql.json(a.attachments)}, now() + make_interval(hours => ${a.slaHours}))
    returning *`;
  return row!;
}
