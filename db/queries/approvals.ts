import type { ApprovalKind } from '../../core/approvals.js';
import type { Queryable } from '../client.js';

export type { ApprovalKind };

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
  /** The requester's display name, joined for the list a second admin reads. */
  requestedByName?: string | null;
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
  return q<ApprovalRow[]>`
    select a.*, u.display_name as requested_by_name
    from approvals a left join users u on u.id = a.requested_by
    where a.status = 'pending' order by a.requested_at`;
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
