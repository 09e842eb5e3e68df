import type { Sql } from '../../db/client.js';
import {
  listAuditEvents,
  verifyAuditChain,
  type AuditEventRow,
  type AuditFilter,
  type ChainCheck,
} from '../../db/queries/audit.js';
import { listPenalties } from '../../db/queries/penalties.js';
import { merchantScope, requireRole, type Actor } from './actor.js';
import { withStates, type PenaltyWithState } from './state.js';

/** Merchant staff see their own penalties; reviewers any merchant's, or all. */
export async function listMerchantPenalties(
  sql: Sql,
  actor: Actor,
  filter: { merchantId?: string },
): Promise<PenaltyWithState[]> {
  const scope = merchantScope(actor) ?? filter.merchantId ?? null;
  return withStates(await listPenalties(sql, scope));
}

export async function readAuditLog(sql: Sql, actor: Actor, filter: AuditFilter): Promise<AuditEventRow[]> {
  requireRole(actor, ['admin']);
  return listAuditEvents(sql, filter);
}

export async function verifyAudit(
  sql: Sql,
  actor: Actor,
): Promise<{
  intact: boolean;
  events: number;
  firstBroken: ChainCheck['firstBroken'] | null;
  broken: ChainCheck['broken'];
}> {
  requireRole(actor, ['admin']);
  const check = await verifyAuditChain(sql);
  return {
    intact: !check.firstBroken,
    events: check.events,
    firstBroken: check.firstBroken ?? null,
    broken: check.broken,
  };
}
