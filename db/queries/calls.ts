import type { Language } from '../../core/domain.js';
import { type HeardUtterance, type StoredUtterance, StoredUtteranceSchema } from '../../core/events.js';
import type { Sql } from '../client.js';
import { setBuyerName } from './buyers.js';

export interface CallRow {
  id: string;
  room: string;
  merchantId: string;
  buyerId: string;
  orderIds: string[];
  language: Language | null;
  timeZone: string;
  status: 'active' | 'ended';
  startedAt: Date;
  endedAt: Date | null;
  audioUri: string | null;
  summary: unknown;
  heartbeatAt: Date | null;
}

export async function createCall(
  sql: Sql,
  c: {
    room: string;
    merchantId: string;
    buyerId: string;
    /** The platform's masked display name for the buyer, when it passed one (core/buyer.ts). */
    buyerName?: string;
    orderIds?: string[];
    language?: Language;
    timeZone?: string;
    startedAt?: Date;
  },
): Promise<CallRow> {
  // First, so a name Kefu refuses leaves no call behind.
  if (c.buyerName) await setBuyerName(sql, c.buyerId, c.buyerName);
  const [row] = await sql<CallRow[]>`
    insert into calls (room, merchant_id, buyer_id, order_ids, language, time_zone, started_at)
    values (${c.room}, ${c.merchantId}, ${c.buyerId}, ${c.orderIds ?? []}, ${c.language ?? null},
            ${c.timeZone ?? 'Asia/Shanghai'}, ${c.startedAt ?? new Date()})
    returning *`;
  return row!;
}

export async function getCall(sql: Sql, id: string): Promise<CallRow | undefined> {
  const [row] = await sql<CallRow[]>`select * from calls where id = ${id}`;
  return row;
}

export async function endCall(sql: Sql, id: string, summary: unknown, endedAt = new Date()): Promise<CallRow> {
  const [row] = await sql<CallRow[]>`
    update calls set status = 'ended', ended_at = ${endedAt}, summary = ${sql.json(summary as never)}
    where id = ${id} returning *`;
  return row!;
}

export async function addParticipant(
  sql: Sql,
  p: { callId: string; identity: string; role: 'merchant' | 'customer' | 'agent'; userId?: string },
): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into call_participants (call_id, identity, role, user_id)
    values (${p.callId}, ${p.identity}, ${p.role}, ${p.userId ?? null}) returning id`;
  return row!.id;
}

export async function markParticipantLeft(sql: Sql, participantId: string, at = new Date()): Promise<void> {
  await sql`update call_participants set left_at = ${at} where id = ${participantId} and left_at is null`;
}

/**
 * Appends a final utterance with the next index of its call. Both speakers' streams insert
 * concurrently, so the call's index is taken under a per-call lock.
 */
export async function insertUtterance(sql: Sql, u: HeardUtterance & { callId: string }): Promise<StoredUtterance> {
  // Sent together (pipelined): still two statements run in turn, so the insert's snapshot is
  // taken after the lock is held; one round trip fewer on every utterance.
  const [, [row]] = await sql.begin((tx) => [
    tx`select pg_advisory_xact_lock(hashtext(${u.callId}))`,
    tx`
      insert into utterances (call_id, index, speaker, participant_identity, text, start_ms, end_ms,
                              language, engine, confidence)
      values (${u.callId},
              (select coalesce(max(index) + 1, 0) from utterances where call_id = ${u.callId}),
              ${u.speaker}, ${u.participantIdentity ?? null}, ${u.text}, ${u.startMs}, ${u.endMs},
              ${u.language ?? null}, ${u.engine}, ${u.confidence ?? null})
      returning *`,
  ]);
  return StoredUtteranceSchema.parse(row);
}

export async function listUtterances(sql: Sql, callId: string): Promise<StoredUtterance[]> {
  const rows = await sql`select * from utterances where call_id = ${callId} order by index`;
  return rows.map((r) => StoredUtteranceSchema.parse(r));
}

/** The call's language as heard so far (it can change as more is said). */
export async function setCallLanguage(sql: Sql, callId: string, language: Language): Promise<void> {
  await sql`update calls set language = ${language} where id = ${callId} and language is distinct from ${language}`;
}

/** The bot is still holding the call. */
export async function touchCall(sql: Sql, callId: string, at = new Date()): Promise<void> {
  await sql`update calls set heartbeat_at = ${at} where id = ${callId} and status = 'active'`;
}

/**
 * Active calls nobody has heard from since `before`: no heartbeat, no utterance and no start after
 * it. `lastActivity` is when the call was last known alive (it becomes the call's end).
 */
export async function listAbandonedCalls(sql: Sql, before: Date): Promise<{ id: string; lastActivity: Date }[]> {
  return sql<{ id: string; lastActivity: Date }[]>`
    select c.id, greatest(c.started_at, c.heartbeat_at, u.last_at) as last_activity
    from calls c
    left join lateral (select max(created_at) as last_at from utterances where call_id = c.id) u on true
    where c.status = 'active' and greatest(c.started_at, c.heartbeat_at, u.last_at) < ${before}
    order by c.started_at`;
}
