import {
  apiFilters,
  Empty,
  Filters,
  FilterDates,
  FilterSelect,
  Pager,
  PAGE_SIZE,
  usePage,
} from '../components/list-tools.js';
import { MerchantFilter, useMerchantNames } from '../components/merchant-name.js';
import { Status } from '../components/status.js';
import { CATALOGUE } from '../labels.js';
import { formatDate, useLabel, useLang, useT } from '../i18n.js';
import { Link, useSearchState } from '../router.js';
import { useUser } from '../session.js';
import type { Appeal } from '../types.js';
import { useData } from '../use-data.js';

/** Appeals, overdue first, filtered in the URL; an appeal against your own decision is marked for someone else. */
export function AppealsPage() {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  const user = useUser();
  const merchants = useMerchantNames();
  useSearchState();
  const { page, apiQuery } = usePage();
  const appeals = useData<Appeal[]>(
    `/api/appeals?${apiQuery}&${apiFilters(['status', 'overdue', 'merchantId', 'from', 'to'])}`,
    {
      refetchInterval: 10_000,
    },
  );
  const rows = appeals.data?.slice(0, PAGE_SIZE) ?? [];
  return (
    <>
      <h1>{t('navAppeals')}</h1>
      <Filters>
        <FilterSelect
          name="status"
          label={t('status')}
          options={(Object.keys(CATALOGUE.appealStatus) as string[]).map((s) => [s, label('appealStatus', s)])}
        />
        <FilterSelect name="overdue" label={t('sla')} options={[['true', t('slaOverdue')]]} />
        <MerchantFilter />
        <FilterDates />
      </Filters>
      <Status loading={appeals.loading} error={appeals.error} />
      {appeals.data?.length === 0 && <Empty>{location.search ? t('emptyFiltered') : t('emptyAppeals')}</Empty>}
      {rows.length > 0 && (
        <div className="card">
          <table className="cards">
            <thead>
              <tr>
                <th scope="col">{t('sla')}</th>
                <th scope="col">{t('merchant')}</th>
                <th scope="col">{t('rule')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('merchantStatement')}</th>
                <th scope="col">
                  <span className="sr-only">{t('open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} data-testid="appeal-row" className={a.overdue ? 'overdue' : undefined}>
                  <td data-label={t('sla')}>
                    {a.overdue ? <span className="badge bad">{t('overdue')}</span> : formatDate(a.slaDueAt, lang)}
                  </td>
                  <td data-label={t('merchant')}>{merchants.name(a.merchantId) ?? '—'}</td>
                  <td data-label={t('rule')}>{label('category', a.category)}</td>
                  <td data-label={t('status')}>
                    {label('appealStatus', a.status)}
                    {a.outcome && <> · {label('appealOutcome', a.outcome)}</>}
                  </td>
                  <td data-label={t('merchantStatement')} className="clip">
                    {a.statement}
                    {a.originalDecidedBy === user.userId && <p className="muted small">{t('ownDecision')}</p>}
                  </td>
                  <td className="actions">
                    <Link href={`/appeals/${a.id}`}>{t('open')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} rows={appeals.data?.length ?? 0} />
    </>
  );
}
