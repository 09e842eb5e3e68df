import type { SpeakerRole } from '../../../core/domain.js';
import type { Sql } from '../../../db/client.js';
import { ENGINE_SAMPLE_RATE } from '../../audio/frame.js';
import { CallRecording } from '../call-recording.js';
import type { AudioStore } from '../store.js';

/** Speech-like noise that differs per seed and per sample, so any misplaced sample shows. */
export function voice(seconds: number, seed: number): Int16Array {
  let x = seed;
  return Int16Array.from({ length: Math.round(seconds * ENGINE_SAMPLE_RATE) }, () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return (x % 20_000) - 10_000;
  });
}

/** Records audio for a call as the speech pipeline would hand it over: 20 ms frames per speaker. */
export async function recordCallAudio(
  sql: Sql,
  store: AudioStore,
  callId: string,
  audio: Partial<Record<SpeakerRole, Int16Array>>,
): Promise<void> {
  const recording = await CallRecording.open({ sql, store, callId });
  for (const [speaker, samples] of Object.entries(audio) as [SpeakerRole, Int16Array][]) {
    const stream = recording.stream(speaker, 0);
    for (let at = 0; at < samples.length; at += 320) {
      stream.push({ data: samples.subarray(at, at + 320), sampleRate: ENGINE_SAMPLE_RATE, channels: 1 });
    }
  }
  await recording.close();
}
