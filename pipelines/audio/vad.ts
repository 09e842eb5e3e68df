import { z } from 'zod';
import { KefuError } from '../../core/errors.js';
import { ENGINE_SAMPLE_RATE, samplesToMs, type PcmFrame } from './frame.js';
import { loadSileroSession, SileroScorer, SILERO_WINDOW } from './silero-model.js';

export const VadOptionsSchema = z.object({
  /** Speech starts when a window's probability reaches this… */
  threshold: z.number().gt(0).lt(1).default(0.5),
  /** …and a silence run starts when it falls below this (hysteresis against flicker). */
  negThreshold: z.number().gt(0).lt(1).optional(),
  /** Silence that ends an utterance: shorter pauses stay inside it. */
  endSilenceMs: z.number().int().min(32).default(500),
  /** Shorter bursts (coughs, clicks) are dropped before any engine hears them. */
  minSpeechMs: z.number().int().min(0).default(250),
  /** Audio kept on both sides of the speech so engines hear whole first and last phones. */
  speechPadMs: z.number().int().min(0).default(150),
  /**
   * A shorter silence that also ends an utterance when the caller's turn detector says the words
   * so far finish the turn (a question, a complete request); unset: only `endSilenceMs` ends one.
   */
  earlyEndSilenceMs: z.number().int().min(32).optional(),
  /** Long monologues are cut here: transcription endpoints cap the length of one request. */
  maxUtteranceMs: z.number().int().min(1000).default(30_000),
  /**
   * A quiet line is not scored: once `scoredWindows` windows in a row no louder than `peak` (the
   * largest |sample|, 16-bit; 32 is −60 dBFS) have all scored below `negThreshold`, further such
   * windows take the last score without running the model, until a louder one comes. Silero scores
   * a line this quiet below 0.03 (a muted microphone, the side not talking); `false` scores every
   * window (decision 0840).
   */
  quiet: z
    .union([
      z.literal(false),
      z.object({ peak: z.number().int().min(0).max(32767), scoredWindows: z.number().int().min(1) }),
    ])
    .default({ peak: 32, scoredWindows: 8 }),
});
export type VadOptions = z.input<typeof VadOptionsSchema>;

/**
 * An utterance as the VAD cuts it. `audio` covers exactly [startMs, endMs] of the stream; the
 * silence that ended it is never sent on, so engines don't transcribe it.
 */
export type VadEvent =
  | { type: 'start'; startMs: number }
  | { type: 'audio'; frame: PcmFrame; atMs: number }
  | {
      type: 'end';
      startMs: number;
      endMs: number /** stream time at which the end was decided */;
      decidedAtMs: number;
    };

type Window = { data: Int16Array; startSample: number; prob: number };
type Utterance = { startSample: number; speechStart: number; announced: boolean; silenceFrom?: number };

/**
 * Cuts one speaker's 16 kHz mono stream into utterances with Silero VAD. The start is only
 * announced once speech has lasted `minSpeechMs`; audio during a pause past its first `speechPadMs`
 * is held back until speech resumes (then sent) or the pause ends the utterance (then dropped).
 */
