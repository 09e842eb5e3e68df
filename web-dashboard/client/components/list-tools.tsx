import { type ReactNode, useId, useState } from 'react';
import { useLang, useT } from '../i18n.js';
import { useSearchState } from '../router.js';
import { type Loaded, useData } from '../use-data.js';
import { DateField } from './date-field.js';
import { Status } from './status.js';

export const PAGE_SIZE = 20;

/** The list's page from the URL, and the API query for it (one row more, to know whether a next page exists). */
export function usePage(): { page: number; apiQuery: string } {
  const [query] = useSearchState();
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  return { page, apiQuery: `limit=${PAGE_SIZE + 1}&offset=${(page - 1) * PAGE_SIZE}` };
}

export function Pager({ page, rows }: { page: number; rows: number }) {
  const t = useT();
  const [, set] = useSearchState();
  if (page === 1 && rows <= PAGE_SIZE) return null;
  return (
    <nav className="pager row" aria-label={t('page', { n: page })}>
      <button type="button" disabled={page <= 1} onClick={() => set({ page: String(page - 1) })}>
        {t('prev')}
      </button>
      <span>{t('page', { n: page })}</span>
      <button type="button" disabled={rows <= PAGE_SIZE} onClick={() => set({ page: String(page + 1) })}>
        {t('next')}
      </button>
    </nav>
  );
}

