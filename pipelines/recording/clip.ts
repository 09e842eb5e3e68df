import { createHash } from 'node:crypto';
import type { SpeakerRole } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import type { AudioSegmentRow } from '../../db/queries/audio.js';
import { decodeFlac } from './flac.js';
import type { AudioStore } from './store.js';

export interface Clip {
  samples: Int16Array;
  sampleRate: number;
  fromMs: number;
  toMs: number;
  speakers: SpeakerRole[];
}

/**
 * Cuts [fromMs, toMs) out of a call's stored segments: one speaker, or both mixed (summed and
 * clipped; speakers rarely overlap in a service call). Every segment's checksum is verified before
 * it is used: a moderator must never hear audio that differs from what was recorded.
 */
export async function buildClip(
  store: AudioStore,
  segments: readonly AudioSegmentRow[],
  window: { fromMs: number; toMs: number },
): Promise<Clip> {
  if (segments.length === 0) throw new KefuError('NOT_FOUND', 'no audio is stored for this part of the call');
  const rate = segments[0]!.sampleRate;
  const fromSample = Math.round((window.fromMs * rate) / 1000);
  const length = Math.max(0, Math.round((window.toMs * rate) / 1000) - fromSample);
  const mixed = new Int32Array(length);
  for (const s of segments) {
    const { bytes } = await store.get(s.storageKey);
    if (createHash('sha256').update(bytes).digest('hex') !== s.sha256) {
      throw new KefuError('AUDIO_CHECKSUM_MISMATCH', `stored audio ${s.storageKey} does not match its checksum`);
    }
    const pcm = await decodeFlac(bytes, rate, s.storageKey);
    const segmentStart = Math.round((s.startMs * rate) / 1000);
    for (let i = 0; i < pcm.length; i++) {
      const at = segmentStart + i - fromSample;
      if (at >= 0 && at < length) mixed[at]! += pcm[i]!;
    }
  }
  const samples = Int16Array.from(mixed, (v) => Math.max(-32768, Math.min(32767, v)));
  return {
    samples,
    sampleRate: rate,
    fromMs: window.fromMs,
    toMs: window.toMs,
    speakers: [...new Set(segments.map((s) => s.speakerRole))],
  };
}
