import type { AccountRow } from '../../db/queries/sessions.js';
import type { RulePolicyRow } from '../../db/queries/rule-policies.js';
import { ApprovalWireSchema, type ApprovalRequired, type ApprovalWire } from '../../core/approvals.js';
import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import {
  decideApproval,
  getApproval,
  insertApproval,
  listPendingApprovals,
  type ApprovalKind,
  type ApprovalRow,
} from '../../db/queries/approvals.js';
import type { Queryable } from '../../db/client.js';
import { notFound, record, requireRole, type Actor, type UserActor } from './actor.js';

/** A request on the wire: the schema's allow-list keeps what a second admin judges, nothing else. */
export function presentApproval(a: ApprovalRow): ApprovalWire {
  return ApprovalWireSchema.parse({ ...a, change: a.payload, requestedByName: a.requestedByName ?? null });
}
export type { ApprovalRequired };

/** Records a change one admin may only ask for; a second admin applies it (decision 0171). */
export async function requestApproval(
  sql: Sql,
  actor: UserActor,
  a: { kind: ApprovalKind; target: string; payload: Record<string, unknown> },
): Promise<ApprovalRequired> {
  return sql.begin(async (tx) => {
    const row = await insertApproval(tx, { ...a, requestedBy: actor.id });
    await record(tx, actor, 'approval.requested', { type: 'approval', id: row.id }, null, presentApproval(row));
    return { approvalRequired: presentApproval(row) };
  }) as Promise<ApprovalRequired>;
}

export async function listApprovals(sql: Sql, actor: Actor): Promise<ApprovalWire[]> {
  requireRole(actor, ['admin']);
  return (await listPendingApprovals(sql)).map(presentApproval);
}

/** Applies an approved request inside the approving transaction. */
/** What an approval applied: the account made or changed, or the rule's new policy. */
export type Applied = AccountRow | RulePolicyRow;
export type ApplyApproval = (tx: Queryable, approval: ApprovalRow, approver: UserActor) => Promise<Applied>;
const appliers = new Map<ApprovalKind, ApplyApproval>();
export function onApproved(kind: ApprovalKind, apply: ApplyApproval): void {
  appliers.set(kind, apply);
}

/**
 * A second admin approves or rejects: never the one who asked, never the one who would gain the
 * role. Approval applies the change in the same transaction; both are audited.
 */
export async function decideApprovalRequest(
  sql: Sql,
  actor: Actor,
  id: string,
  decision: 'approved' | 'rejected',
): Promise<{ approval: ApprovalWire; applied: Applied | null | undefined }> {
  requireRole(actor, ['admin']);
  return sql.begin(async (tx) => {
    const before = await getApproval(tx, id);
    if (!before) throw notFound('approval');
    if (before.requestedBy === actor.id)
      throw new KefuError('DUTY_SEPARATION', 'You asked for this change; another admin must approve it.');
    if (before.target === actor.id) throw new KefuError('DUTY_SEPARATION', 'This change is for your own benefit.');
    const row = await decideApproval(tx, id, actor.id, decision);
    if (!row) throw new KefuError('CONFLICT', 'This request was already decided.');
    await record(
      tx,
      actor,
      `approval.${decision}`,
      { type: 'approval', id },
      { status: 'pending' },
      { status: decision },
    );
    const applied = decision === 'approved' ? await appliers.get(row.kind)?.(tx, row, actor) : null;
    return { approval: presentApproval(row), applied };
  }) as Promise<{ approval: ApprovalWire; applied: Applied | null | undefined }>;
}
