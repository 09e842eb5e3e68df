import type { Language } from '../../core/domain.js';
import { regexMatches } from './regex-matches.js';
import { memoByText } from './text-memo.js';

const HAN_CHAR = /^\p{Script=Han}$/u;
const LATIN_WORD = /(?<![\p{L}\p{N}])\p{Script=Latin}{2,}(?![\p{L}\p{N}])/gu;

/**
 * Han characters in `text`, counted without building a match per character (every engine reads
 * every line's script). The common ideographs (U+4E00–9FFF, all Han) and everything below the
 * first Han block (U+2E80) are told by their code; the rest by the Unicode property.
 */
export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    if (c >= 0x4e00 && c <= 0x9fff) {
      n++;
      continue;
    }
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
    const next = pair ? text.charCodeAt(i + 1) : 0;
    const wide = pair && next >= 0xdc00 && next <= 0xdfff;
    if (HAN_CHAR.test(wide ? text.slice(i, i + 2) : text[i]!)) n++;
    if (wide) i++;
  }
  return n;
}

/** Runs of two or more ASCII letters (a Latin word, as `detectLanguage` weighs it). */
function countAsciiWords(text: string): number {
  let n = 0;
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) | 0x20 : 0;
    if (c >= 0x61 && c <= 0x7a) run++;
    else {
      if (run >= 2) n++;
      run = 0;
    }
  }
  return n;
}

/**
 * zh, en or mixed from the script of the words. A Chinese sentence with a brand name in it
 * ("我的 iPhone 坏了") is still Chinese: one Latin word counts as much as about two Han characters.
 */
export function detectLanguage(text: string): Language | undefined {
  const han = countHan(text);
  const latin = countAsciiWords(text) * 2;
  if (han === 0 && latin === 0) return undefined;
  if (han >= latin * 3) return 'zh';
  if (latin >= han * 3) return 'en';
  return 'mixed';
}

/** The call's language from all its lines: what suggestions and summaries are written in. */
export function callLanguage(texts: readonly string[]): 'zh' | 'en' {
  const tally = new LanguageTally();
  for (const t of texts) tally.add(t);
  return tally.language;
}

/** `callLanguage` kept up line by line, so a live call never re-reads its transcript. */
export class LanguageTally {
  private han = 0;
  private latin = 0;

  add(text: string): void {
    this.han += countHan(text);
    this.latin += countAsciiWords(text) * 2;
  }

  get language(): 'zh' | 'en' {
    return this.han >= this.latin ? 'zh' : 'en';
  }
}

/**
 * Which languages' readers a line needs: Chinese when it has any Han character, English when the
 * letters of its Latin words are at least as many (mixed lines get both), both when it has
 * neither (a bare id belongs to whichever language the call is in). Unlike detectLanguage this
 * never drops a minority script: a Chinese contact word inside English speech still counts.
 */
export const languagesIn = memoByText((text: string): ReadonlySet<'zh' | 'en'> => {
  const han = countHan(text);
  let latin = 0;
  for (const m of regexMatches(LATIN_WORD, text)) latin += m[0].length;
  const out = new Set<'zh' | 'en'>();
  if (han > 0) out.add('zh');
  if (latin > 0 && latin >= han) out.add('en');
  if (out.size === 0) out.add('zh').add('en');
  return out;
});