export async function* segmentSpeech(
  frames: AsyncIterable<PcmFrame>,
  options: VadOptions = {},
  /** Asked during a pause of `earlyEndSilenceMs`: do the words heard so far end the turn? */
  turnEnded?: () => boolean,
): AsyncGenerator<VadEvent> {
  const o = VadOptionsSchema.parse(options);
  const neg = o.negThreshold ?? Math.max(0.01, o.threshold - 0.15);
  const scorer = new SileroScorer(await loadSileroSession());
  const ms = (samples: number) => samplesToMs(samples, ENGINE_SAMPLE_RATE);

  const toSamples = (msValue: number) => (msValue * ENGINE_SAMPLE_RATE) / 1000;
  let before: Window[] = [];
  let held: Window[] = [];
  let utterance: Utterance | undefined;
  let carry = new Int16Array(0);
  let position = 0;

  const quiet = o.quiet;
  /** Quiet windows in a row scored below `neg`, and the last one's score (what skipped windows take). */
  let quietRun = 0;
  let quietProb = 0;
  async function probability(data: Int16Array): Promise<number> {
    if (!quiet || peak(data) > quiet.peak) {
      quietRun = 0;
      return scorer.score(data);
    }
    if (quietRun >= quiet.scoredWindows) {
      scorer.skip(data);
      return quietProb;
    }
    quietProb = await scorer.score(data);
    quietRun = quietProb < neg ? quietRun + 1 : 0;
    return quietProb;
  }

  /** Where the audio sent to the engine so far ends, in samples. */
  let sentEnd = 0;
  function* send(windows: Window[]): Generator<VadEvent> {
    for (const w of windows) {
      sentEnd = w.startSample + w.data.length;
      yield {
        type: 'audio',
        frame: { data: w.data, sampleRate: ENGINE_SAMPLE_RATE, channels: 1 },
        atMs: ms(w.startSample),
      };
    }
  }

  function* finish(u: Utterance, now: number): Generator<VadEvent> {
    utterance = undefined;
    const speechEnd = u.silenceFrom ?? now;
    const tail = held.filter((w) => w.startSample < speechEnd + toSamples(o.speechPadMs));
    before = held.slice(tail.length);
    held = [];
    if (!u.announced && speechEnd - u.speechStart < toSamples(o.minSpeechMs)) return;
    if (!u.announced) yield { type: 'start', startMs: ms(u.startSample) };
    yield* send(tail);
    const endSample = Math.max(speechEnd, sentEnd);
    yield { type: 'end', startMs: ms(u.startSample), endMs: ms(endSample), decidedAtMs: ms(now) };
  }

  function* step(w: Window): Generator<VadEvent> {
    const end = w.startSample + w.data.length;
    if (!utterance) {
      while (before.length > 0 && before[0]!.startSample + SILERO_WINDOW <= w.startSample - toSamples(o.speechPadMs))
        before.shift();
      if (w.prob < o.threshold) return void before.push(w);
      utterance = {
        startSample: before[0]?.startSample ?? w.startSample,
        speechStart: w.startSample,
        announced: false,
      };
      held = before;
      before = [];
    }
    const u = utterance;
    held.push(w);
    // Silero's hysteresis: a silence run starts below negThreshold and only speech above threshold ends it.
    if (w.prob >= o.threshold) u.silenceFrom = undefined;
    else if (w.prob < neg) u.silenceFrom ??= w.startSample;
    if (u.silenceFrom !== undefined) {
      const silence = end - u.silenceFrom;
      if (silence >= toSamples(o.endSilenceMs)) return yield* finish(u, end);
      const early = o.earlyEndSilenceMs;
      if (u.announced && early !== undefined && silence >= toSamples(early) && turnEnded?.())
        return yield* finish(u, end);
    }
    if (!u.announced && end - u.speechStart >= toSamples(o.minSpeechMs) && u.silenceFrom === undefined) {
      u.announced = true;
      yield { type: 'start', startMs: ms(u.startSample) };
    }
    if (u.announced && u.silenceFrom === undefined) {
      yield* send(held);
      held = [];
    } else if (u.announced && u.silenceFrom !== undefined) {
      // The pause's first `speechPadMs` go out as they come: they are sent whether speech resumes
      // or the pause ends the utterance, and the engine has then decoded them when the end comes.
      const padEnd = u.silenceFrom + toSamples(o.speechPadMs);
      const due = held.findIndex((h) => h.startSample >= padEnd);
      const n = due === -1 ? held.length : due;
      if (n > 0) {
        yield* send(held.slice(0, n));
        held = held.slice(n);
      }
    }
    if (u.announced && end - u.startSample >= toSamples(o.maxUtteranceMs)) {
      yield* send(held);
      held = [];
      utterance = undefined;
      yield { type: 'end', startMs: ms(u.startSample), endMs: ms(end), decidedAtMs: ms(end) };
    }
  }

  for await (const frame of frames) {
    if (frame.sampleRate !== ENGINE_SAMPLE_RATE || frame.channels !== 1) {
      throw new KefuError(
        'INPUT_INVALID',
        `VAD needs 16 kHz mono frames, got ${frame.sampleRate} Hz × ${frame.channels}: resample first`,
      );
    }
    const joined = new Int16Array(carry.length + frame.data.length);
    joined.set(carry);
    joined.set(frame.data, carry.length);
    let at = 0;
    for (; at + SILERO_WINDOW <= joined.length; at += SILERO_WINDOW) {
      const data = joined.slice(at, at + SILERO_WINDOW);
      yield* step({ data, startSample: position, prob: await probability(data) });
      position += SILERO_WINDOW;
    }
    carry = joined.slice(at);
  }
  if (carry.length > 0) {
    yield* step({ data: carry, startSample: position, prob: await probability(carry) });
    position += carry.length;
  }
  if (utterance) yield* finish(utterance, position);
}

/** The largest |sample| of a window. */
function peak(data: Int16Array): number {
  let max = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v > max) max = v;
    else if (-v > max) max = -v;
  }
  return max;
}
