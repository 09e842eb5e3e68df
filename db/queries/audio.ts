import type { SpeakerRole } from '../../core/domain.js';
import type { Sql } from '../client.js';

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
  deletedAt: Date | null;
}

export type NewAudioSegment = Omit<AudioSegmentRow, 'id' | 'deletedAt'>;

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
