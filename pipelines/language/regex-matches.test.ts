import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regexMatches } from './regex-matches.js';

const shape = (ms: Iterable<RegExpExecArray | RegExpMatchArray>) =>
  [...ms].map((m) => ({ index: m.index, text: m[0], groups: [...m.slice(1)], named: m.groups ?? null }));

// Patterns with empty matches, look-arounds, groups, case folding and astral characters.
const PATTERNS: [string, string][] = [
  ['a*', 'g'],
  ['(?<=x)|b+', 'g'],
  ['(?<w>[a-z]+)(\\d)?', 'gi'],
  ['\\b', 'gu'],
  ['', 'gu'],
  ['.', 'gu'],
  ['(?:微信|v信)\\s*(\\w+)', 'giu'],
  ['[^\\s]*', 'gy'],
];
const TEXT = fc.string({
  unit: fc.constantFrom('a', 'b', 'x', 'A', '1', ' ', '微', '信', 'v', '😀', '\ud83d', 'ſ', 'K'),
  maxLength: 24,
});

describe('regexMatches', () => {
  it('finds what matchAll finds, in order, for any text and start position', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATTERNS), TEXT, fc.nat(4), ([source, flags], text, start) => {
        const a = new RegExp(source, flags);
        const b = new RegExp(source, flags);
        a.lastIndex = start;
        b.lastIndex = start;
        expect(shape(regexMatches(a, text))).toEqual(shape(text.matchAll(b)));
        // matchAll leaves its RegExp alone; so does regexMatches.
        expect(a.lastIndex).toBe(start);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves lastIndex where it was when the reader stops early', () => {
    const re = /\d+/g;
    for (const m of regexMatches(re, '12 34 56')) if (m[0] === '34') break;
    expect(re.lastIndex).toBe(0);
  });

  it('refuses a RegExp without the g flag, as matchAll does', () => {
    expect(() => [...regexMatches(/a/, 'aaa')]).toThrow(/global RegExp: \/a\//);
  });
});
