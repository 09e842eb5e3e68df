import { useContext, useState } from 'react';
import type { CallView } from '../../shared/call-view.js';
import { ApiError, post } from '../api.js';
import { DecisionForm } from '../components/decision-form.js';
import { Status } from '../components/status.js';
import { Transcript } from '../components/transcript.js';
import { formatDate, formatTime, LangContext, useT } from '../i18n.js';
import { useUser } from '../session.js';
import type { CaseFlag, CaseView } from '../types.js';
import { useData } from '../use-data.js';

/** A moderator's case: the whole call with flagged spans marked, each flag's evidence and verdicts, and the decision. */
export function CasePage({ id }: { id: string }) {
  const t = useT();
  const lang = useContext(LangContext);
  const user = useUser();
  const kase = useData<CaseView>(`/api/cases/${encodeURIComponent(id)}`);
  const call = useData<CallView>(kase.data?.call ? `/api/calls/${kase.data.call.id}` : null);
  const [error, setError] = useState('');
  if (!kase.data)
    return (
      <>
        <h1>{t('caseTitle')}</h1>
        <Status loading={kase.loading} error={kase.error} />
      </>
    );
  const { case: c, flags } = kase.data;
  const mine = c.status === 'claimed' && c.claimedBy === user.userId;
  const act = async (path: string) => {
    setError('');
    try {
      await post(`/api/cases/${id}/${path}`);
      kase.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const highlights = flags.map((f) => ({
    utterance: f.utteranceSeq,
    span: [f.spanStart, f.spanEnd] as [number, number],
    label: `${f.category} · ${f.ruleId}`,
  }));
  return (
    <>
      <div className="row spread">
        <h1>
          {t('caseTitle')} · <span className={`badge sev-${c.severity}`}>{c.severity}</span>
        </h1>
        <span className="row">
          <span className={c.overdue ? 'badge bad' : 'badge'}>
            {t('due')} {formatDate(c.slaDueAt, lang)}
          </span>
          {(c.status === 'open' || (c.status === 'claimed' && !mine)) && (
            <button type="button" className="primary" onClick={() => act('claim')}>
              {t('claim')}
            </button>
          )}
          {mine && (
            <button type="button" onClick={() => act('release')}>
              {t('release')}
            </button>
          )}
        </span>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="live-grid">
        <section className="card transcript-card" aria-labelledby="tr-title">
          <h2 id="tr-title">{t('transcript')}</h2>
          <Transcript
            utterances={
              call.data?.utterances ??
              kase.data.utterances.map((u) => ({
                index: u.seq,
                speaker: u.speakerRole as 'merchant',
                text: u.text,
                startMs: u.startMs,
                endMs: u.endMs,
                engine: '',
                confidence: null,
              }))
            }
            highlights={highlights}
          />
        </section>
        <div className="side">
          {flags.map((f) => (
            <FlagEvidence key={f.id} flag={f} audioUri={kase.data!.call?.audioUri ?? null} />
          ))}
          {c.status === 'decided' || c.status === 'closed' ? (
            <p className="badge ok">{t('decided')}</p>
          ) : mine ? (
            <DecisionForm caseId={id} flags={flags.filter((f) => !f.decision)} onDecided={kase.reload} />
          ) : (
            <p className="muted">{t('claimFirst')}</p>
          )}
        </div>
      </div>
    </>
  );
}

function FlagEvidence({ flag: f, audioUri }: { flag: CaseFlag; audioUri: string | null }) {
  const t = useT();
  const offset = f.audioStartMs ?? 0;
  return (
    <section className="card" aria-label={`${f.category} ${f.ruleId}`} data-testid="case-flag">
      <h2>
        {f.category} <span className={`badge sev-${f.severity}`}>{f.severity}</span>
      </h2>
      <p>
        {t('evidence')}: <mark>{f.evidenceText}</mark>{' '}
        <span className="muted small">
          [{f.spanStart}, {f.spanEnd})
        </span>
      </p>
      <p className="small">
        {t('rule')}:{' '}
        <code>
          {f.ruleId}@{f.ruleVersion}
        </code>{' '}
        · {f.detector} · {t('confidence')} {f.confidence.toFixed(2)}
      </p>
      <p className="small">
        {t('audioAt')} {formatTime(offset)}
        {f.audioEndMs !== null && `–${formatTime(f.audioEndMs)}`}
        {audioUri ? (
          <audio controls preload="none" src={`${audioUri}#t=${offset / 1000}`} aria-label={t('play')} />
        ) : (
          <span className="muted"> ({t('noAudio')})</span>
        )}
      </p>
      <table className="small">
        <caption className="sr-only">{t('verdicts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('verdicts')}</th>
            <th scope="col" />
            <th scope="col">{t('confidence')}</th>
          </tr>
        </thead>
        <tbody>
          {f.verdicts.map((v, i) => (
            <tr key={i}>
              <td>{v.layer}</td>
              <td>{v.verdict}</td>
              <td>{v.confidence?.toFixed(2) ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {f.decision && (
        <p>
          <strong>{f.decision.outcome === 'upheld' ? t('upheld') : t('dismissed')}</strong> ·{' '}
          <code>{f.decision.reasonCode}</code> {f.decision.reasonText}
        </p>
      )}
    </section>
  );
}
