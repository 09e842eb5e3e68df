import type { Queryable } from './moderation.js';

export type ApprovalKind = 'user.create' | 'user.role' | 'rule.auto';

export interface ApprovalRow {
  id: string;
  kind: ApprovalKind;
  target: string;
  payload: Record<string, unknown>;
  requestedBy: string;
  requestedAt: Date;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy: string | null;
  decidedAt: Date | null;
}

export async function insertApproval(
  q: Queryable,
  a: { kind: ApprovalKind; target: string; payload: Record<string, unknown>; requestedBy: string },
): Promise<ApprovalRow> {
  const [row] = await q<ApprovalRow[]>`
    insert into approvals (kind, target, payload, requested_by)
    values (${a.kind}, ${a.target}, ${q.json(a.payload as never)}, ${a.requestedBy}) returning *`;
  return row!;
}

export async function listPendingApprovals(q: Queryable): Promise<ApprovalRow[]> {
  return q<ApprovalRow[]>`select * from approvals where status = 'pending' order by requested_at`;
}

/** Decides a pending request once; undefined when it is not pending (or does not exist). */
export async function decideApproval(
  q: Queryable,
  id: string,
  by: string,
  status: 'approved' | 'rejected',
): Promise<ApprovalRow | undefined> {
  const [row] = await q<ApprovalRow[]>`
    update approvals set status = ${status}, decided_by = ${by}, decided_at = now()
    where id = ${id} and status = 'pending' returning *`;
  return row;
}

export async function getApproval(q: Queryable, id: string): Promise<ApprovalRow | undefined> {
  const [row] = await q<ApprovalRow[]>`select * from approvals where id = ${id}`;
  return row;
}
