import { useContext, useState, type FormEvent } from 'react';
import { ApiError, post } from '../api.js';
import { APPEAL_OUTCOME, APPEAL_STATUS } from '../components/labels.js';
import { StatementView } from '../components/statement.js';
import { Status } from '../components/status.js';
import { formatDate, LangContext, useT } from '../i18n.js';
import { Link } from '../router.js';
import { useUser } from '../session.js';
import type { Appeal, AppealOutcome, CaseView, Statement } from '../types.js';
import { useData } from '../use-data.js';

/** An appeal beside the original decision and its evidence; decided by a moderator who did not make it. */
export function AppealPage({ id }: { id: string }) {
  const t = useT();
  const lang = useContext(LangContext);
  const user = useUser();
  const appeal = useData<Appeal>(`/api/appeals/${encodeURIComponent(id)}`);
  const a = appeal.data;
  const statement = useData<Statement>(a ? `/api/decisions/${a.decisionId}/statement` : null);
  const kase = useData<CaseView>(a ? `/api/cases/${a.caseId}` : null);
  const [error, setError] = useState('');
  if (!a)
    return (
      <>
        <h1>{t('appealView')}</h1>
        <Status loading={appeal.loading} error={appeal.error} />
      </>
    );
  const own = a.originalDecidedBy === user.userId;
  const held = a.status === 'claimed' && a.assignedTo === user.userId;
  const claim = async () => {
    setError('');
    try {
      await post(`/api/appeals/${id}/claim`);
      appeal.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const flag = kase.data?.flags.find((f) => f.decision?.id === a.decisionId);
  return (
    <>
      <div className="row spread">
        <h1>{t('appealView')}</h1>
        <span className={a.overdue ? 'badge bad' : 'badge'}>
          {t(APPEAL_STATUS[a.status])} · {t('due')} {formatDate(a.slaDueAt, lang)}
        </span>
      </div>
      {own && (
        <p role="note" className="error">
          {t('ownDecision')}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <section className="card" aria-labelledby="orig-title">
        <h2 id="orig-title">{t('originalDecision')}</h2>
        <p>
          <code>
            {a.ruleId}@{a.ruleVersion}
          </code>{' '}
          · {a.detector} · {a.originalAutomated === 'fully' ? t('machine') : t('human')}
        </p>
        {flag && (
          <p>
            {t('evidence')}: <mark>{flag.evidenceText}</mark> ·{' '}
            <Link href={`/cases/${a.caseId}`}>{t('caseTitle')}</Link>
          </p>
        )}
        {statement.data && <StatementView s={statement.data.statement} />}
      </section>
      <section className="card" aria-labelledby="ms-title">
        <h2 id="ms-title">{t('merchantStatement')}</h2>
        <p className="prewrap">{a.statement}</p>
        {a.attachments.length > 0 && (
          <>
            <h3>{t('attachments')}</h3>
            <ul className="plain">
              {a.attachments.map((x, i) => (
                <li key={i}>
                  <strong>{x.name}</strong>
                  <p className="prewrap">{x.text}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {a.outcome ? (
        <section className="card" role="status">
          <h2>{t('outcome')}</h2>
          <p>
            <strong>{t(APPEAL_OUTCOME[a.outcome])}</strong> — {a.outcomeText}
          </p>
        </section>
      ) : held ? (
        <AppealDecision id={id} onDecided={appeal.reload} />
      ) : (
        !own && (
          <button type="button" className="primary" onClick={claim}>
            {t('claim')}
          </button>
        )
      )}
    </>
  );
}

function AppealDecision({ id, onDecided }: { id: string; onDecided: () => void }) {
  const t = useT();
  const [outcome, setOutcome] = useState<AppealOutcome>('overturned_fully');
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await post(`/api/appeals/${id}/decide`, { outcome, outcomeText: text });
      onDecided();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="ad-title">
      <h2 id="ad-title">{t('decideAppeal')}</h2>
      <fieldset>
        <legend>{t('outcome')}</legend>
        {(Object.keys(APPEAL_OUTCOME) as AppealOutcome[]).map((o) => (
          <label key={o}>
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />{' '}
            {t(APPEAL_OUTCOME[o])}
          </label>
        ))}
      </fieldset>
      <label>
        {t('outcomeText')}
        <textarea required rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t('decideAppeal')}
      </button>
    </form>
  );
}
