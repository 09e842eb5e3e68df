import type { AuditAction, AuditActorKind, AuditEntity } from '../../core/audit.js';
import type { Sql } from '../client.js';
import type { Queryable } from '../client.js';

export interface AuditEventInput {
  actorKind: Exclude<AuditActorKind, 'database'>;
  actorId: string;
  action: AuditAction;
  entityType: AuditEntity;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditEventRow extends Required<Omit<AuditEventInput, 'actorKind'>> {
  /** 'database': a row change the database recorded by itself (migration 0052). */
  actorKind: AuditActorKind;
  id: number;
  at: Date;
  prevHash: string;
  hash: string;
}

/** Appends an event; the database links it into the hash chain (see migration 0001). */
export async function appendAuditEvent(sql: Queryable, e: AuditEventInput): Promise<AuditEventRow> {
  const [row] = await sql<AuditEventRow[]>`
    insert into audit_events (actor_kind, actor_id, action, entity_type, entity_id, before, after, prev_hash, hash)
    values (${e.actorKind}, ${e.actorId}, ${e.action}, ${e.entityType}, ${e.entityId},
            ${e.before === undefined ? null : sql.json(e.before as never)},
            ${e.after === undefined ? null : sql.json(e.after as never)}, '', '')
    returning *`;
  return row!;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Newest first, one page at a time (the admin's log); without a limit, every event oldest first. */
  limit?: number;
  offset?: number;
}

export async function listAuditEvents(sql: Sql, filter: AuditFilter = {}): Promise<AuditEventRow[]> {
  return sql<AuditEventRow[]>`
    select * from audit_events
    where true
      ${filter.entityType ? sql`and entity_type = ${filter.entityType}` : sql``}
      ${filter.entityId ? sql`and entity_id = ${filter.entityId}` : sql``}
      ${filter.action ? sql`and action = ${filter.action}` : sql``}
      ${filter.from ? sql`and at >= ${filter.from}` : sql``}
      ${filter.to ? sql`and at < ${filter.to}` : sql``}
    ${filter.limit ? sql`order by id desc limit ${filter.limit} offset ${filter.offset ?? 0}` : sql`order by id`}`;
}

export interface BrokenEvent {
  id: number;
  reason: 'hash_mismatch' | 'link_mismatch';
}

export interface ChainCheck {
  events: number;
  /** Every event whose hash or link does not match, in id order. */
  broken: BrokenEvent[];
  /** The first of them, if any. */
  firstBroken?: BrokenEvent;
  head: { id: number; hash: string } | null;
}

/** Recomputes every hash and link in id order. */
export async function verifyAuditChain(sql: Sql): Promise<ChainCheck> {
  const rows = await sql<{ id: number; hash: string; hashOk: boolean; linkOk: boolean }[]>`
    select id, hash,
      hash = encode(sha256(convert_to(audit_event_digest_input(prev_hash, id, at, actor_kind, actor_id,
               action, entity_type, entity_id, before, after), 'UTF8')), 'hex') as hash_ok,
      prev_hash = coalesce(lag(hash) over (order by id), repeat('0', 64)) as link_ok
    from audit_events order by id`;
  const broken: BrokenEvent[] = rows
    .filter((r) => !r.hashOk || !r.linkOk)
    .map((r) => ({ id: Number(r.id), reason: r.hashOk ? 'link_mismatch' : 'hash_mismatch' }));
  const last = rows.at(-1);
  return {
    events: rows.length,
    broken,
    firstBroken: broken[0],
    head: last ? { id: Number(last.id), hash: last.hash } : null,
  };
}

/** How many events exist up to `lastId`, and the hash `lastId` has now (null if it is gone). */
export async function countAuditEventsUpTo(
  sql: Sql,
  lastId: number,
): Promise<{ events: number; lastHash: string | null }> {
  const [row] = await sql<{ events: number; lastHash: string | null }[]>`
    select count(*)::int as events, (select hash from audit_events where id = ${lastId}) as last_hash
    from audit_events where id <= ${lastId}`;
  return row!;
}
