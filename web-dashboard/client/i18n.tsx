import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { ApiError } from './api.js';
import { type LabelKind, labelText } from '../shared/labels.js';
import { STRINGS } from './strings.js';

export type Lang = 'zh' | 'en';

export type StringKey = keyof typeof STRINGS;

function resources(lang: Lang): Record<string, unknown> {
  const i = lang === 'zh' ? 0 : 1;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(STRINGS) as [string, readonly string[]][]) {
    if (v.length === 3) {
      out[`${k}_one`] = lang === 'zh' ? v[0] : v[1];
      out[`${k}_other`] = lang === 'zh' ? v[0] : v[2];
    } else out[k] = v[i];
  }
  return out;
}

const STORAGE_KEY = 'kefu.lang';

export function initialLang(userLocale?: string): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'zh' || saved === 'en') return saved;
  return (userLocale ?? navigator.language).toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { zh: { translation: resources('zh') }, en: { translation: resources('en') } },
  lng: initialLang(),
  fallbackLng: false,
  keySeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

const syncHtmlLang = (lang: string) => {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
};
syncHtmlLang(i18next.language);
i18next.on('languageChanged', syncHtmlLang);

/** Switches the UI language and remembers the choice across reloads and sign-ins. */
export function setLang(lang: Lang, remember = true): void {
  if (remember) localStorage.setItem(STORAGE_KEY, lang);
  void i18next.changeLanguage(lang);
}

export function hasChosenLang(): boolean {
  return localStorage.getItem(STORAGE_KEY) !== null;
}

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}

export function useT(): (key: StringKey, vars?: Record<string, string | number>) => string {
  const { t } = useTranslation();
  return (key, vars) => t(key, vars ?? {}) as string;
}

/** A code as a person reads it in the page's language (`labelText`, shared with the server's files). */
export function useLabel(): (kind: LabelKind, code: string | null | undefined) => string {
  const lang = useLang();
  return (kind, code) => labelText(kind, code, lang);
}

/** A failed request as a person reads it: localised by its code, never the server's English. */
export function useErrorText(): (e: unknown) => string {
  const label = useLabel();
  return (e) => label('error', e instanceof ApiError ? e.code : 'INTERNAL');
}

export function formatTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function formatDate(iso: string | Date | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/** An amount with its currency as the locale writes it: "¥39.90", "$12.00"; without one, just the number. */
export function formatMoney(amount: number, currency: string | null | undefined, lang: Lang): string {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  const digits = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  if (!currency) return amount.toLocaleString(locale, digits);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    ...digits,
  }).format(amount);
}

export function formatDay(iso: string | Date | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-US', { dateStyle: 'medium' });
}

/**
 * A moment ("2026年12月7日 06:04") or a day ("2026年12月7日") as one piece of its line: it wraps
 * before or after, never inside (a phone's line once ended at "2026年12月" with "7日" below).
 */
export function When({ at, day = false }: { at: string | Date; day?: boolean }) {
  const lang = useLang();
  return (
    <time className="when" dateTime={new Date(at).toISOString()}>
      {day ? formatDay(at, lang) : formatDate(at, lang)}
    </time>
  );
}
