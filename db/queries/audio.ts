import type { SpeakerRole } from '../../core/domain.js';
import type { Sql } from '../client.js';
import type { Queryable } from '../client.js';

export interface AudioSegmentRow {
  id: number;
  callId: string;
  speakerRole: SpeakerRole;
  seq: number;
  startMs: number;
  endMs: number;
  sampleRate: number;
  storageKey: string;
  sha256: string;
  bytes: number;
  /** The reference was withdrawn by retention: nothing reads the segment from then on. */
  deletedAt: Date | null;
  /** The object was removed from the store. */
  purgedAt: Date | null;
}

export type NewAudioSegment = Omit<AudioSegmentRow, 'id' | 'deletedAt' | 'purgedAt'>;

export async function insertAudioSegment(sql: Sql, s: NewAudioSegment): Promise<AudioSegmentRow> {
  const [row] = await sql<AudioSegmentRow[]>`
    insert into audio_segments (call_id, speaker_role, seq, start_ms, end_ms, sample_rate, storage_key, sha256, bytes)
    values (${s.callId}, ${s.speakerRole}, ${s.seq}, ${s.startMs}, ${s.endMs}, ${s.sampleRate}, ${s.storageKey},
            ${s.sha256}, ${s.bytes})
    returning *`;
  return row!;
}

/** Stored segments of a call that overlap [fromMs, toMs), per speaker in time order. */
export async function listAudioSegments(
  sql: Sql,
  callId: string,
  window: { fromMs: number; toMs: number; speaker?: SpeakerRole },
): Promise<AudioSegmentRow[]> {
  return sql<AudioSegmentRow[]>`
    select * from audio_segments
    where call_id = ${callId} and deleted_at is null
      and start_ms < ${window.toMs} and end_ms > ${window.fromMs}
      ${window.speaker ? sql`and speaker_role = ${window.speaker}` : sql``}
    order by speaker_role, start_ms`;
}

/** The segment number a new recording of this speaker starts at (after any stored before a crash). */
export async function nextAudioSeq(sql: Sql, callId: string, speaker: SpeakerRole): Promise<number> {
  const [row] = await sql<{ next: number }[]>`
    select coalesce(max(seq) + 1, 0)::int as next from audio_segments
    where call_id = ${callId} and speaker_role = ${speaker}`;
  return row!.next;
}

export interface RetentionRule {
  /** Audio of calls that ended before this is due, unless something below still needs it. */
  endedBefore: Date;
  /** An upheld decision made after this can still be appealed (its appeal window is open). */
  appealableAfter: Date;
}

/**
 * Whether call `c` (an alias in the surrounding query) may lose its audio: ended long enough ago,
 * and no open case, open appeal, flag still waiting for a case, or upheld decision that can still
 * be appealed (and has not been) needs it.
 */
function expirable(sql: Queryable, rule: RetentionRule) {
  return sql`
    c.status = 'ended' and coalesce(c.ended_at, c.started_at) < ${rule.endedBefore}
    and not exists (select 1 from moderation_cases k where k.call_id = c.id and k.status in ('open', 'claimed'))
    and not exists (select 1 from flags f where f.call_id = c.id and f.case_id is null and f.status = 'raised')
    and not exists (
      select 1 from appeals a join moderation_cases k on k.id = a.case_id
      where k.call_id = c.id and a.status in ('open', 'claimed'))
    and not exists (
      select 1 from decisions d join moderation_cases k on k.id = d.case_id
      where k.call_id = c.id and d.outcome = 'upheld' and d.decided_at > ${rule.appealableAfter}
        and not exists (select 1 from appeals a where a.decision_id = d.id and a.status = 'decided'))`;
}

/** Calls whose stored audio retention may withdraw now. */
export async function listExpirableAudioCalls(sql: Sql, rule: RetentionRule, limit: number): Promise<string[]> {
  const rows = await sql<{ callId: string }[]>`
    select c.id as call_id from calls c
    where exists (select 1 from audio_segments s where s.call_id = c.id and s.deleted_at is null)
      and ${expirable(sql, rule)}
    order by c.started_at limit ${limit}`;
  return rows.map((r) => r.callId);
}

/**
 * Withdraws a call's audio references (rechecking the rule in the same statement, so a case opened
 * meanwhile keeps it); returns what was withdrawn. The objects are removed afterwards (`purge…`).
 */
export async function withdrawCallAudio(
  sql: Queryable,
  callId: string,
  rule: RetentionRule,
  at: Date,
): Promise<{ segments: number; bytes: number; speakers: SpeakerRole[] }> {
  const rows = await sql<{ bytes: number; speakerRole: SpeakerRole }[]>`
    update audio_segments s set deleted_at = ${at}
    from calls c
    where s.call_id = ${callId} and c.id = s.call_id and s.deleted_at is null and ${expirable(sql, rule)}
    returning s.bytes, s.speaker_role`;
  return {
    segments: rows.length,
    bytes: rows.reduce((n, r) => n + r.bytes, 0),
    speakers: [...new Set(rows.map((r) => r.speakerRole))].sort(),
  };
}

/** Withdrawn segments whose objects may still be in the store. */
export async function listUnpurgedAudio(sql: Sql, limit: number): Promise<{ id: number; storageKey: string }[]> {
  return sql`
    select id, storage_key from audio_segments where deleted_at is not null and purged_at is null
    order by id limit ${limit}`;
}

export async function markAudioPurged(sql: Sql, id: number, at: Date): Promise<void> {
  await sql`update audio_segments set purged_at = ${at} where id = ${id}`;
}