/** A select bound to one URL parameter. */
export function FilterSelect({ name, label, options }: { name: string; label: string; options: [string, string][] }) {
  const t = useT();
  const [query, set] = useSearchState();
  return (
    <label>
      {label}
      <select value={query.get(name) ?? ''} onChange={(e) => set({ [name]: e.target.value })}>
        <option value="">{t('any')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** From and to dates in the URL (`?from=2026-12-01&to=2026-12-06`), shown in the page's language. */
export function FilterDates() {
  const t = useT();
  const [query, set] = useSearchState();
  return (
    <>
      <DateField label={t('dateFrom')} value={query.get('from') ?? ''} onChange={(v) => set({ from: v })} />
      <DateField label={t('dateTo')} value={query.get('to') ?? ''} onChange={(v) => set({ to: v })} />
    </>
  );
}

export function FilterSearch({ placeholder }: { placeholder: string }) {
  const t = useT();
  const [query, set] = useSearchState();
  return (
    <label className="grow">
      {t('search')}
      <input
        type="search"
        placeholder={placeholder}
        value={query.get('q') ?? ''}
        onChange={(e) => set({ q: e.target.value })}
      />
    </label>
  );
}

/**
 * A list's filters. With `fold` (the URL parameters they set), a phone shows one "筛选" button
 * saying how many are set, and the controls only when it is opened: seven selects would otherwise
 * fill the first screen before any row. The values live in the URL, so folding keeps them; from
 * 701 px the controls are always shown and the button is hidden (CSS). `lead` (a list's search box)
 * stays out of the fold: it is what a phone reaches for first, and the button sits under it.
 */
export function Filters({ children, fold, lead }: { children: ReactNode; fold?: string[]; lead?: ReactNode }) {
  const t = useT();
  const id = useId();
  const [query, set] = useSearchState();
  const [open, setOpen] = useState(false);
  if (!fold)
    return (
      <form className="filters card" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        {lead}
        {children}
      </form>
    );
  const active = fold.filter((n) => query.get(n)).length;
  const bar = (
    <div className="row filters-bar">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        data-testid="filters-toggle"
        data-active={active}
        onClick={() => setOpen(!open)}
      >
        {active > 0 ? t('filtersSet', { n: active }) : t('filters')}
      </button>
      {active > 0 && (
        <button type="button" className="link tap" onClick={() => set(Object.fromEntries(fold.map((n) => [n, null])))}>
          {t('clearFilters')}
        </button>
      )}
    </div>
  );
  const folded = !open ? ' folded' : '';
  if (!lead)
    return (
      <>
        {bar}
        <form
          id={id}
          className={`filters card${folded}`}
          aria-label={t('filters')}
          onSubmit={(e) => e.preventDefault()}
        >
          {children}
        </form>
      </>
    );
  // The search, then the button, then what it folds; from 701 px the fold is no box of its own
  // (`display: contents`) and every control sits in the one grid as before.
  return (
    <form className="filters card" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
      {lead}
      {bar}
      <div id={id} className={`filters-more${folded}`}>
        {children}
      </div>
    </form>
  );
}

/**
 * The instant a day of the URL (`2026-12-06`) starts where the person is, `plusDays` later: a list's
 * days are the days its user sees, not UTC's (8 hours apart in China). `to` is sent as the start of
 * the day after the last one shown. Anything that isn't a day goes as typed, for the API to refuse.
 */
function localMidnight(day: string, plusDays: number): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !y || !m || !d) return day;
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** The URL's filters as an API query string (dates become whole days; `to` includes its day). */
export function apiFilters(names: string[]): string {
  const query = new URLSearchParams(location.search);
  const out = new URLSearchParams();
  for (const n of names) {
    const v = query.get(n);
    if (!v) continue;
    out.set(n, n === 'from' || n === 'to' ? localMidnight(v, n === 'to' ? 1 : 0) : v);
  }
  return out.toString();
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** A filtered list with nothing to show, and the way back to all of it. */
export function EmptyFiltered() {
  const t = useT();
  const [query, set] = useSearchState();
  return (
    <p className="empty">
      {t('emptyFiltered')}{' '}
      <button type="button" onClick={() => set(Object.fromEntries([...query.keys()].map((k) => [k, null])))}>
        {t('clearFilters')}
      </button>
    </p>
  );
}

/**
 * A CSV download of what the reader may see (the server scopes it), with the list's merchant
 * filter, written in the page's language and the browser's time zone, the zone the page shows.
 */
export function ExportLink({ what }: { what: 'calls' | 'flags' | 'decisions' }) {
  const t = useT();
  const lang = useLang();
  const [query] = useSearchState();
  const label = { calls: 'navCalls', flags: 'flags', decisions: 'exportDecisions' } as const;
  const params = new URLSearchParams({ lang, tz: Intl.DateTimeFormat().resolvedOptions().timeZone });
  const merchantId = query.get('merchantId');
  if (merchantId) params.set('merchantId', merchantId);
  return (
    <a className="export" href={`/api/export/${what}.csv?${params}`} download>
      {t('exportCsv')} · {t(label[what])}
    </a>
  );
}

export type ListPage<T> = Loaded<T[]> & { page: number; rows: T[] };

/**
 * A list the server pages: the URL's page and the named filters make the API query. `rows` is the
 * page shown; `data` holds one row more, which only says that a next page exists.
 */
export function useListPage<T>(
  path: string,
  filters: string[],
  options: { refetchInterval?: number } = {},
): ListPage<T> {
  useSearchState();
  const { page, apiQuery } = usePage();
  const list = useData<T[]>(`${path}?${apiQuery}&${apiFilters(filters)}`, options);
  return { ...list, page, rows: list.data?.slice(0, PAGE_SIZE) ?? [] };
}

/** What a list says besides its rows: that it is loading, its error, or why it is empty. */
export function ListState({ list, empty }: { list: ListPage<unknown>; empty: string }) {
  return (
    <>
      <Status loading={list.loading} error={list.error} />
      {list.data?.length === 0 && (list.page > 1 || location.search ? <EmptyFiltered /> : <Empty>{empty}</Empty>)}
    </>
  );
}

export function ListPager({ list }: { list: ListPage<unknown> }) {
  return <Pager page={list.page} rows={list.data?.length ?? 0} />;
}

/**
 * A table that turns into one card per row on a phone (each cell shows its `data-label`).
 * `actions` names a last column of buttons or links, for screen readers only.
 */
export function CardTable({
  head,
  actions,
  className,
  children,
}: {
  head: string[];
  actions?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="card">
      <table className={className ? `cards ${className}` : 'cards'}>
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="sr-only">{actions}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
