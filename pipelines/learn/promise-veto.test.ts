/**
 * The promise-line veto: the shipped model loads (trained on development sets only); a promise the
 * engine reads is dropped only when a veto is given and the line scores under its threshold; the
 * engine's memo of judged lines keeps the two readings apart.
 */
import { describe, expect, it } from 'vitest';
import { findPromisesInLine } from '../notes/index.js';
import { defaultPromiseVeto, PromiseVeto } from './promise-veto.js';

const ctx = { startedAt: new Date('2026-11-24T02:00:00Z'), timeZone: 'Asia/Shanghai' };
const line = { speaker: 'merchant' as const, text: '我明天上午给您补发一个新的', startMs: 0, endMs: 1 };

describe('promise-line veto', () => {
  const shipped = defaultPromiseVeto();

  it('loads the shipped model, trained on development sets only', () => {
    expect(shipped.model.id).toBe('promise-lines');
    for (const blind of ['blind-j', 'abuse-j', 'blind-k', 'abuse-k'])
      expect(shipped.model.trainingSets).not.toContain(blind);
  });

  it('keeps a promise on a line scored at or above its threshold', () => {
    const p = shipped.probability(line);
    const at = new PromiseVeto({ ...shipped.model, threshold: Math.min(p, 0.99) });
    expect(findPromisesInLine(line, 0, { ...ctx, veto: at }).map((x) => x.action)).toEqual(['ship']);
  });

  it('drops the promises of a line scored under its threshold, and only when given', () => {
    const strict = new PromiseVeto({ ...shipped.model, threshold: 0.999999, weights: [] });
    expect(findPromisesInLine(line, 0, { ...ctx, veto: strict })).toEqual([]);
    expect(findPromisesInLine(line, 0, ctx).map((x) => x.action)).toEqual(['ship']);
  });
});
