import type { Language } from '../../core/domain.js';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * zh, en or mixed from the script of the words. A Chinese sentence with a brand name in it
 * ("我的 iPhone 坏了") is still Chinese: one Latin word counts as much as about two Han characters.
 */
export function detectLanguage(text: string): Language | undefined {
  const han = text.match(HAN)?.length ?? 0;
  const latin = (text.match(LATIN_WORD)?.length ?? 0) * 2;
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
    this.han += text.match(HAN)?.length ?? 0;
    this.latin += (text.match(LATIN_WORD)?.length ?? 0) * 2;
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
export function languagesIn(text: string): Set<'zh' | 'en'> {
  const han = text.match(HAN)?.length ?? 0;
  const words = text.match(/(?<![\p{L}\p{N}])\p{Script=Latin}{2,}(?![\p{L}\p{N}])/gu) ?? [];
  const latin = words.join('').length;
  const out = new Set<'zh' | 'en'>();
  if (han > 0) out.add('zh');
  if (latin > 0 && latin >= han) out.add('en');
  if (out.size === 0) out.add('zh').add('en');
  return out;
}
