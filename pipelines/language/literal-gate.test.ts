import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeLine } from './analyze.js';
import { lexicon } from './lexicon.js';
import { gateForm, LiteralGate } from './literal-gate.js';
import { matchEntries } from './match.js';

describe('LiteralGate', () => {
  it('gives every line in the form lower case with each whitespace run one space (any line)', () => {
    const unit = fc.constantFrom(' ', '  ', '\t', '\n', '\u3000', '\u00a0', 'A', 'b', '退', '\ufeff', '\u2028');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 10 }), (units) => {
        const text = units.join('');
        expect(gateForm(text)).toBe(text.toLowerCase().replace(/\s+/g, ' '));
      }),
    );
  });

  it('lets through exactly the entries one of whose terms occurs, and entries with patterns always', () => {
    const gate = new LiteralGate([['退款', 'refund'], ['she', 'he'], null, ['hers']]);
    expect([...gate.candidates(gateForm('我要退款'))]).toEqual([1, 0, 1, 0]);
    // Overlapping terms through failure links: "ushers" holds she, he and hers.
    expect([...gate.candidates(gateForm('USHERS'))]).toEqual([0, 1, 1, 1]);
    expect([...gate.candidates(gateForm('nothing here'))]).toEqual([0, 1, 1, 0]);
  });

  it('lets an entry through exactly when one of its terms is in the line (any terms, any line)', () => {
    // A small alphabet, so terms share prefixes and suffixes and failure links are exercised.
    const unit = fc.constantFrom('a', 'b', 'c', '退', '款', 'Ä');
    const word = fc.array(unit, { minLength: 1, maxLength: 5 }).map((u) => u.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 4 }), { maxLength: 6 }), word, (terms, line) => {
        const text = gateForm(`${line}${line.split('').reverse().join('')}`);
        const may = new LiteralGate(terms).candidates(text);
        expect([...may]).toEqual(terms.map((t) => (t.some((w) => text.includes(gateForm(w))) ? 1 : 0)));
      }),
    );
  });

  it('answers the same once its edge table has grown many times (thousands of terms)', () => {
    // The table starts small and doubles as edges are added; every edge must be found again after.
    const terms = Array.from({ length: 3000 }, (_, i) => [`t${(i * 7919).toString(36)}x`, `退${i}款`]);
    const gate = new LiteralGate(terms);
    const text = gateForm(`t${(42 * 7919).toString(36)}x 退2999款 t${(3001 * 7919).toString(36)}x`);
    const may = gate.candidates(text);
    expect([...may.keys()].filter((i) => may[i] === 1)).toEqual(
      terms.flatMap((t, i) => (t.some((w) => text.includes(w)) ? [i] : [])),
    );
    expect(may[42]).toBe(1);
    expect(may[2999]).toBe(1);
  });

  it('compares inner whitespace runs as one space, as the entries match them', () => {
    const gate = new LiteralGate([['let me check']]);
    expect(gate.candidates(gateForm('Let  me\tcheck that'))[0]).toBe(1);
    expect(gate.candidates(gateForm('letme check'))[0]).toBe(0);
  });

  it('never leaves out an entry the line matches (every shipped entry, full-width, case and spacing)', () => {
    const lines = [
      '亲，麻烦报一下订单号哦~',
      'ＬＥＴ　ＭＥ　ＣＨＥＣＫ，稍等',
      'I WILL  SHIP A REPLACEMENT by Friday',
      '您加我微信 abc8899，我私下转您钱',
      '如果没货就给您退款，不要给差评',
      'Can I get your card number and the SMS code?',
    ];
    const { entries } = lexicon();
    const open = { entries, gate: new LiteralGate(entries.map(() => null)) };
    for (const text of lines) {
      const a = analyzeLine(text, { cache: false });
      const input = {
        norm: a.norm,
        lower: a.norm.toLowerCase(),
        hasHan: true,
        hasLatin: true,
        skip: a.masks.filter((m) => m.kind !== 'phone' && m.kind !== 'digits').map((m) => m.nspan),
        tokenStarts: new Set(a.tokens.map((t) => t.nspan[0])),
        tokenEnds: new Set(a.tokens.map((t) => t.nspan[1])),
      };
      const gated = matchEntries(lexicon(), input);
      expect(gated.length).toBeGreaterThan(0);
      expect(gated).toEqual(matchEntries(open, input));
    }
  });
});
