import { useContext, useState } from 'react';
import { ApiError, post } from '../api.js';
import { Status } from '../components/status.js';
import { formatDate, LangContext, useT } from '../i18n.js';
import { Link, navigate } from '../router.js';
import type { CaseRow } from '../types.js';
import { useData } from '../use-data.js';

const CATEGORIES = [
  'off_platform_payment',
  'contact_exchange',
  'review_manipulation',
  'abuse',
  'privacy_request',
  'prohibited_claim',
  'refund_obstruction',
];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];

/** The moderators' queue, overdue first (the API's order), filtered by category, severity, SLA and language. */
export function QueuePage() {
  const t = useT();
  const lang = useContext(LangContext);
  const [filters, setFilters] = useState({ category: '', severity: '', sla: '', language: '' });
  const [error, setError] = useState('');
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const cases = useData<CaseRow[]>(`/api/cases?limit=100&${query}`);
  const claim = async (id: string) => {
    try {
      await post(`/api/cases/${id}/claim`);
      navigate(`/cases/${id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const select = (key: keyof typeof filters, label: string, options: [string, string][]) => (
    <label>
      {label}
      <select value={filters[key]} onChange={(e) => setFilters({ ...filters, [key]: e.target.value })}>
        <option value="">{t('any')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <h1>{t('navQueue')}</h1>
      <form className="filters card" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        {select(
          'category',
          t('category'),
          CATEGORIES.map((c) => [c, c]),
        )}
        {select(
          'severity',
          t('severity'),
          SEVERITIES.map((s) => [s, s]),
        )}
        {select('sla', t('sla'), [
          ['overdue', t('slaOverdue')],
          ['due_soon', t('slaDueSoon')],
          ['on_time', t('slaOnTime')],
        ])}
        {select('language', t('lang'), [
          ['zh', '中文'],
          ['en', 'English'],
        ])}
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <Status loading={cases.loading} error={cases.error} />
      {cases.data?.length === 0 && <p className="muted">{t('noRows')}</p>}
      {!!cases.data?.length && (
        <div className="scroll card">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sla')}</th>
                <th scope="col">{t('severity')}</th>
                <th scope="col">{t('category')}</th>
                <th scope="col">{t('flags')}</th>
                <th scope="col">{t('lang')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">
                  <span className="sr-only">{t('claim')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.data.map((c) => (
                <tr key={c.id} data-testid="queue-row" className={c.overdue ? 'overdue' : undefined}>
                  <td>
                    {c.overdue ? <span className="badge bad">{t('overdue')}</span> : formatDate(c.slaDueAt, lang)}
                  </td>
                  <td>
                    <span className={`badge sev-${c.severity}`}>{c.severity}</span>
                  </td>
                  <td>{c.categories?.join(', ')}</td>
                  <td>
                    {c.undecided}/{c.flagCount}
                  </td>
                  <td>{c.language ?? '—'}</td>
                  <td>{c.status === 'claimed' ? t('claimed') : ''}</td>
                  <td className="row">
                    <Link href={`/cases/${c.id}`}>{t('open')}</Link>
                    <button type="button" onClick={() => claim(c.id)}>
                      {t('claim')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
