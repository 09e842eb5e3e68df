import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredLiterals } from './required-literals.js';
import { lexicon } from './lexicon.js';
import { gateForm, LiteralGate } from './literal-gate.js';

describe('requiredLiterals', () => {
  it('reads the literals a match must hold, stepping over zero-width items and optional ones', () => {
    expect(requiredLiterals(/abc/)).toEqual(['abc']);
    expect(requiredLiterals(/(?:a|b)c?d/)).toEqual(['ad', 'acd', 'bd', 'bcd']);
    expect(requiredLiterals(/\bFoo(?: bar)/i)).toEqual(['foo bar']);
    expect(requiredLiterals(/(?<![a-z])v ?x/u)).toEqual(['vx', 'v x']);
    expect(requiredLiterals(/[3-5]z/)).toEqual(['3z', '4z', '5z']);
    expect(requiredLiterals(/(?<n>x)\k<n>y/u)).toEqual(['x']);
    expect(requiredLiterals(/x{2}y/)).toEqual(['x']);
    expect(requiredLiterals(/\u4e00\./u)).toEqual(['一.']);
  });

  it('keeps the most selective stretch, and gives null when a match may hold no literal', () => {
    for (const re of [/\d+/, /a|/, /(?:x)?\p{L}/u, /É/u, /\s*/u]) expect(requiredLiterals(re)).toBeNull();
    expect(requiredLiterals(/退款\s*\d+/u)).toEqual(['退款']);
    expect(requiredLiterals(/.x/)).toEqual(['x']);
    expect(requiredLiterals(/\s*(?:退款|退钱)/u)).toEqual(['退款', '退钱']);
    expect(requiredLiterals(/\b(?:cheaper|\d+% off)[^.]{0,30}? if you pay/)).toEqual([' if you pay']);
    expect(requiredLiterals(/(?:a|\d+xyz)\d/)).toEqual(['a', 'xyz']);
    // A whitespace run is one space in the gate's form, so a literal run is cut before it.
    expect(requiredLiterals(/a {2}b/)).toEqual(['a ']);
  });

  it('takes what a positive look-around needs, which the line holds outside the match', () => {
    expect(requiredLiterals(/(?<=(?:退款|赔偿)\s*)\d+/u)).toEqual(['退款', '赔偿']);
    expect(requiredLiterals(/\d+(?=元|块钱)/u)).toEqual(['元', '块钱']);
    expect(requiredLiterals(/(?<=价)\d+元/u)).toEqual(['价']);
    expect(requiredLiterals(/(?<=价格)\d+元/u)).toEqual(['价格']);
    for (const re of [/(?<!退款)\d+/u, /(?!元)\d+/u, /(?=元)?\d/, /(?!(?=元))\d/u])
      expect(requiredLiterals(re)).toBeNull();
  });

  it('never misses a match: on random patterns and lines, a match holds one of the literals', () => {
    const atom = fc.constantFrom(
      ...['a', 'b', 'A', '退', '款', ' ', '\\.', '[ab]', '[a-c]', '\\d', '.', '\\b', '\\s'],
      ...['(?=a)', '(?<=b.?)', '(?!a)', '(?<!退)', '(?=[ab]款)', '(?<=(?:a|退)\\s*)', '(?=(?!b)a)'],
    );
    const piece = fc
      .tuple(fc.array(atom, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '?', '*', '+', '{2}', '{0,2}'))
      .map(([a, q]) => (q === '' ? a.join('') : `(?:${a.join('')})${q}`));
    const source = fc
      .array(fc.array(piece, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
      .map((alts) => alts.map((a) => a.join('')).join('|'));
    const line = fc.array(fc.constantFrom('a', 'b', 'c', 'A', 'B', '退', '款', ' ', '  ', '.', '1', 'x'), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(source, fc.constantFrom('g', 'gi', 'giu'), line, (src, flags, chars) => {
        const re = new RegExp(src, flags);
        const text = chars.join('');
        const need = requiredLiterals(re);
        if (need === null || !re.test(text)) return;
        expect(new LiteralGate([need]).candidates(gateForm(text))[0]).toBe(1);
      }),
      { numRuns: 3000 },
    );
  });

  it('gates most shipped lexicon entries, patterns included', () => {
    const { entries } = lexicon();
    const gated = entries.filter((e) => e.literals !== null).length;
    expect(gated / entries.length).toBeGreaterThan(0.9);
  });
});
