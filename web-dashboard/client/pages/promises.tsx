import { useState } from 'react';
import { BuyerName } from '../components/buyer.js';
import { Countdown, useNow } from '../components/due-soon.js';
import { apiFilters, Empty, Filters, FilterDates, FilterSelect } from '../components/list-tools.js';
import { Status } from '../components/status.js';
import { formatMoney, useLabel, useLang, useT, When } from '../i18n.js';
import { usePromiseUpdates } from '../promise-updates.js';
import { Link, useSearchState } from '../router.js';
import type { LedgerPromise } from '../types.js';
import { useData } from '../use-data.js';
import { PromiseDetailView } from './promise-detail.js';

/** The ledger's URL filters (sent to the API, counted by the phone's "筛选" button). */
const FILTERS = ['orderId', 'buyerId', 'status', 'from', 'to'];
const STATUSES = ['open', 'kept', 'broken', 'cancelled', 'superseded'] as const;

/**
 * The merchant's promise ledger: open promises with their countdowns, then the closed ones (kept,
 * broken, cancelled, superseded), filtered by order and buyer (a buyer's name links to their
 * promises; the account id stays in the URL, never on the page) in the URL, re-read live when an
 * order event or the deadline moves one.
 */
export function PromisesPage() {
  const t = useT();
  const label = useLabel();
  const now = useNow();
  const [query, set] = useSearchState();
  usePromiseUpdates();
  const rows = useData<LedgerPromise[]>(`/api/promises?limit=200&${apiFilters(FILTERS)}`);
  const open = (rows.data ?? []).filter((p) => p.status === 'open');
  const closed = (rows.data ?? []).filter((p) => p.status !== 'open');
  return (
    <>
      <h1>{t('ledger')}</h1>
      <Filters fold={FILTERS}>
        <FilterSelect name="status" label={t('status')} options={STATUSES.map((s) => [s, label('promiseStatus', s)])} />
        <label>
          {t('orderNumber')}
          <input value={query.get('orderId') ?? ''} onChange={(e) => set({ orderId: e.target.value.trim() })} />
        </label>
        <FilterDates />
        {query.get('buyerId') && (
          <span className="row">
            {t('onlyBuyer')}
            {t('colon')}
            <BuyerName buyer={rows.data?.[0]?.buyer} />
            <button type="button" onClick={() => set({ buyerId: null })}>
              {t('clearFilter')}
            </button>
          </span>
        )}
      </Filters>
      <Status loading={rows.loading} error={rows.error} />
      <section className="card" aria-labelledby="open-title">
        <h2 id="open-title">{t('openPromises')}</h2>
        {rows.data && open.length === 0 && <Empty>{t('emptyOpenPromises')}</Empty>}
        <ul className="plain promises">
          {open.map((p) => (
            <PromiseItem key={p.id} p={p} now={now} />
          ))}
        </ul>
      </section>
      {closed.length > 0 && (
        <section className="card" aria-labelledby="closed-title">
          <h2 id="closed-title">{t('closedPromises')}</h2>
          <ul className="plain promises">
            {closed.map((p) => (
              <PromiseItem key={p.id} p={p} now={now} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function PromiseItem({ p, now }: { p: LedgerPromise; now: number }) {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  const [open, setOpen] = useState(false);
  const tone = p.status === 'kept' ? 'badge ok' : p.status === 'broken' ? 'badge bad' : 'badge';
  return (
    <li className="promise" data-promise={p.id} data-status={p.status}>
      <div className="row spread">
        <span>
          <span className={tone}>{label('promiseStatus', p.status)}</span> {label('promiseAction', p.action)}
          {p.conditional && t('inParens', { x: t('conditional') })}
        </span>
        {p.status === 'open' && p.dueAt ? (
          <Countdown dueAt={p.dueAt} now={now} />
        ) : (
          <span className="small">
            {/* Named: a bare date at the row's end read as a due date. */}
            {p.resolvedAt ? (
              <>
                {t('resolvedAt')} <When at={p.resolvedAt} />
              </>
            ) : (
              '—'
            )}
          </span>
        )}
      </div>
      <p>
        <Link href={`/calls/${p.callId}`} translate="no">
          “{p.text}”
        </Link>
      </p>
      <p className="small">
        <Link href={`/promises?buyerId=${encodeURIComponent(p.buyerId)}`}>
          <BuyerName buyer={p.buyer} />
        </Link>{' '}
        · {t('orderNumber')} {p.orderId ?? '—'}
        {p.amount !== null && ` · ${t('promisedSum')} ${formatMoney(p.amount, p.currency, lang)}`}
        {p.dueAt && (
          <>
            {` · ${t('dueAt')} `}
            <When at={p.dueAt} />
            {t('inParens', { x: label('dueSource', p.dueSource) })}
          </>
        )}
        {p.flagId && ` · ${t('sentToModeration')}`}
        {p.proofs > 0 && ` · ${t('proofs')} ${p.proofs}`}
      </p>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('hideDetails') : t('showDetails')}
      </button>
      {open && <PromiseDetailView id={p.id} />}
    </li>
  );
}
