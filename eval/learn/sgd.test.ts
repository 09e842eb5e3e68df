/** The trainer's SGD: bit-for-bit the same weights on every run; the order really is shuffled. */
import { describe, expect, it } from 'vitest';
import { trainLogistic } from './sgd.js';

describe('trainer', () => {
  const examples = Array.from({ length: 200 }, (_, i) => ({
    x: [i % 7, 10 + (i % 13), 40 + (i % 3)],
    y: (i % 7 === 2 ? 1 : 0) as 0 | 1,
  }));
  const settings = { epochs: 5, rate: 0.5, l2: 1e-5, positiveWeight: 4, seed: 7 };

  it('gives bit-for-bit the same weights on every run', () => {
    const a = trainLogistic(examples, 10, settings);
    const b = trainLogistic(examples, 10, settings);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(a[2]).toBeGreaterThan(0);
    expect(a[3]).toBeLessThan(0);
  });

  it('depends on its seed (the order is shuffled, not fixed by accident)', () => {
    const a = trainLogistic(examples, 10, settings);
    const b = trainLogistic(examples, 10, { ...settings, seed: 8 });
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(false);
  });
});
