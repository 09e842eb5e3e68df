import { useEffect, useState, type FormEvent } from 'react';
import { post } from '../api.js';
import { BuyerName } from '../components/buyer.js';
import { ClipPlayer } from '../components/clip-player.js';
import { MerchantContext } from '../components/merchant-context.js';
import { DecisionStateBadge, PenaltyLine, StepText, useStepWords } from '../components/moderation-bits.js';
import { StatementView } from '../components/statement.js';
import { ErrorLine, Status } from '../components/status.js';
import { When, useLabel, useT } from '../i18n.js';
import { Link } from '../router.js';
import { useUser } from '../session.js';
import type { Appeal, AppealOutcome, CaseView, Penalty, Statement, Step } from '../types.js';
import { refreshAll, useData } from '../use-data.js';
import { scriptLang } from '../data-lang.js';

/** An appeal beside the original decision and its evidence; decided by a moderator who did not make it. */
export function AppealPage({ id }: { id: string }) {
  const t = useT();
  const label = useLabel();
  const user = useUser();
  const appeal = useData<Appeal>(`/api/appeals/${encodeURIComponent(id)}`);
  const a = appeal.data;
  const statement = useData<Statement>(a ? `/api/decisions/${a.decisionId}/statement` : null);
  const kase = useData<CaseView>(a ? `/api/cases/${a.caseId}` : null);
  const [error, setError] = useState<unknown>(null);
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
    setError(null);
    try {
      await post(`/api/appeals/${id}/claim`);
      refreshAll();
    } catch (e) {
      setError(e);
    }
  };
  const flag = kase.data?.flags.find((f) => f.decision?.id === a.decisionId);
  const line = flag && kase.data?.utterances.find((u) => u.seq === flag.utteranceSeq)?.text;
  return (
    <>
      <div className="row spread">
        <h1>
          {t('appealView')} · {kase.data?.merchant.name}
        </h1>
        <span className={a.overdue ? 'badge bad' : 'badge'}>
          {label('appealStatus', a.status)}
          {(a.status === 'open' || a.status === 'claimed') && (
            <>
              {' · '}
              {t('due')} <When at={a.slaDueAt} />
            </>
          )}
        </span>
      </div>
      {own && (
        <p role="note" className="warn-text">
          {t('ownDecision')}
        </p>
      )}
      <ErrorLine error={error} />
      <div className="work-grid">
        <div>
          <section className="card" aria-labelledby="orig-title">
            <h2 id="orig-title">{t('originalDecision')}</h2>
            {statement.data && (
              <p>
                <DecisionStateBadge state={statement.data.state} /> ·{' '}
                {label('category', statement.data.statement.rule.category)} ·{' '}
                {a.originalAutomated === 'fully' ? t('machine') : t('human')}
              </p>
            )}
            {flag && (
              <>
                <p>
                  {t('evidence')}
                  {t('colon')}
                  <Link href={`/cases/${a.caseId}`}>{t('caseTitle')}</Link>
                  {kase.data?.call && (
                    <>
                      {' · '}
                      <BuyerName buyer={kase.data.call.buyer} />
                    </>
                  )}
                </p>
                <ClipPlayer flag={flag} line={line} />
              </>
            )}
            <ul className="plain">
              {a.penalties.map((p) => (
                <li key={p.id}>
                  <PenaltyLine p={p} />
                </li>
              ))}
            </ul>
            {statement.data && <StatementView s={statement.data.statement} />}
          </section>
          <section className="card" aria-labelledby="ms-title">
            <h2 id="ms-title">{t('merchantStatement')}</h2>
            <p className="prewrap" lang={scriptLang(a.statement)}>
              {a.statement}
            </p>
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
        </div>
        <div className="side">
          {a.outcome ? (
            <section className="card" role="status">
              <h2>{t('outcome')}</h2>
              <p>
                <strong>{label('appealOutcome', a.outcome)}</strong> — {a.outcomeText}
              </p>
            </section>
          ) : held ? (
            <AppealDecision id={id} options={a.replacementOptions} penalties={a.penalties} />
          ) : (
            !own && (
              <section className="card">
                <p className="muted">{t('claimAppealToDecide')}</p>
                <button type="button" className="primary" onClick={claim}>
                  {t('claim')}
                </button>
              </section>
            )
          )}
          {kase.data && <MerchantContext view={kase.data} />}
        </div>
      </div>
    </>
  );
}

