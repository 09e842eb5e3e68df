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
  const joined = texts.join('\n');
  const han = joined.match(HAN)?.length ?? 0;
  const latin = (joined.match(LATIN_WORD)?.length ?? 0) * 2;
  return han >= latin ? 'zh' : 'en';
}
