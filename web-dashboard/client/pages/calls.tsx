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
import { BuyerName } from '../components/buyer.js';
import { DueSoon } from '../components/due-soon.js';
import { MerchantFilter, useMerchantNames } from '../components/merchant-name.js';
import { Status } from '../components/status.js';
import { formatDate, useLabel, useLang, useT } from '../i18n.js';
import { Link, useSearchState } from '../router.js';
import { useUser } from '../session.js';
import { useData } from '../use-data.js';

type CallRow = CallSummary & { utterances: number; flags: number };

/** Calls with their summaries (searched, filtered and paged in the URL), and a merchant's promise ledger. */
export function CallsPage() {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  const user = useUser();
  const merchants = useMerchantNames();
  useSearchState();
  const { page, apiQuery } = usePage();
  const calls = useData<CallRow[]>(`/api/calls?${apiQuery}&${apiFilters(['q', 'status', 'from', 'to', 'merchantId'])}`);
  const rows = calls.data?.slice(0, PAGE_SIZE) ?? [];
  return (
    <>
      <div className="row spread">
        <h1>{t('navCalls')}</h1>
        <ExportLink what="calls" />
      </div>
      {user.role === 'merchant_staff' && <DueSoon />}
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
        <MerchantFilter />
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
                  {merchants.name(c.merchantId) && `${merchants.name(c.merchantId)} · `}
                  {formatDate(c.startedAt, lang)} · <BuyerName buyer={c.buyer} />
                </Link>
                <span>
                  <span className={c.status === 'active' ? 'badge live' : 'badge'}>
                    {label('callStatus', c.status)}
                  </span>
                  {c.flags > 0 && (
                    <span className="badge bad">
                      {t('flagsCount')}
                      {t('colon')}
                      {c.flags}
                    </span>
                  )}
                </span>
              </div>
              {c.summary && (
                <p className="small" lang={c.language === 'en' ? 'en' : undefined}>
                  {c.summary}
                </p>
              )}
            </li>
          ))}
        </ul>
        <Pager page={page} rows={calls.data?.length ?? 0} />
      </section>
    </>
  );
}
