import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caselessTwin, foldAsciiCase } from './caseless.js';
import { lexicon } from './lexicon.js';

/** Every match of a global pattern as [index, length]. */
function spans(re: RegExp, text: string): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push([m.index, m[0].length]);
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

// Characters where `i` and folding meet: capitals, ſ and the Kelvin sign (which fold to s and k),
// non-ASCII cased letters (which fold to nothing ASCII), Han, punctuation.
const UNITS = [
  's',
  'S',
  'ſ',
  'k',
  'K',
  '\u212a',
  'a',
  'A',
  'é',
  'É',
  'İ',
  'ı',
  '_',
  '1',
  ' ',
  "'",
  '退',
  '款',
  '，',
  'z',
  'Z',
];

describe('caselessTwin', () => {
  it('folds only ASCII capitals, ſ and the Kelvin sign, one unit for one', () => {
    expect(foldAsciiCase('退款 OK ſ\u212a É')).toBe('退款 ok sk É');
    const plain = '退款 ok';
    expect(foldAsciiCase(plain)).toBe(plain);
  });

  it('writes capitals small and refuses what folding cannot follow', () => {
    expect(caselessTwin(/Hi\s+[A-Z]x/giu)?.re.source).toBe('hi\\s+[a-z]x');
    expect(caselessTwin(/退款|\bOK\b/giu)?.re.flags).toBe('gu');
    expect(caselessTwin(/(?<Name>退)\D/giu)?.re.source).toBe('(?<Name>退)\\D');
    expect(caselessTwin(/café/giu)).toBeUndefined();
    expect(caselessTwin(/[!-~]/giu)).toBeUndefined();
    expect(caselessTwin(/\p{Lu}/giu)).toBeUndefined();
    expect(caselessTwin(/(a)\1/giu)).toBeUndefined();
    expect(caselessTwin(/abc/gi)).toBeUndefined();
    expect(caselessTwin(/abc/gu)).toBeUndefined();
  });

  it('matches the folded line exactly where the pattern matches the line (small patterns, any line)', () => {
    const piece = fc.constantFrom(
      's',
      'K',
      'k',
      'a',
      '[a-z]',
      '[A-Z]+',
      '[^a-z]',
      '\\w',
      '\\W',
      '\\b',
      '\\B',
      '退',
      '[^退]',
      '.',
      'z?',
      "'",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom(...UNITS), { maxLength: 12 }),
        (parts, units) => {
          const re = new RegExp(parts.join(''), 'giu');
          const twin = caselessTwin(re);
          expect(twin).toBeDefined();
          const text = units.join('');
          expect(spans(twin!.re, foldAsciiCase(text))).toEqual(spans(re, text));
        },
      ),
    );
  });

  it('matches as the lexicon entry does on lines holding every folding character', () => {
    const lex = lexicon();
    const lines = [
      'I will REFUND you, Kindly ſend it back 退款 OK？',
      'WE\u212aL GIVE yoU a Refund tomorrow, 我会给您退款的',
      'pls add my VX abc123 或者 wechat ID: Kefu_01 ſ',
      "İstanbul café ÉTÉ I'M GOING TO SEND IT 明天发货",
    ];
    let twins = 0;
    lex.entries.forEach((e, i) => {
      const twin = lex.caseless[i];
      if (twin === undefined) return;
      twins++;
      for (const line of lines) expect(spans(twin.re, foldAsciiCase(line))).toEqual(spans(e.re, line));
    });
    expect(twins).toBeGreaterThan(lex.entries.length / 2);
  });
});
