import { useEffect, useState } from 'react';
import type { CallView } from '../../shared/call-view.js';
import { BuyerName } from '../components/buyer.js';
import { Coaching, NotesPanel, RefundOptions, Suggestions, useSummaryText } from '../components/call-panels.js';
import { useMerchantNames } from '../components/merchant-name.js';
import { Status } from '../components/status.js';
import { Transcript } from '../components/transcript.js';
import { When, useLabel, useT } from '../i18n.js';
import { Link } from '../router.js';
import { useUser } from '../session.js';
import { useData } from '../use-data.js';
import { dataLang } from '../data-lang.js';

/** One call, past or in progress, as stored: the same panels as the live page. */
export function CallDetailPage({ id }: { id: string }) {
  const t = useT();
  const summaryText = useSummaryText();
  const label = useLabel();
  const user = useUser();
  const merchants = useMerchantNames();
  // A call in progress is re-read every few seconds, so its page is live too.
  const [live, setLive] = useState(true);
  const {
    data: view,
    loading,
    error,
  } = useData<CallView>(`/api/calls/${encodeURIComponent(id)}`, {
    refetchInterval: live ? 3_000 : undefined,
  });
  useEffect(() => {
    if (view && view.call.status !== 'active') setLive(false);
  }, [view]);
  if (!view)
    return (
      <>
        <h1>{t('call')}</h1>
        <Status loading={loading} error={error} />
      </>
    );
  return (
    <>
      <h1>
        {t('call')} · <When at={view.call.startedAt} />
      </h1>
      <p className="muted">
        {merchants.name(view.call.merchantId) && (
          <>
            <Link href={`/merchants/${encodeURIComponent(view.call.merchantId)}`}>
              {merchants.name(view.call.merchantId)}
            </Link>
            {' · '}
          </>
        )}
        <BuyerName buyer={view.call.buyer} /> · {t(view.call.orderIds.length > 1 ? 'orderNumbers' : 'orderNumber')}{' '}
        {view.call.orderIds.join('、') || '—'} ·{' '}
        <span className={view.call.status === 'active' ? 'badge live' : 'badge'}>
          {label('callStatus', view.call.status)}
        </span>
      </p>
      {view.flags.length > 0 && (
        <section className="card" aria-labelledby="cf-title">
          <h2 id="cf-title">{t('callFlags')}</h2>
          <ul className="plain">
            {view.flags.map((f) => (
              <li key={f.id}>
                {label('category', f.category)} · <mark translate="no">{f.evidence}</mark>{' '}
                {f.caseId && user.role !== 'merchant_staff' && (
                  <Link className="link-word" href={`/cases/${f.caseId}`}>
                    {t('openCase')}
                  </Link>
                )}
                {f.caseId && user.role === 'merchant_staff' && (
                  <Link className="link-word" href="/flags">
                    {t('navFlags')}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.call.summary && (
        <section className="card">
          <h2>{t('summary')}</h2>
          <p lang={dataLang(view.call.language)}>{summaryText(view.call)}</p>
        </section>
      )}
      <div className="live-grid">
        <div className="main-col">
          <section className="card transcript-card" aria-labelledby="tr-title">
            <h2 id="tr-title">{t('transcript')}</h2>
            <Transcript
              foldable
              utterances={view.utterances}
              highlights={view.flags.map((f) => ({
                utterance: f.utterance,
                span: f.span,
                label: label('category', f.category),
              }))}
            />
          </section>
          <Suggestions view={view} canAct={user.role === 'merchant_staff'} />
        </div>
        <div className="side">
          <Coaching view={view} />
          <NotesPanel view={view} />
          <RefundOptions view={view} canAct={user.role === 'merchant_staff' && view.call.status === 'active'} />
        </div>
      </div>
    </>
  );
}