const daysOf = (p: Penalty) =>
  p.endsAt ? Math.round((new Date(p.endsAt).getTime() - new Date(p.startsAt).getTime()) / 86_400_000) : null;

type Preview = { reversed: Penalty[]; replacement: Penalty | null; relaid: { from: Penalty; to: Penalty }[] };

/** No outcome chosen in advance; a partial overturn picks a lighter rung; the server previews the effect. */
function AppealDecision({ id, options, penalties }: { id: string; options: Step[]; penalties: Penalty[] }) {
  const t = useT();
  const label = useLabel();
  const words = useStepWords();
  const [outcome, setOutcome] = useState<AppealOutcome | undefined>();
  const [replacement, setReplacement] = useState<number>(-1);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const replacementPenalty = outcome === 'overturned_partly' && replacement >= 0 ? options[replacement]! : null;
  useEffect(() => {
    setPreview(null);
    setConfirming(false);
    if (!outcome) return;
    let live = true;
    post<Preview>(`/api/appeals/${id}/preview`, { outcome, replacementPenalty }).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [id, outcome, replacement]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!outcome || !text.trim()) return setMissing(true);
    setMissing(false);
    if (!confirming) return setConfirming(true);
    try {
      await post(`/api/appeals/${id}/decide`, { outcome, outcomeText: text, replacementPenalty });
      refreshAll();
    } catch (err) {
      setError(err);
      setConfirming(false);
    }
  };
  const inForce = penalties.some((p) => p.state === 'in_force');
  return (
    <form className="card" onSubmit={submit} aria-labelledby="ad-title" noValidate>
      <h2 id="ad-title">{t('decideAppeal')}</h2>
      <fieldset>
        <legend>{t('outcome')}</legend>
        {(['upheld', 'overturned_fully', 'overturned_partly'] as const).map((o) => (
          <label key={o} className="radio">
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />{' '}
            {label('appealOutcome', o)}
          </label>
        ))}
      </fieldset>
      {outcome === 'overturned_partly' && inForce && (
        <label>
          {t('replacement')}
          <select value={replacement} onChange={(e) => setReplacement(Number(e.target.value))}>
            <option value={-1}>{t('noReplacement')}</option>
            {options.map((s, i) => (
              <option key={i} value={i}>
                {words(s)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('outcomeText')}
        <textarea
          rows={3}
          value={text}
          aria-invalid={missing && !text.trim()}
          onChange={(e) => setText(e.target.value)}
        />
        <span className="muted small">{t('explanationHint')}</span>
      </label>
      {preview && (
        <section className="preview" aria-live="polite" data-testid="appeal-preview">
          <h3>{t('previewAppealTitle')}</h3>
          {preview.reversed.length === 0 && preview.relaid.length === 0 && <p>{t('previewNone')}</p>}
          {preview.reversed.map((p) => (
            <p key={p.id}>
              {t('previewReversed')}
              {t('colon')}
              <StepText step={{ kind: p.kind, points: p.points, durationDays: daysOf(p) }} />
            </p>
          ))}
          {preview.replacement && (
            <p
              data-testid="preview-replacement"
              data-kind={preview.replacement.kind}
              data-points={preview.replacement.points}
              data-days={replacementPenalty?.durationDays ?? ''}
            >
              {t('previewReplacement')}
              {t('colon')}
              <StepText
                step={{
                  kind: preview.replacement.kind,
                  points: preview.replacement.points,
                  durationDays: replacementPenalty?.durationDays ?? null,
                }}
              />
            </p>
          )}
          {preview.relaid.map((r) => (
            <p key={r.from.id}>
              {t('previewRelaid')}
              {t('colon')}
              {label('penaltyKind', r.from.kind)} {t('nPoints', { count: r.from.points })} →{' '}
              {label('penaltyKind', r.to.kind)} {t('nPoints', { count: r.to.points })}
            </p>
          ))}
        </section>
      )}
      {missing && !(outcome && text.trim()) && (
        <p role="alert" className="error">
          {t('missingAppeal')}
        </p>
      )}
      <ErrorLine error={error} />
      <button type="submit" className="primary">
        {confirming ? t('confirmDecision') : t('decideAppeal')}
      </button>
    </form>
  );
}
