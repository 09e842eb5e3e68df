import { createHash } from 'node:crypto';
import type { SpeakerRole } from '../../core/domain.js';
import type { NewAudioSegment } from '../../db/queries/audio.js';
import { ENGINE_SAMPLE_RATE, samplesToMs } from '../audio/frame.js';
import { encodeFlac, RECORDING_CONTENT_TYPE } from './flac.js';
import type { AudioStore } from './store.js';

export interface RecorderOptions {
  store: AudioStore;
  callId: string;
  speaker: SpeakerRole;
  /** Stores the segment's reference (the caller owns the database). */
  onSegment: (segment: NewAudioSegment) => Promise<unknown>;
  /** A crash loses at most this much audio. */
  segmentMs?: number;
  sampleRate?: number;
  /** Call time of this recording's first sample (a bot's stream starts when the track does). */
  offsetMs?: number;
  /** Segment numbers unique within the call and speaker; a fresh count from 0 by default. */
  nextSeq?: () => number;
  /** The first storage failure, at once (recording stops there; `close` rejects with it too). */
  onError?: (err: unknown) => void;
}

/**
 * Records one speaker's audio exactly as the speech engine hears it (16 kHz mono, from the start
 * of that speaker's stream, silence included), so a flag's offsets point into the recording with
 * no conversion. Full segments are encoded and stored one at a time, off the caller's path.
 */
export class SpeakerRecorder {
  private readonly segmentSamples: number;
  private readonly rate: number;
  private pending: Int16Array[] = [];
  private pendingSamples = 0;
  private writtenSamples = 0;
  private seq = 0;
  private readonly nextSeq: () => number;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(private readonly o: RecorderOptions) {
    this.rate = o.sampleRate ?? ENGINE_SAMPLE_RATE;
    this.segmentSamples = Math.round((this.rate * (o.segmentMs ?? 5000)) / 1000);
    this.nextSeq = o.nextSeq ?? (() => this.seq++);
  }

  push(samples: Int16Array): void {
    this.pending.push(samples.slice());
    this.pendingSamples += samples.length;
    while (this.pendingSamples >= this.segmentSamples) this.flush(this.segmentSamples);
  }

  /** Stores what is left and waits for every segment; rejects with the first storage failure. */
  async close(): Promise<void> {
    if (this.pendingSamples > 0) this.flush(this.pendingSamples);
    await this.chain;
    if (this.failure) throw this.failure;
  }

  private flush(count: number): void {
    const all = new Int16Array(this.pendingSamples);
    let at = 0;
    for (const p of this.pending) {
      all.set(p, at);
      at += p.length;
    }
    const segment = all.subarray(0, count);
    const rest = all.slice(count);
    this.pending = rest.length ? [rest] : [];
    this.pendingSamples = rest.length;
    const seq = this.nextSeq();
    const offset = Math.round(this.o.offsetMs ?? 0);
    const startMs = offset + samplesToMs(this.writtenSamples, this.rate);
    this.writtenSamples += count;
    const endMs = offset + samplesToMs(this.writtenSamples, this.rate);
    const key = `calls/${this.o.callId}/${this.o.speaker}/${String(seq).padStart(6, '0')}.flac`;
    this.chain = this.chain.then(async () => {
      if (this.failure) return;
      try {
        const bytes = await encodeFlac(segment, this.rate, key);
        await this.o.store.put(key, bytes, RECORDING_CONTENT_TYPE);
        await this.o.onSegment({
          callId: this.o.callId,
          speakerRole: this.o.speaker,
          seq,
          startMs,
          endMs,
          sampleRate: this.rate,
          storageKey: key,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bytes: bytes.length,
        });
      } catch (err) {
        this.failure = err;
        this.o.onError?.(err);
      }
    });
  }
}
