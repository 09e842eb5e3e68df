import ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { loadSileroSession, SILERO_WINDOW, SileroScorer } from './silero-model.js';

const CONTEXT = 64;

/** One stream scored alone, one inference a window, as before batching. */
async function alone(session: ort.InferenceSession, windows: Int16Array[]): Promise<number[]> {
  const sr = new ort.Tensor('int64', BigInt64Array.from([16000n]), []);
  const input = new Float32Array(CONTEXT + SILERO_WINDOW);
  let state = new Float32Array(256);
  const probs: number[] = [];
  for (const w of windows) {
    input.copyWithin(0, SILERO_WINDOW);
    for (let i = 0; i < SILERO_WINDOW; i++) input[CONTEXT + i] = w[i]! / 32768;
    const out = await session.run({
      input: new ort.Tensor('float32', input, [1, input.length]),
      state: new ort.Tensor('float32', state, [2, 1, 128]),
      sr,
    });
    state = Float32Array.from(out.stateN!.data as Float32Array);
    probs.push((out.output!.data as Float32Array)[0]!);
  }
  return probs;
}

/** A tone for some windows, quiet noise for others, different per stream. */
function stream(k: number, n: number): Int16Array[] {
  let seed = k + 1;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 400;
  return Array.from({ length: n }, (_, j) =>
    Int16Array.from({ length: SILERO_WINDOW }, (_, i) => {
      const loud = (j + k) % 4 < 2 ? 9000 : 300;
      return Math.round(loud * Math.sin((i + j * SILERO_WINDOW) * (0.02 + 0.025 * k)) + noise());
    }),
  );
}

describe('SileroScorer', () => {
  it('scores streams batched in one turn exactly as each stream alone, its state its own', async () => {
    const session = await loadSileroSession();
    const streams = [0, 1, 2, 3, 4].map((k) => stream(k, 30));
    const expected = await Promise.all(streams.map((s) => alone(session, s)));
    const scorers = streams.map(() => new SileroScorer(session));
    const got: number[][] = streams.map(() => []);
    for (let j = 0; j < 30; j++) {
      // Streams 3 and 4 skip every third window's turn, so batches change size and membership.
      const asked = streams.map((_, k) => (k >= 3 && j % 3 === 0 ? undefined : k)).filter((k) => k !== undefined);
      const probs = await Promise.all(asked.map((k) => scorers[k]!.score(streams[k]![got[k]!.length]!)));
      asked.forEach((k, i) => got[k]!.push(probs[i]!));
    }
    for (const [k, probs] of got.entries()) expect(probs).toEqual(expected[k]!.slice(0, probs.length));
    expect(new Set(expected.flat().map((p) => p > 0.5)).size).toBe(2);
  });
});
