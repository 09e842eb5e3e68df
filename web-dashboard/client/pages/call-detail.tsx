import { useContext } from 'react';
import type { CallView } from '../../shared/call-view.js';
import { Coaching, NotesPanel, RefundOptions, Suggestions } from '../components/call-panels.js';
import { Status } from '../components/status.js';
import { Transcript } from '../components/transcript.js';
import { formatDate, LangContext, useT } from '../i18n.js';
import { useUser } from '../session.js';
import { useData } from '../use-data.js';

/** One call, past or in progress, as stored: the same panels as the live page. */
export function CallDetailPage({ id }: { id: string }) {
  const t = useT();
  const lang = useContext(LangContext);
  const user = useUser();
  const { data: view, loading, error } = useData<CallView>(`/api/calls/${encodeURIComponent(id)}`);
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
        {t('call')} · {formatDate(view.call.startedAt, lang)}
      </h1>
      <p className="muted">
        {view.call.buyerId} · {view.call.orderIds.join(', ')} · {view.call.status === 'active' ? t('live') : t('ended')}
      </p>
      {view.call.summary && (
        <section className="card">
          <h2>{t('summary')}</h2>
          <p>{view.call.summary}</p>
        </section>
      )}
      <div className="live-grid">
        <section className="card transcript-card" aria-labelledby="tr-title">
          <h2 id="tr-title">{t('transcript')}</h2>
          <Transcript
            utterances={view.utterances}
            highlights={view.flags.map((f) => ({ utterance: f.utterance, span: f.span, label: f.category }))}
          />
        </section>
        <div className="side">
          <Coaching view={view} />
          <NotesPanel view={view} />
          <RefundOptions view={view} />
          <Suggestions view={view} canAct={user.role === 'merchant_staff' && view.call.status === 'active'} />
        </div>
      </div>
    </>
  );
}
