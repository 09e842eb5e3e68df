import type { Language } from '../../core/domain.js';

/**
 * The `lang` of data, which keeps its own language whatever the interface's: a Chinese call's
 * summary read in the English UI, an English rule's ground in the Chinese one. Marked, a reader's
 * browser can offer to translate it and a screen reader voices it right (the browser tests skip
 * it when looking for words of the wrong language). A mixed call's text is left unmarked.
 */
export function dataLang(language: Language | string | null | undefined): 'zh' | 'en' | undefined {
  return language === 'zh' || language === 'en' ? language : undefined;
}

/** Free text a person wrote (an appeal statement, a decision's reason): its language is its script's. */
export function scriptLang(text: string | null | undefined): 'zh' | 'en' | undefined {
  if (!text) return undefined;
  return /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en';
}
