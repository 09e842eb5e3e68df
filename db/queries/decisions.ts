import type { AppealOutcome, AppealStatus } from '../../core/moderation.js';
import type { ModerationCategory, Severity } from '../../core/domain.js';
import type { Queryable } from '../client.js';
import { ids, merchantFilter } from './scope.js';

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
  overturnedBy?: string | null;
  overturnedAt?: Date | null;
  overturn?: 'fully' | 'partly' | null;
}

export async function insertDecision(q: Queryable, d: Omit<DecisionRow, 'id' | 'decidedAt'>): Promise<DecisionRow> {
  const [row] = await q<{ id: string }[]>`
    insert into decision_rows (case_id, flag_id, outcome, reason_code, reason_text, decided_by,
                           automated_detection, automated_decision, statement)
    values (${d.caseId}, ${d.flagId}, ${d.outcome}, ${d.reasonCode}, ${d.reasonText}, ${d.decidedBy},
            ${d.automatedDetection}, ${d.automatedDecision}, ${d.statement ? q.json(d.statement as never) : null})
    returning id`;
  const [decision] = await q<DecisionRow[]>`select * from decisions where id = ${row!.id}`;
  return decision!;
}

export async function setDecisionStatement(
  q: Queryable,
  id: string,
  statement: Record<string, unknown>,
): Promise<void> {
  await q`insert into decision_statements (decision_id, statement) values (${id}, ${q.json(statement as never)})`;
}

export async function listCaseDecisions(q: Queryable, caseIds: string | readonly string[]): Promise<DecisionRow[]> {
  return q<DecisionRow[]>`select * from decisions where case_id = any(${ids(caseIds)}::uuid[]) order by decided_at, id`;
}

export type DecisionWithCase = DecisionRow & { merchantId: string; callId: string };

export async function getDecision(
  q: Queryable,
  id: string,
  merchantId: string | null = null,
): Promise<DecisionWithCase | undefined> {
  const [row] = await q<DecisionWithCase[]>`
    select d.*, c.merchant_id, c.call_id from decisions d join moderation_cases c on c.id = d.case_id
    where d.id = ${id} ${merchantFilter(q, 'c', merchantId)}`;
  return row;
}

export interface DecisionHistoryRow {
  id: string;
  caseId: string;
  callId: string;
  outcome: DecisionRow['outcome'];
  overturn: DecisionRow['overturn'];
  reasonCode: string;
  automatedDecision: DecisionRow['automatedDecision'];
  decidedAt: Date;
  category: ModerationCategory;
  severity: Severity;
  ruleId: string;
  appealStatus: AppealStatus | null;
  appealOutcome: AppealOutcome | null;
}

/** A merchant's decisions, newest first, with the flag they judged and the appeal against them. */
export async function listMerchantDecisions(
  q: Queryable,
  merchantId: string,
  o: { limit: number; caseId?: string },
): Promise<DecisionHistoryRow[]> {
  return q<DecisionHistoryRow[]>`
    select d.id, d.case_id, c.call_id, d.outcome, d.overturn, d.reason_code, d.automated_decision, d.decided_at,
      f.category, f.severity, f.rule_id, a.status as appeal_status, a.outcome as appeal_outcome
    from decisions d join moderation_cases c on c.id = d.case_id join flags f on f.id = d.flag_id
      left join appeals a on a.decision_id = d.id and a.status <> 'withdrawn'
    where c.merchant_id = ${merchantId} ${o.caseId ? q`and d.case_id = ${o.caseId}` : q``}
    order by d.decided_at desc, d.id limit ${o.limit}`;
}
