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

/** Points of a curve from gains alone (cost 0 each), or from [gain, cost] pairs. */
const pts = (xs: readonly (number | [number, number])[]) =>
  xs.map((x) => (typeof x === 'number' ? { gain: x, cost: 0 } : { gain: x[0], cost: x[1] }));

describe('pickOnCurve', () => {
  it('max: the best gain, ties to the precision side; none when no gain is positive', () => {
    expect(pickOnCurve(pts([1, 5, 5, 2]), 'max', 'high')).toBe(2);
    expect(pickOnCurve(pts([1, 5, 5, 2]), 'max', 'low')).toBe(1);
    expect(pickOnCurve(pts([0, -4, 0]), 'max', 'high')).toBe(-1);
  });

  it('smooth: a lone spike loses to a broad rise', () => {
    // max takes the spike at 3; its neighbours are poor, the broad rise at 0-1 is not.
    const gains = pts([6, 6, 0, 7, 0]);
    expect(pickOnCurve(gains, 'max', 'high')).toBe(3);
    expect(pickOnCurve(gains, 'smooth', 'high')).toBe(0);
  });

  it('smooth never picks a step whose own gain is not positive', () => {
    expect(pickOnCurve(pts([9, -1, 9]), 'smooth', 'high')).toBe(2);
    expect(pickOnCurve(pts([0, 0, 0]), 'smooth', 'low')).toBe(-1);
  });

  it('plateau: within SLACK of the best gain, the fewest false flags, then the best gain', () => {
    // Thresholds 0.75 (78 right / 3 wrong) and 0.8 (69 / 1): one false flag's worth apart, 0.8 has fewer wrong.
    expect(
      pickOnCurve(
        pts([
          [66, 3],
          [65, 1],
          [54, 1],
        ]),
        'plateau',
        'high',
      ),
    ).toBe(1);
    expect(
      pickOnCurve(
        pts([
          [66, 3],
          [65, 1],
          [54, 1],
        ]),
        'max',
        'high',
      ),
    ).toBe(0);
    // 0.75 (84 / 5) and 0.8 (75 / 4): 0.8 is more than SLACK under, 0.75 stays.
    expect(
      pickOnCurve(
        pts([
          [64, 5],
          [59, 4],
        ]),
        'plateau',
        'high',
      ),
    ).toBe(0);
    // No false flag anywhere: right flags are not given up for the precision side.
    expect(
      pickOnCurve(
        pts([
          [8, 0],
          [6, 0],
          [4, 0],
        ]),
        'plateau',
        'high',
      ),
    ).toBe(0);
    // Equal cost and gain: the precision side.
    expect(
      pickOnCurve(
        pts([
          [5, 1],
          [5, 1],
        ]),
        'plateau',
        'high',
      ),
    ).toBe(1);
    expect(
      pickOnCurve(
        pts([
          [5, 1],
          [5, 1],
        ]),
        'plateau',
        'low',
      ),
    ).toBe(0);
    expect(pickOnCurve(pts([-1, -2]), 'plateau', 'high')).toBe(-1);
    expect(SLACK).toBe(4);
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

describe('the threshold by calls and by the worst set (decision 0690)', () => {
  const flags = (c: Featured, keys: string[]): [string, Set<string>] => [`${c.set}/${c.name}`, new Set(keys)];

  it('calls charges a false flag in a clean call twice; in a call already falsely flagged, once', () => {
    // Right at 0.72 and 0.91; ten right at 0.56 and one wrong at 0.57. At 0.55: 12 right, 1 wrong
    // (plateau gain 8); at 0.7: 2 right (gain 2). A clean call: calls charges 12 - 4 - 4 = 4 at 0.55, and
    // of the steps within SLACK the one without a false flag is taken (0.6-0.7 gain 2; the precision side).
    const right = [0.72, 0.91, ...Array.from({ length: 10 }, () => 0.56)].map((p, i) =>
      score(call('a', `r${i}`, true), p),
    );
    const wrong = score(call('a', 'w', false), 0.57);
    const all = [...right, wrong];
    const clean: EngineFlags = new Map(all.map((s) => flags(s.call, [])));
    expect(chooseThresholds(all, clean, { pcp }, 'none', 'plateau')).toEqual({ contact_exchange: 0.55 });
    expect(chooseThresholds(all, clean, { pcp }, 'none', 'calls')).toEqual({ contact_exchange: 0.7 });
    // The engine already raises a false review flag in that call: no call is newly dirtied.
    const dirty: EngineFlags = new Map([...clean, flags(wrong.call, ['review_manipulation@0'])]);
    expect(chooseThresholds(all, dirty, { pcp }, 'none', 'calls')).toEqual({ contact_exchange: 0.55 });
  });

  it("worst takes the precision-most of the sets' own plateau choices; a set with no gain abstains", () => {
    // Set a: right at 0.72 and 0.62 (its plateau: 0.6); set b: right at 0.91 (0.9); set c: wrong only.
    const rows: [string, number, boolean][] = [
      ['a', 0.72, true],
      ['a', 0.62, true],
      ['b', 0.91, true],
      ['c', 0.52, false],
    ];
    const scored = rows.map(([set, p, v], i) => score(call(set, `x${i}`, v), p));
    const none: EngineFlags = new Map(scored.map((s) => flags(s.call, [])));
    expect(chooseThresholds(scored, none, { pcp }, 'none', 'worst')).toEqual({ contact_exchange: 0.9 });
    expect(chooseThresholds(scored.slice(0, 2), none, { pcp }, 'none', 'worst')).toEqual({ contact_exchange: 0.6 });
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

  it('max and plateau take the lowest veto with the best gain when no true flag is lost', () => {
    expect(chooseVetoes(scored, engine, { pcp }, 'max')).toEqual({ contact_exchange: 0.05 });
    // 0.02 removes one false flag (gain 1), 0.05 two (gain 2), neither loses a true one: the better gain.
    expect(chooseVetoes(scored, engine, { pcp }, 'plateau')).toEqual({ contact_exchange: 0.05 });
  });

  it('plateau keeps the veto that loses no true flag over one that nets a false flag more', () => {
    // Add four false flags at 0.13-0.14: 0.15 removes 6 false, loses 1 true (gain 2); 0.05 removes 2 (gain 2).
    const more = [0.13, 0.13, 0.14, 0.14].map((p, i) => score(call('a', `w${i}`, false), p));
    const flags: EngineFlags = new Map([
      ...engine,
      ...more.map((s) => [`${s.call.set}/${s.call.name}`, new Set(['contact_exchange@0'])] as [string, Set<string>]),
    ]);
    expect(chooseVetoes([...scored, ...more], flags, { pcp }, 'max')).toEqual({ contact_exchange: 0.05 });
    const five = [0.13, 0.13, 0.14, 0.14, 0.14].map((p, i) => score(call('a', `u${i}`, false), p));
    const flags5: EngineFlags = new Map([
      ...engine,
      ...five.map((s) => [`${s.call.set}/${s.call.name}`, new Set(['contact_exchange@0'])] as [string, Set<string>]),
    ]);
    // Five more: 0.15 gains 3 against 0.05's 2, within one false flag: plateau keeps 0.05 (no true lost), max takes 0.15.
    expect(chooseVetoes([...scored, ...five], flags5, { pcp }, 'max')).toEqual({ contact_exchange: 0.15 });
    expect(chooseVetoes([...scored, ...five], flags5, { pcp }, 'plateau')).toEqual({ contact_exchange: 0.05 });
  });

  it('a gate without veto gets none, whatever the rule', () => {
    for (const rule of ['max', 'smooth', 'plateau', 'median'] as const)
      expect(chooseVetoes(scored, engine, { pcp: { ...pcp, veto: false } }, rule)).toEqual({});
  });
});
