/**
 * Number tokens: Arabic (1,280.50), Chinese positional or digit by digit (三千二百, 幺三八), English
 * cardinals (twenty-four) and spoken digit strings (double four oh seven). Values come from the
 * numeral parsers; spans are in the normalised text.
 */
import { EN_NUMBER, EN_TENS, EN_UNITS, parseEnNumber } from './numerals-en.js';
import { parseZhNumber, ZH_DIGITS, ZH_NUMBER } from './numerals-zh.js';
import { regexMatches } from './regex-matches.js';
import type { NumberToken, Span } from './types.js';

const EN_DIGIT = `(?:zero|oh|${Object.keys(EN_UNITS).slice(1, 10).join('|')})`;
const EN_DIGIT_STEP = `(?:(?:double|triple)\\s+)?${EN_DIGIT}`;
const NUMBER = new RegExp(
  [
    `(?<spoken>\\b${EN_DIGIT_STEP}(?:[\\s-]+${EN_DIGIT_STEP})+\\b)`,
    '(?<grouped>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?)',
    `(?<zh>${ZH_NUMBER})`,
    `(?<en>${EN_NUMBER})`,
  ].join('|'),
  'giu',
);

/**
 * Number words read digit by digit: "double four oh seven" → "4407", "twenty-four" → "24",
 * "eleven" → "11"; null when a word is not a number word.
 */
export function spokenDigits(text: string): string | null {
  let out = '';
  let repeat = 1;
  for (const w of text.toLowerCase().split(/\s+/)) {
    if (w === 'double' || w === 'triple') {
      repeat = w === 'double' ? 2 : 3;
      continue;
    }
    const [tens, unit] = w.split('-');
    const value =
      w === 'oh' || w === 'o'
        ? 0
        : unit !== undefined
          ? (EN_TENS[tens!] ?? Number.NaN) + (EN_UNITS[unit] ?? Number.NaN)
          : (EN_UNITS[w] ?? EN_TENS[w]);
    if (value === undefined || Number.isNaN(value)) return null;
    out += String(value).repeat(repeat);
    repeat = 1;
  }
  return out || null;
}

function hanDigits(text: string): string | undefined {
  const chars = [...text];
  if (chars.length < 2) return undefined;
  const ds = chars.map((c) => (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : ZH_DIGITS[c]));
  return ds.every((d) => d !== undefined) ? ds.join('') : undefined;
}

type Found = Omit<NumberToken, 'span'>;

/** Numbers in `norm` outside the `skip` ranges (masked links, and words like 一下 that hold no number). */
export function findNumbers(norm: string, skip: readonly Span[]): Found[] {
  const out: Found[] = [];
  for (const m of regexMatches(NUMBER, norm)) {
    const s = m.index;
    const e = s + m[0].length;
    if (skip.some(([a, b]) => s < b && e > a)) continue;
    const g = m.groups!;
    const text = m[0];
    const nspan: Span = [s, e];
    if (g.spoken !== undefined) {
      const value = parseEnNumber(text);
      const digits = spokenDigits(text.replaceAll('-', ' '));
      if (value !== null && !/\b(?:oh|double|triple)\b/i.test(text))
        out.push({ value, script: 'latin', text, nspan, digits: undefined });
      // Its digits before its script, as this token has always been written (a second shape, rare).
      else if (digits) out.push({ value: Number(digits), digits, script: 'latin', text, nspan });
    } else if (g.grouped !== undefined) {
      out.push({ value: Number(text.replaceAll(',', '')), script: 'arabic', text, nspan, digits: undefined });
    } else if (g.zh !== undefined) {
      const value = parseZhNumber(text);
      if (value === null) continue;
      const arabic = /^[0-9.]+$/.test(text);
      const digits = arabic ? (text.includes('.') ? undefined : text) : hanDigits(text);
      // One shape for every number token: digits it cannot be read as are undefined (JSON leaves them out).
      out.push({ value, script: arabic ? 'arabic' : 'han', text, nspan, digits });
    } else {
      const value = parseEnNumber(text);
      if (value !== null)
        out.push({ value, script: /^[0-9.,]+$/.test(text) ? 'arabic' : 'latin', text, nspan, digits: undefined });
    }
  }
  return out;
}
