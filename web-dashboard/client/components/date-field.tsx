import { useEffect, useRef, useState } from 'react';
import { formatDay, useLang, useT, type Lang } from '../i18n.js';

/** "2026-12-06" of a local date, the form the URL and the API take. */
const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const parse = (v: string) => {
  const [y, m, d] = v.split('-').map(Number);
  return y && m && d ? new Date(y, m - 1, d) : null;
};
const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-US');

/**
 * A date chosen from a month calendar, both written in the page's language ("2026年12月6日",
 * "Dec 6, 2026"; 2026年12月 with 一…日 from Monday, or December 2026 from Sunday). The browser's
 * own date input follows the browser's language, not the one chosen here, so a Chinese page
 * showed mm/dd/yyyy (decision 0163).
 */
export function DateField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const t = useT();
  const lang = useLang();
  const chosen = parse(value);
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState(() => chosen ?? new Date());
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: Event) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    addEventListener('mousedown', away);
    addEventListener('keydown', esc);
    return () => {
      removeEventListener('mousedown', away);
      removeEventListener('keydown', esc);
    };
  }, [open]);

  const firstDay = lang === 'zh' ? 1 : 0;
  const start = new Date(month.getFullYear(), month.getMonth(), 1);
  const lead = (start.getDay() - firstDay + 7) % 7;
  const days = new Date(month.getFullYear(), month.getMonth() + 1, 0).getDate();
  const cells = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  const weekday = new Intl.DateTimeFormat(locale(lang), { weekday: 'narrow' });
  const heads = Array.from({ length: 7 }, (_, i) => weekday.format(new Date(2026, 1, 1 + ((firstDay + i) % 7))));
  const today = iso(new Date());
  const pick = (v: string) => {
    onChange(v);
    setOpen(false);
  };
  return (
    <div className="date-field" ref={box} lang={locale(lang)}>
      <span className="date-label">{label}</span>
      <span className="row nowrap">
        <button
          type="button"
          className="date-value"
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-label={`${label}${t('colon')}${chosen ? formatDay(chosen, lang) : t('anyDate')}`}
          onClick={() => {
            setMonth(chosen ?? new Date());
            setOpen(!open);
          }}
        >
          {chosen ? formatDay(chosen, lang) : t('anyDate')}
        </button>
        {chosen && (
          <button type="button" className="link" aria-label={t('clearDate', { what: label })} onClick={() => pick('')}>
            ×
          </button>
        )}
      </span>
      {open && (
        <div className="calendar card" role="dialog" aria-label={label}>
          <div className="row spread">
            <button
              type="button"
              aria-label={t('prevMonth')}
              onClick={() => setMonth(new Date(month.getFullYear(), month.getMonth() - 1, 1))}
            >
              ‹
            </button>
            <strong aria-live="polite">
              {new Intl.DateTimeFormat(locale(lang), { year: 'numeric', month: 'long' }).format(month)}
            </strong>
            <button
              type="button"
              aria-label={t('nextMonth')}
              onClick={() => setMonth(new Date(month.getFullYear(), month.getMonth() + 1, 1))}
            >
              ›
            </button>
          </div>
          <div className="calendar-grid">
            {heads.map((h, i) => (
              <span key={`h${i}`} aria-hidden="true" className="muted small">
                {h}
              </span>
            ))}
            {cells.map((d, i) => {
              if (d === null) return <span key={`e${i}`} />;
              const date = new Date(month.getFullYear(), month.getMonth(), d);
              const v = iso(date);
              return (
                <button
                  key={v}
                  type="button"
                  aria-label={formatDay(date, lang)}
                  aria-pressed={v === value}
                  aria-current={v === today ? 'date' : undefined}
                  className={v === value ? 'primary' : undefined}
                  onClick={() => pick(v)}
                >
                  {d}
                </button>
              );
            })}
          </div>
          <div className="row">
            <button type="button" onClick={() => pick(today)}>
              {t('today')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
