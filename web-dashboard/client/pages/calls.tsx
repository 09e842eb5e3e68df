import type { CallSummary } from '../../shared/call-view.js';
import {
  apiFilters,
  ExportLink,
  Empty,
  FilterDates,
  Filters,
  FilterSearch,
  FilterSelect,
  Pager,
  PAGE_SIZE,
  usePage,
} from '../components/list-tools.js';
import { Status } from '../components/status.js';
import { formatDate, useLabel, useLang, useT } from '../i18n.js';
import { Link, useSearchState } from '../router.js';
import { useUser } from '../session.js';
import { useData } from '../use-data.js';

type CallRow = CallSummary & { utterances: number; flags: number };
type LedgerRow = {
  id: string;
  callId: string;
  action: string;
  text: string;
  deadline: string | null;
  status: string;
  overdue: boolean;
  conditional: boolean;
};

/** Calls with their summaries (searched, filtered and paged in the URL), and a merchant's promise ledger. */
export function CallsPage() {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  const user = useUser();
  useSearchState();
  const { page, apiQuery } = usePage();
  const calls = useData<CallRow[]>(`/api/calls?${apiQuery}&${apiFilters(['q', 'status', 'from', 'to'])}`);
  const rows = calls.data?.slice(0, PAGE_SIZE) ?? [];
  return (
    <>
      <div className="row spread">
        <h1>{t('navCalls')}</h1>
        <ExportLink what="calls" />
      </div>
      <Filters>
        <FilterSearch placeholder={t('searchCalls')} />
        <FilterSelect
          name="status"
          label={t('status')}
          options={[
            ['active', label('callStatus', 'active')],
            ['ended', label('callStatus', 'ended')],
          ]}
        />
        <FilterDates />
      </Filters>
      <section className="card" aria-labelledby="calls-title">
        <h2 id="calls-title">{t('pastCalls')}</h2>
        <Status loading={calls.loading} error={calls.error} />
        {calls.data?.length === 0 && <Empty>{location.search ? t('emptyFiltered') : t('emptyCalls')}</Empty>}
        <ul className="plain calls">
          {rows.map((c) => (
            <li key={c.id} className="call-row">
              <div className="row spread">
                <Link href={`/calls/${c.id}`}>
                  {formatDate(c.startedAt, lang)} · {t('buyer')} {c.buyerId}
                </Link>
                <span>
                  <span className={c.status === 'active' ? 'badge live' : 'badge'}>
                    {label('callStatus', c.status)}
                  </span>
                  {c.flags > 0 && (
                    <span className="badge bad">
                      {t('flagsCount')}: {c.flags}
                    </span>
                  )}
                </span>
              </div>
              {c.summary && <p className="small">{c.summary}</p>}
            </li>
          ))}
        </ul>
        <Pager page={page} rows={calls.data?.length ?? 0} />
      </section>
      {user.role === 'merchant_staff' && <Ledger />}
    </>
  );
}

function Ledger() {
  const t = useT();
  const label = useLabel();
  const ledger = useData<LedgerRow[]>('/api/promises');
  return (
    <section className="card" aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('ledger')}</h2>
      <Status loading={ledger.loading} error={ledger.error} />
      {ledger.data?.length === 0 && <Empty>{t('emptyLedger')}</Empty>}
      {!!ledger.data?.length && (
        <table className="cards">
          <thead>
            <tr>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('deadline')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('words')}</th>
            </tr>
          </thead>
          <tbody>
            {ledger.data.map((p) => (
              <tr key={p.id} className={p.overdue ? 'overdue' : undefined}>
                <td data-label={t('status')}>
                  <span className={p.overdue ? 'badge bad' : 'badge'}>
                    {label('promiseStatus', p.overdue ? 'overdue' : p.status)}
                  </span>
                </td>
                <td data-label={t('deadline')}>{p.deadline ?? t('noDeadline')}</td>
                <td data-label={t('action')}>
                  {label('promiseAction', p.action)}
                  {p.conditional && ` (${t('conditional')})`}
                </td>
                <td data-label={t('words')}>
                  <Link href={`/calls/${p.callId}`}>“{p.text}”</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
