import type { SpeakerRole } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import { insertAudioSegment, nextAudioSeq } from '../../db/queries/audio.js';
import { ENGINE_SAMPLE_RATE, type PcmFrame } from '../audio/frame.js';
import { SpeakerRecorder } from './recorder.js';
import type { AudioStore } from './store.js';

/** One speaker stream's recording: frames in as the speech pipeline's VAD gets them. */
export interface StreamRecording {
  push(frame: PcmFrame): void;
  close(): Promise<void>;
}

/**
 * A call's audio, however many streams each speaker has over the call (a bot hears a new track
 * after a reconnect; a resumed call continues after the segments stored before a crash). Segment
 * numbers continue per speaker, so nothing stored earlier is overwritten.
 */
export class CallRecording {
  private readonly recorders = new Set<SpeakerRecorder>();

  private constructor(
    private readonly o: { sql: Sql; store: AudioStore; callId: string; onError: (err: unknown) => void },
    private readonly seqs: Record<SpeakerRole, number>,
  ) {}

  static async open(o: {
    sql: Sql;
    store: AudioStore;
    callId: string;
    onError?: (err: unknown) => void;
  }): Promise<CallRecording> {
    const [merchant, customer] = await Promise.all([
      nextAudioSeq(o.sql, o.callId, 'merchant'),
      nextAudioSeq(o.sql, o.callId, 'customer'),
    ]);
    return new CallRecording({ ...o, onError: o.onError ?? (() => {}) }, { merchant, customer });
  }

  get description(): string {
    return this.o.store.description;
  }

  /** Records one stream of `speaker` whose first frame is heard at call time `offsetMs`. */
  stream(speaker: SpeakerRole, offsetMs: number): StreamRecording {
    const recorder = new SpeakerRecorder({
      store: this.o.store,
      callId: this.o.callId,
      speaker,
      offsetMs,
      nextSeq: () => this.seqs[speaker]++,
      onSegment: (s) => insertAudioSegment(this.o.sql, s),
      onError: this.o.onError,
    });
    this.recorders.add(recorder);
    return {
      push: (frame) => {
        if (frame.sampleRate !== ENGINE_SAMPLE_RATE || frame.channels !== 1) {
          throw new KefuError(
            'INPUT_INVALID',
            `recording takes ${ENGINE_SAMPLE_RATE} Hz mono frames, not ${frame.sampleRate} Hz × ${frame.channels}`,
          );
        }
        recorder.push(frame.data);
      },
      close: () => recorder.close(),
    };
  }

  /** Stores what every stream has left; rejects with the first storage failure. */
  async close(): Promise<void> {
    const results = await Promise.allSettled([...this.recorders].map((r) => r.close()));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed)
      throw new KefuError('AUDIO_STORE_FAILED', `call audio not fully stored: ${String(failed.reason)}`, {
        cause: failed.reason,
      });
  }
}
