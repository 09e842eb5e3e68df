import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callLanguage, countHan, detectLanguage } from './language-id.js';
import { eachMapsTo } from '../../test/table.js';

describe('detectLanguage', () => {
  eachMapsTo('%s → %s', detectLanguage, [
    ['我的苹果烂了三个', 'zh'],
    ['我的 iPhone 充电器坏了', 'zh'],
    ['My earbuds stopped working after two days', 'en'],
    ['order 240611587736219 的 refund 什么时候 done', 'mixed'],
    ['12345', undefined],
  ]);

  it('takes the call language from all lines', () => {
    expect(callLanguage(['hello', '你好，请问有什么可以帮您', '苹果坏了'])).toBe('zh');
    expect(callLanguage(['hi', 'my order is late', '好的'])).toBe('en');
  });
});

describe('script counts', () => {
  // The counts as regexes give them: what the code-unit scan must always agree with.
  const hanByRegex = (t: string) => t.match(/\p{Script=Han}/gu)?.length ?? 0;
  const asciiWordsByRegex = (t: string) => t.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  // Han from every plane (ext A, compatibility, radicals, ext B), Latin, digits, kana, surrogate halves.
  const piece = fc.oneof(
    fc.constantFrom(
      '我',
      '〇',
      '々',
      '⺀',
      '㐀',
      '豈',
      '𠀀',
      '𪜀',
      '\u4dff',
      '\ua000',
      '\u2e7f',
      'a',
      'Zz',
      'é',
      'ß',
      '1',
      'の',
      ' ',
      '\ud800',
      '\udc00',
      'iPhone',
    ),
    fc.string({ unit: 'binary' }),
  );
  const text = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));

  it('countHan counts what \\p{Script=Han} matches, in every plane', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(countHan(t)).toBe(hanByRegex(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('detectLanguage and the call tally read the same counts as the regexes', () => {
    fc.assert(
      fc.property(text, (t) => {
        const han = hanByRegex(t);
        const latin = asciiWordsByRegex(t) * 2;
        const expected =
          han === 0 && latin === 0 ? undefined : han >= latin * 3 ? 'zh' : latin >= han * 3 ? 'en' : 'mixed';
        expect(detectLanguage(t)).toBe(expected);
        expect(callLanguage([t])).toBe(han >= latin ? 'zh' : 'en');
      }),
      { numRuns: 2000 },
    );
  });
});
