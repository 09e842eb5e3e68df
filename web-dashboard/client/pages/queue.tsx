import { useEffect, useState } from 'react';
import { post } from '../api.js';
import {
  CardTable,
  ExportLink,
  Filters,
  FilterDates,
  FilterSelect,
  ListPager,
  ListState,
  useListPage,
} from '../components/list-tools.js';
import { DueCell, useNow } from '../components/due-soon.js';
import { SeverityBadge } from '../components/moderation-bits.js';
import { ErrorLine } from '../components/status.js';
import { CATALOGUE } from '../../shared/labels.js';
import { useLabel, useT } from '../i18n.js';
import { Link, navigate } from '../router.js';
import type { CaseRow } from '../types.js';

const FILTERS = ['category', 'severity', 'sla', 'language', 'status', 'from', 'to'];
const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

/**
 * The moderators' queue, overdue first (the API's order), filtered in the URL, refreshed every
 * five seconds so a case another moderator claims changes here too. Keys: j/k move, Enter opens,
 * c claims the selected case; "claim next" takes the case whose SLA runs out first.
 */
export function QueuePage() {
  const t = useT();
  const label = useLabel();
  const now = useNow();
  const [error, setError] = useState<unknown>(null);
  const [empty, setEmpty] = useState(false);
  const [at, setAt] = useState(0);
  const cases = useListPage<CaseRow>('/api/cases', FILTERS, { refetchInterval: 5_000 });
  const rows = cases.rows;
  const claim = async (id: string) => {
    setError(null);
    try {
      await post(`/api/cases/${id}/claim`);
      navigate(`/cases/${id}`);
    } catch (e) {
      setError(e);
    }
  };
  const claimNext = async () => {
    setError(null);
    try {
      const r = await post<{ case: CaseRow | null }>('/api/cases/claim-next');
      if (r.case) navigate(`/cases/${r.case.id}`);
      else setEmpty(true);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
      if (e.metaKey || e.ctrlKey || e.altKey || rows.length === 0) return;
      if (e.key === 'j') setAt((i) => Math.min(rows.length - 1, i + 1));
      else if (e.key === 'k') setAt((i) => Math.max(0, i - 1));
      else if (e.key === 'Enter' && rows[at]) navigate(`/cases/${rows[at].id}`);
      else if (e.key === 'c' && rows[at]) void claim(rows[at].id);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
  return (
    <>
      {/* The one action first, beside the title, on a phone too; exports and hints after. */}
      <div className="row spread">
        <h1>{t('navQueue')}</h1>
        <button type="button" className="primary" onClick={claimNext}>
          {t('claimNext')}
        </button>
      </div>
      <p className="row small">
        <span className="muted">{t('autoRefresh')}</span>
        <ExportLink what="flags" />
        <ExportLink what="decisions" />
      </p>
      <p className="muted small shortcuts">{t('shortcuts')}</p>
      <Filters fold={FILTERS}>
        <FilterSelect
          name="category"
          label={t('category')}
          options={keys(CATALOGUE.category).map((c) => [c, label('category', c)])}
        />
        <FilterSelect
          name="severity"
          label={t('severity')}
          options={keys(CATALOGUE.severity).map((c) => [c, label('severity', c)])}
        />
        <FilterSelect
          name="sla"
          label={t('sla')}
          options={[
            ['overdue', t('slaOverdue')],
            ['due_soon', t('slaDueSoon')],
            ['on_time', t('slaOnTime')],
          ]}
        />
        <FilterSelect
          name="language"
          label={t('lang')}
          options={keys(CATALOGUE.language).map((c) => [c, label('language', c)])}
        />
        <FilterSelect
          name="status"
          label={t('status')}
          options={keys(CATALOGUE.caseStatus).map((c) => [c, label('caseStatus', c)])}
        />
        <FilterDates />
      </Filters>
      {empty && <p role="status">{t('nothingToClaim')}</p>}
      <ErrorLine error={error} />
      <ListState list={cases} empty={t('emptyQueue')} />
      {rows.length > 0 && (
        <CardTable
          head={[t('sla'), t('merchant'), t('severity'), t('category'), t('flags'), t('lang'), t('status')]}
          actions={t('claim')}
        >
          {rows.map((c, i) => (
            <tr
              key={c.id}
              data-testid="queue-row"
              data-case-id={c.id}
              className={[c.overdue ? 'overdue' : '', i === at ? 'selected' : ''].join(' ')}
              aria-selected={i === at}
            >
              <td data-label={t('sla')}>
                <DueCell dueAt={c.slaDueAt} now={now} />
              </td>
              <td data-label={t('merchant')}>{c.merchantName}</td>
              <td data-label={t('severity')}>
                <SeverityBadge severity={c.severity} />
              </td>
              <td data-label={t('category')}>{c.categories?.map((x) => label('category', x)).join('、')}</td>
              <td data-label={t('flags')}>
                {c.flagCount === undefined ? '—' : t('flagsToDecide', { n: c.undecided ?? 0, total: c.flagCount })}
              </td>
              <td data-label={t('lang')}>{label('language', c.language)}</td>
              <td data-label={t('status')}>{label('caseStatus', c.status)}</td>
              {/* The gap lives on an inner row: on phones table cells are blocks, not flex. */}
              <td className="actions">
                <div className="row">
                  <Link className="button" href={`/cases/${c.id}`}>
                    {t('open')}
                  </Link>
                  {c.status !== 'decided' && (
                    <button type="button" onClick={() => claim(c.id)}>
                      {t('claim')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </CardTable>
      )}
      <ListPager list={cases} />
    </>
  );
}
