import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingLiterals } from './leading-literals.js';
import { lexicon } from './lexicon.js';
import { gateForm, LiteralGate } from './literal-gate.js';

describe('leadingLiterals', () => {
  it('reads the literals a match must start with, stepping over zero-width items and optional ones', () => {
    expect(leadingLiterals(/abc/)).toEqual(['abc']);
    expect(leadingLiterals(/(?:a|b)c?d/)).toEqual(['ad', 'acd', 'bd', 'bcd']);
    expect(leadingLiterals(/\bFoo(?: bar)/i)).toEqual(['foo bar']);
    expect(leadingLiterals(/(?<![a-z])v ?x/u)).toEqual(['vx', 'v x']);
    expect(leadingLiterals(/[3-5]z/)).toEqual(['3z', '4z', '5z']);
    expect(leadingLiterals(/(?<n>x)\k<n>y/u)).toEqual(['x']);
    expect(leadingLiterals(/x{2}y/)).toEqual(['x']);
    expect(leadingLiterals(/\u4e00\./u)).toEqual(['一.']);
  });

  it('gives null when a match may start anywhere, and stops before what it cannot follow', () => {
    for (const re of [/\d+/, /a|/, /.x/, /[^a]b/, /(?:x)?\p{L}/u, /É/u, /\s*退款/u])
      expect(leadingLiterals(re)).toBeNull();
    expect(leadingLiterals(/退款\s*\d+/u)).toEqual(['退款']);
    // A whitespace run is one space in the gate's form, so a literal run is cut before it.
    expect(leadingLiterals(/a {2}b/)).toEqual(['a ']);
  });

  it('never misses a match: on random patterns and lines, a match holds one of the literals', () => {
    const atom = fc.constantFrom('a', 'b', 'A', '退', '款', ' ', '\\.', '[ab]', '[a-c]', '\\d', '.', '\\b', '\\s');
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
        const lead = leadingLiterals(re);
        if (lead === null || !re.test(text)) return;
        expect(new LiteralGate([lead]).candidates(gateForm(text))[0]).toBe(1);
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
