import { BuyerName } from '../components/buyer.js';
import { DueSoon } from '../components/due-soon.js';
import { useState } from 'react';
import { post } from '../api.js';
import { ErrorLine } from '../components/status.js';
import { useData } from '../use-data.js';
import { Coaching, NotesPanel, RefundOptions, Suggestions, useSummaryText } from '../components/call-panels.js';
import { Transcript } from '../components/transcript.js';
import { When, useLabel, useT } from '../i18n.js';
import { useLiveCalls } from '../live-calls.js';
import { Link } from '../router.js';
import { dataLang, scriptLang } from '../data-lang.js';

/** The merchant's copilot during a call: transcript, replies, refund options, notes and coaching, live. */
export function LiveCallPage() {
  const t = useT();
  const summaryText = useSummaryText();
  const label = useLabel();
  const { views, connected } = useLiveCalls();
  const [chosen, setChosen] = useState<string>();
  const all = Object.values(views).sort((a, b) => b.call.startedAt.localeCompare(a.call.startedAt));
  const active = all.filter((v) => v.call.status === 'active');
  const view = (chosen && views[chosen]) || active[0] || all[0];
  return (
    <>
      <div className="row spread">
        <h1>{t('navLive')}</h1>
        <span className={connected ? 'badge ok' : 'badge'} role="status">
          {connected ? t('connected') : t('reconnecting')}
        </span>
      </div>
      <DueSoon />
      {active.length > 1 && (
        <nav aria-label={t('otherCalls')} className="row">
          {active.map((v) => (
            <button key={v.call.id} type="button" aria-pressed={v === view} onClick={() => setChosen(v.call.id)}>
              <BuyerName buyer={v.call.buyer} /> · <When at={v.call.startedAt} />
            </button>
          ))}
        </nav>
      )}
      {!view ? (
        <section className="card idle" role="status">
          <h2>{t('idleTitle')}</h2>
          <p>{t('idleText')}</p>
          <p className="muted">{t('waiting')}</p>
          <PlayDemo />
        </section>
      ) : (
        <div className="live-grid on-call" data-call-id={view.call.id}>
          {/* What was said and what to say next share the wide column; the rest stays in view beside it. */}
          <div className="main-col">
            <section className="card transcript-card" aria-labelledby="tr-title">
              <div className="row spread">
                <h2 id="tr-title">{t('transcript')}</h2>
                <span className={view.call.status === 'active' ? 'badge live' : 'badge'}>
                  {view.call.status === 'active' ? t('live') : t('ended')}
                </span>
              </div>
              <p className="muted small">
                <BuyerName buyer={view.call.buyer} /> · <When at={view.call.startedAt} /> ·{' '}
                <Link href={`/calls/${view.call.id}`}>{t('openCall')}</Link>
              </p>
              <Transcript
                utterances={view.utterances}
                live
                foldable
                highlights={view.flags.map((f) => ({
                  utterance: f.utterance,
                  span: f.span,
                  label: label('category', f.category),
                }))}
              />
              {view.call.summary && (
                <p data-testid="summary">
                  <strong>
                    {t('summary')}
                    {t('colon')}
                  </strong>
                  <span lang={dataLang(view.call.language) ?? scriptLang(view.call.summary)}>
                    {summaryText(view.call)}
                  </span>
                </p>
              )}
            </section>
            <Suggestions view={view} canAct />
          </div>
          <div className="side">
            <Coaching view={view} />
            <RefundOptions view={view} canAct={view.call.status === 'active'} />
            <NotesPanel view={view} />
          </div>
        </div>
      )}
    </>
  );
}

/** In the embedded demo, a merchant with demo calls can start one again instead of waiting. */
function PlayDemo() {
  const t = useT();
  const demo = useData<{ available: boolean; playing: boolean }>('/api/demo');
  const [started, setStarted] = useState(false);
  const [error, setError] = useState<unknown>();
  if (!demo.data?.available) return null;
  const busy = started || demo.data.playing;
  return (
    <p className="row">
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setError(undefined);
          post('/api/demo/play').then(
            () => setStarted(true),
            (err: unknown) => setError(err),
          );
        }}
      >
        {t('playDemo')}
      </button>
      {busy && <span role="status">{t('demoStarted')}</span>}
      <ErrorLine error={error} />
    </p>
  );
}
