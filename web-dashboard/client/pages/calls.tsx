import type { CallSummary } from '../../shared/call-view.js';
import {
  ExportLink,
  FilterDates,
  Filters,
  FilterSearch,
  FilterSelect,
  ListPager,
  ListState,
  useListPage,
} from '../components/list-tools.js';
import { BuyerName } from '../components/buyer.js';
import { DueSoon } from '../components/due-soon.js';
import { MerchantFilter, useMerchantNames } from '../components/merchant-name.js';
import { When, useLabel, useT } from '../i18n.js';
import { Link } from '../router.js';
import { useUser } from '../session.js';
import { dataLang } from '../data-lang.js';

type CallRow = CallSummary & { utterances: number; flags: number };

/** The calls list's URL filters: the search, then what a phone folds under it. */
const FILTERS = ['q', 'status', 'merchantId', 'from', 'to'];

/** Calls with their summaries (searched, filtered and paged in the URL), and a merchant's promise ledger. */
export function CallsPage() {
  const t = useT();
  const label = useLabel();
  const user = useUser();
  const merchants = useMerchantNames();
  const calls = useListPage<CallRow>('/api/calls', FILTERS);
  return (
    <>
      <div className="row spread">
        <h1>{t('navCalls')}</h1>
        <ExportLink what="calls" />
      </div>
      {user.role === 'merchant_staff' && <DueSoon />}
      <Filters lead={<FilterSearch placeholder={t('searchCalls')} />} fold={FILTERS.slice(1)}>
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
        <ListState list={calls} empty={t('emptyCalls')} />
        <ul className="plain calls">
          {calls.rows.map((c) => (
            <li key={c.id} className="call-row">
              <div className="row spread">
                <Link href={`/calls/${c.id}`}>
                  {merchants.name(c.merchantId) && `${merchants.name(c.merchantId)} · `}
                  <When at={c.startedAt} /> · <BuyerName buyer={c.buyer} />
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
                <p className="small" lang={dataLang(c.language)}>
                  {c.summary}
                </p>
              )}
            </li>
          ))}
        </ul>
        <ListPager list={calls} />
      </section>
    </>
  );
}
