import type { SpeakerRole } from '../../core/domain.js';
import type { Sql } from '../client.js';

/** What a flag's audio evidence needs: where it sits in the call, who said it, how sure the STT was. */
export interface FlagAudioFacts {
  flagId: string;
  callId: string;
  merchantId: string;
  speakerRole: SpeakerRole;
  /** The flagged utterance's span in call time (ms since the call started). */
  startMs: number;
  endMs: number;
  sttConfidence: number | null;
}

/**
 * The flag, if `merchantId` (the reader's scope; null for reviewers, who see every merchant) may see
 * it. The utterance's own span, not the flag's optional audio offsets, is what the recording holds.
 */
export async function getFlagAudioFacts(
  sql: Sql,
  flagId: string,
  merchantId: string | null,
): Promise<FlagAudioFacts | undefined> {
  const [row] = await sql<FlagAudioFacts[]>`
    select f.id as flag_id, f.call_id, f.merchant_id, f.speaker_role,
           coalesce(f.audio_start_ms, u.start_ms) as start_ms, coalesce(f.audio_end_ms, u.end_ms) as end_ms,
           u.confidence as stt_confidence
    from flags f join utterances u on u.id = f.utterance_id
    where f.id = ${flagId} ${merchantId === null ? sql`` : sql`and f.merchant_id = ${merchantId}`}`;
  return row;
}
