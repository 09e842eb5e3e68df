/**
 * The promise-line veto: the shipped model loads (trained on development sets only); a promise the
 * engine reads is dropped only when a veto is given and the line scores under its threshold; the
 * engine's memo of judged lines keeps the two readings apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../../core/paths.js';
import { findPromisesInLine } from '../notes/index.js';
import { defaultPromiseVeto, PromiseVeto } from './promise-veto.js';

const ctx = { startedAt: new Date('2026-11-24T02:00:00Z'), timeZone: 'Asia/Shanghai' };
const line = { speaker: 'merchant' as const, text: '我明天上午给您补发一个新的', startMs: 0, endMs: 1 };

describe('promise-line veto', () => {
  const shipped = defaultPromiseVeto();

  it('loads the shipped model, trained on development sets only', () => {
    expect(shipped.model.id).toBe('promise-lines');
    for (const blind of ['abuse-l', 'blind-t', 'blind-u', 'blind-w'])
      expect(shipped.model.trainingSets).not.toContain(blind);
  });

  it('keeps a promise on a line scored at or above its threshold', () => {
    const p = shipped.probability(line);
    const at = new PromiseVeto({ ...shipped.model, threshold: Math.min(p, 0.99) });
    expect(findPromisesInLine(line, 0, { ...ctx, veto: at }).map((x) => x.action)).toEqual(['ship']);
  });

  it("keeps every promise the hand-written tests' lines carry (the threshold is chosen under their floor)", () => {
    const file = fromPackageRoot('eval/learn/promise-test-lines.json');
    const { lines } = JSON.parse(readFileSync(file, 'utf8')) as {
      lines: { speaker: 'merchant' | 'customer'; text: string; promise: boolean }[];
    };
    const lost = lines
      .filter((l) => l.promise)
      .filter((l) => findPromisesInLine({ ...l, startMs: 0, endMs: 1 }, 0, { ...ctx, veto: shipped }).length === 0)
      .map((l) => l.text);
    expect(lost).toEqual([]);
    expect(lines.filter((l) => l.promise).length).toBeGreaterThan(200);
  });

  it('drops the promises of a line scored under its threshold, and only when given', () => {
    const strict = new PromiseVeto({ ...shipped.model, threshold: 0.999999, weights: [] });
    expect(findPromisesInLine(line, 0, { ...ctx, veto: strict })).toEqual([]);
    expect(findPromisesInLine(line, 0, ctx).map((x) => x.action)).toEqual(['ship']);
  });
});
