import type { Sql } from '../../db/client.js';
import { pageAuditEvents, verifyAuditChain, type AuditEventRow, type ChainCheck } from '../../db/queries/audit.js';
import { listPenalties, type PenaltyRow } from '../../db/queries/moderation.js';
import { merchantScope, requireRole, type Actor } from './actor.js';

/** Merchant staff see their own penalties; reviewers any merchant's, or all. */
export async function listMerchantPenalties(
  sql: Sql,
  actor: Actor,
  filter: { merchantId?: string },
): Promise<PenaltyRow[]> {
  const scope = merchantScope(actor) ?? filter.merchantId ?? null;
  return listPenalties(sql, scope);
}

export async function readAuditLog(
  sql: Sql,
  actor: Actor,
  filter: { entityType?: string; entityId?: string; limit: number; offset: number },
): Promise<AuditEventRow[]> {
  requireRole(actor, ['admin']);
  return pageAuditEvents(sql, filter);
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
