import { describe, expect, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { HOLDOUT } from './testing/dev-set/holdout.js';
import { DEV_SET } from './testing/dev-set/index.js';
import { runDevSet, scoreDevSet } from './testing/dev-set/score.js';

const detector = new ComplianceDetector();
const label = (c: (typeof DEV_SET)[number]) => `${c.category}: ${c.lines.map(([s, t]) => `${s}: ${t}`).join(' / ')}`;

/** The development set (testing/dev-set): a regression set now that the frames were built on it. */
describe('compliance development set', () => {
  it.each(DEV_SET.map((c) => [label(c), c] as const))('%s', async (_name, c) => {
    const [outcome] = await runDevSet(detector, [c]);
    expect(outcome!.ok, outcome!.flags.map((f) => f.label).join('; ')).toBe(true);
  });

  // Misses left on the (no longer) held-out lines: a review nested inside a split phrasal verb ("take
  // that 2-star down"). ("短信…里面的数字", a datum named across clauses, is read since decision 0560.)
  const KNOWN_MISSES = new Set(['Take that 2-star down and I will send a free replacement']);
  it.each(HOLDOUT.map((c) => [label(c), c] as const))('held out: %s', async (_name, c) => {
    const [outcome] = await runDevSet(detector, [c]);
    expect(outcome!.ok, outcome!.flags.map((f) => f.label).join('; ')).toBe(!KNOWN_MISSES.has(c.lines.at(-1)![1]));
  });

  it('keeps at least 60 fragments per category, violations and hard negatives in both languages', () => {
    const scores = scoreDevSet(DEV_SET.map((c) => ({ case: c, ok: true, flags: [] })));
    const byCategory = new Map<string, number>();
    for (const s of scores) {
      expect(s.violations).toBeGreaterThanOrEqual(15);
      expect(s.negatives).toBeGreaterThanOrEqual(14);
      byCategory.set(s.category, (byCategory.get(s.category) ?? 0) + s.violations + s.negatives);
    }
    expect(byCategory.size).toBe(7);
    for (const n of byCategory.values()) expect(n).toBeGreaterThanOrEqual(60);
  });
});
