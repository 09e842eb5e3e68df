import { isKefuError, type KefuError } from '../../core/errors.js';
import type { SpeakerRole } from '../../core/domain.js';
import { frameDurationMs, type PcmFrame } from '../audio/frame.js';
import { resampleFrames } from '../audio/resample.js';
import { segmentSpeech, VadOptionsSchema, type VadOptions } from '../audio/vad.js';
import { sttError, type SpokenLanguage, type SttEngine, type SttSegment } from './contract.js';
import { TimeOrderedQueue } from './time-order.js';

export interface SpeakerStream<S extends string = SpeakerRole> {
  speaker: S;
  language: SpokenLanguage;
  /** Any rate and channel count: resampled to 16 kHz mono here. */
  frames: AsyncIterable<PcmFrame>;
  /** Sees every 16 kHz mono frame as the VAD gets it (to record what the engine hears, offsets aligned). */
  tap?: (frame: PcmFrame) => void;
}

export type SpeakerSegment<S extends string = SpeakerRole> = SttSegment & { speaker: S };
export type SpeechSpan<S extends string = SpeakerRole> = { speaker: S; startMs: number; endMs: number };

export interface TranscribeOptions<S extends string = SpeakerRole> {
  streams: SpeakerStream<S>[];
  /** `SttRouting.engineFor`, or `() => engine` for one engine. */
  engineFor: (language: SpokenLanguage) => SttEngine | undefined;
  vad?: VadOptions;
  /** Interim hypotheses, for live display only. */
  onInterim?: (segment: SpeakerSegment<S>) => void;
  /** Each final as soon as it exists (per speaker in order; across speakers as they finish). */
  onFinal?: (segment: SpeakerSegment<S>) => void;
  /** The VAD decided an utterance ended; its final follows once the engine answers. */
  onSpeechEnd?: (span: SpeechSpan<S> & { decidedAtMs: number }) => void;
  /**
   * A turn detector over the speaker's interim words (e.g. `turnLooksComplete`): with
   * `vad.earlyEndSilenceMs` set, a pause that long ends the utterance when this says the turn is over.
   */
  turnEnded?: (interimText: string) => boolean;
  /** An utterance lost after one retry. Without this handler the whole run fails instead. */
  onError?: (error: KefuError, span: SpeechSpan<S>) => void;
  signal?: AbortSignal;
}

/**
 * Runs every speaker's audio through resampling → VAD → STT concurrently and yields final
 * segments of all speakers in start-time order (what replay stores as utterances). A failed
 * utterance is retried once on a fresh stream when the engine says a retry could help.
 */
export async function* transcribeSpeakerStreams<S extends string>(
  o: TranscribeOptions<S>,
): AsyncGenerator<SpeakerSegment<S>> {
  const vad = VadOptionsSchema.parse(o.vad ?? {});
  // The VAD may still announce an utterance this far behind the audio it has been given.
  const lagMs = vad.speechPadMs + vad.minSpeechMs + vad.endSilenceMs + 200;
  const engines = o.streams.map(({ language }) => {
    const engine = o.engineFor(language);
    if (!engine) throw sttError('unavailable', `no speech engine serves ${language} (see KEFU_STT_ENGINES)`);
    return engine;
  });
  const queue = new TimeOrderedQueue<SpeakerSegment<S>>(o.streams.length);
  const stop = new AbortController();
  o.signal?.addEventListener('abort', () => stop.abort(), { once: true });

  const workers = o.streams.map(async (source, index) => {
    const engine = engines[index]!;
    const open: number[] = [];
    let positionMs = 0;
    // Others wait until the VAD can no longer announce an utterance starting earlier; this
    // speaker's own finals wait only for its utterances already begun (they end in order).
    const progress = () => queue.advance(index, Math.min(positionMs - lagMs, ...open), Math.min(Infinity, ...open));
    // The words heard so far in the current utterance, for the turn detector.
    let interim = '';
    const onSegment = (segment: SttSegment) => {
      const s = { ...segment, speaker: source.speaker };
      if (!s.final) {
        interim = s.text;
        return o.onInterim?.(s);
      }
      o.onFinal?.(s);
      queue.add(index, s);
    };
    const stt = engine.openStream({ language: source.language, onSegment });
    async function* counted() {
      for await (const frame of source.frames) {
        if (stop.signal.aborted) return;
        yield frame;
        positionMs += frameDurationMs(frame);
        progress();
      }
    }
    let chain = Promise.resolve();
    let audio: [PcmFrame, number][] = [];
    try {
      const heard = source.tap ? tapped(resampleFrames(counted()), source.tap) : resampleFrames(counted());
      const turnEnded = o.turnEnded && (() => interim !== '' && o.turnEnded!(interim));
      for await (const event of segmentSpeech(heard, vad, turnEnded)) {
        if (event.type === 'start') {
          open.push(event.startMs);
          audio = [];
          interim = '';
        } else if (event.type === 'audio') {
          stt.push(event.frame, event.atMs);
          audio.push([event.frame, event.atMs]);
        } else {
          const span = { speaker: source.speaker, startMs: event.startMs, endMs: event.endMs };
          o.onSpeechEnd?.({ ...span, decidedAtMs: event.decidedAtMs });
          const settled = stt.endUtterance().then(
            () => undefined,
            (err: unknown) => err,
          );
          const frames = audio;
          chain = chain.then(async () => {
            const failed = await settled;
            if (failed !== undefined)
              await retryOnce(failed, engine, source.language, frames, onSegment, (err) => report(err, span));
            open.splice(open.indexOf(span.startMs), 1);
            progress();
          });
          // Fail the run at once rather than after this speaker's audio runs out.
          chain.catch((err: unknown) => {
            stop.abort();
            queue.fail(err);
          });
        }
      }
      await chain;
    } finally {
      await stt.close();
    }
  });

  function report(err: unknown, span: SpeechSpan<S>) {
    if (o.onError && isKefuError(err)) o.onError(err, span);
    else throw err;
  }

  workers.forEach((w, i) =>
    w.then(
      () => queue.finish(i),
      (err: unknown) => {
        stop.abort();
        queue.fail(err);
      },
    ),
  );
  try {
    yield* queue.drain();
  } finally {
    stop.abort();
    await Promise.allSettled(workers);
  }
}

async function* tapped(frames: AsyncIterable<PcmFrame>, tap: (frame: PcmFrame) => void): AsyncGenerator<PcmFrame> {
  for await (const frame of frames) {
    tap(frame);
    yield frame;
  }
}

async function retryOnce(
  err: unknown,
  engine: SttEngine,
  language: SpokenLanguage,
  frames: [PcmFrame, number][],
  onSegment: (s: SttSegment) => void,
  report: (err: unknown) => void,
): Promise<void> {
  if (!isKefuError(err) || !err.retryable) return report(err);
  const again = engine.openStream({ language, onSegment });
  try {
    for (const [frame, atMs] of frames) again.push(frame, atMs);
    await again.endUtterance();
  } catch (second) {
    report(second);
  } finally {
    await again.close();
  }
}
