/**
 * Binary logistic regression on hashed binary features by plain SGD, deterministic: a fixed
 * example order shuffled by a seeded generator, no Math.random, no threads. Inputs are scaled by
 * 1/sqrt(#features), as pipelines/learn/model.ts scores them. Dev-only (the trainer and the
 * leave-one-set-out scorer); why not a library: docs/decisions/0300-trained-recall-layer.md.
 */
export interface SgdSettings {
  epochs: number;
  rate: number;
  l2: number;
  /** Weight of a positive example's loss (positives are ~1 in 30 lines). */
  positiveWeight: number;
  seed: number;
}

export const SGD_DEFAULTS: SgdSettings = { epochs: 15, rate: 0.5, l2: 1e-5, positiveWeight: 4, seed: 7 };

export function trainLogistic(
  examples: readonly { x: readonly number[]; y: 0 | 1; weight?: number }[],
  bits: number,
  s: SgdSettings = SGD_DEFAULTS,
): Float64Array {
  const w = new Float64Array(2 ** bits);
  const order = examples.map((_, i) => i);
  let seed = s.seed >>> 0;
  const next = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  let t = 0;
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { x, y, weight = 1 } = examples[k]!;
      const scale = 1 / Math.sqrt(x.length);
      let z = 0;
      for (const i of x) z += w[i]!;
      const p = 1 / (1 + Math.exp(-z * scale));
      const rate = s.rate / (1 + 1e-4 * t++);
      const g = (p - y) * (y === 1 ? s.positiveWeight : 1) * weight * scale * rate;
      const decay = 1 - rate * s.l2;
      for (const i of x) w[i] = w[i]! * decay - g;
    }
  }
  return w;
}
