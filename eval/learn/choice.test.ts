/**
 * How a threshold is read off a held-out gain curve (decision 0625): the rules of CHOICE_RULES on
 * hand-made curves, and the threshold and veto choice per rule on hand-made scores.
 */
import { describe, expect, it } from 'vitest';
import type { Gate } from '../../pipelines/learn/gate.js';
import {
  CHOICES,
  chooseThresholds,
  chooseVetoes,
  type EngineFlags,
  type Featured,
  pickOnCurve,
  type Scored,
  SLACK,
} from './common.js';

describe('pickOnCurve', () => {
  it('max: the best gain, ties to the precision side; none when no gain is positive', () => {
    expect(pickOnCurve([1, 5, 5, 2], 'max', 'high')).toBe(2);
    expect(pickOnCurve([1, 5, 5, 2], 'max', 'low')).toBe(1);
    expect(pickOnCurve([0, -4, 0], 'max', 'high')).toBe(-1);
  });

  it('smooth: a lone spike loses to a broad rise', () => {
    // max takes the spike at 3; its neighbours are poor, the broad rise at 0-1 is not.
    const gains = [6, 6, 0, 7, 0];
    expect(pickOnCurve(gains, 'max', 'high')).toBe(3);
    expect(pickOnCurve(gains, 'smooth', 'high')).toBe(0);
  });

  it('smooth never picks a step whose own gain is not positive', () => {
    expect(pickOnCurve([9, -1, 9], 'smooth', 'high')).toBe(2);
    expect(pickOnCurve([0, 0, 0], 'smooth', 'low')).toBe(-1);
  });

  it('plateau: the step furthest to the precision side within SLACK of the best', () => {
    const gains = [10, 10 + SLACK, 10, 10 + SLACK - 1, 1];
    expect(pickOnCurve(gains, 'plateau', 'high')).toBe(3);
    expect(pickOnCurve(gains, 'plateau', 'low')).toBe(0);
    expect(pickOnCurve([-1, -2], 'plateau', 'high')).toBe(-1);
  });
});

const pcp: Gate = {
  categories: ['contact_exchange'],
  datum: ['contact_channel'],
  block: [],
  blockLine: [],
  veto: true,
};
const call = (set: string, name: string, violation: boolean): Featured => ({
  set,
  name,
  lines: [{ speaker: 'merchant', text: '加我微信 abc8899', startMs: 0, endMs: 900 }],
  labels: [new Set(violation ? ['contact_exchange'] : [])],
  hardNegatives: new Set(),
  promises: [],
  features: [[]],
});
const score = (c: Featured, p: number): Scored => ({ call: c, line: 0, category: 'contact_exchange', p, span: [0, 3] });

describe('the threshold per rule', () => {
  // Set a: right at 0.62 and 0.72, wrong at 0.57; set b: right at 0.91, wrong at 0.66; set c: wrong at 0.52.
  const rows: [string, number, boolean][] = [
    ['a', 0.62, true],
    ['a', 0.72, true],
    ['a', 0.57, false],
    ['b', 0.91, true],
    ['b', 0.66, false],
    ['c', 0.52, false],
  ];
  const calls = rows.map(([set, , v], i) => call(set, `x${i}`, v));
  const scored = rows.map(([, p], i) => score(calls[i]!, p));
  const none: EngineFlags = new Map(calls.map((c) => [`${c.set}/${c.name}`, new Set<string>()]));

  it('max and median read the same scores differently', () => {
    // Pooled: at 0.7, 2 right (0.72, 0.91) and no wrong: gain 2; at 0.75 … 0.9, 1; at 0.6, 3 - 4 × 1.
    expect(chooseThresholds(scored, none, { pcp }, 'none', 'max')).toEqual({ contact_exchange: 0.7 });
    // Per set: a picks 0.6 (2 right, 0 wrong → gain 2, ties high → 0.6), b 0.9, c nothing (off):
    // the median of 0.6, 0.9, off is 0.9.
    expect(chooseThresholds(scored, none, { pcp }, 'none', 'median')).toEqual({ contact_exchange: 0.9 });
    expect(CHOICES).toContain(0.9);
  });

  it('no positive gain: 0.99, nothing added', () => {
    const wrongOnly = [score(calls[2]!, 0.57), score(calls[5]!, 0.52)];
    for (const rule of ['max', 'smooth', 'plateau', 'median'] as const)
      expect(chooseThresholds(wrongOnly, none, { pcp }, 'none', rule)).toEqual({ contact_exchange: 0.99 });
  });
});

describe('the veto per rule', () => {
  // Engine flags scored 0.01 (false), 0.04 (false), 0.12 (true), 0.6 (true).
  const rows: [number, boolean][] = [
    [0.01, false],
    [0.04, false],
    [0.12, true],
    [0.6, true],
  ];
  const calls = rows.map(([, v], i) => call('a', `v${i}`, v));
  const scored = rows.map(([p], i) => score(calls[i]!, p));
  const engine: EngineFlags = new Map(calls.map((c) => [`${c.set}/${c.name}`, new Set(['contact_exchange@0'])]));

  it('max takes the lowest veto with the best gain; plateau the lowest within SLACK', () => {
    expect(chooseVetoes(scored, engine, { pcp }, 'max')).toEqual({ contact_exchange: 0.05 });
    // 0.02 removes one false flag (gain 1), 0.05 two (gain 2): within VETO_SLACK (one false flag) of 2, the lower wins.
    expect(chooseVetoes(scored, engine, { pcp }, 'plateau')).toEqual({ contact_exchange: 0.02 });
  });

  it('a gate without veto gets none, whatever the rule', () => {
    for (const rule of ['max', 'smooth', 'plateau', 'median'] as const)
      expect(chooseVetoes(scored, engine, { pcp: { ...pcp, veto: false } }, rule)).toEqual({});
  });
});
