import { useEffect, useState, type FormEvent } from 'react';
import { DISMISS_REASON_CODES, UPHOLD_REASON_CODES } from '../../../core/moderation.js';
import { post } from '../api.js';
import { useLabel, useT } from '../i18n.js';
import type { CaseFlag, Step } from '../types.js';
import { refreshAll } from '../use-data.js';
import { ErrorLine } from './status.js';
import { Aside, StepText } from './moderation-bits.js';

type Outcome = 'upheld' | 'dismissed';
type Choice = { outcome?: Outcome; reasonCode: string; reasonText: string };
type Planned = Step & { flagId: string; ladderStep: number; standingBefore: number };

const typing = (e: KeyboardEvent) =>
  e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);

/**
 * One outcome, reason and explanation per undecided flag — none chosen in advance — and the exact
 * penalties the server will apply (its preview endpoint runs the same planner as the decision),
 * confirmed before anything is sent. Keys: u upholds, d dismisses the first flag without an outcome.
 */
export function DecisionForm({ caseId, flags }: { caseId: string; flags: CaseFlag[] }) {
  const t = useT();
  const label = useLabel();
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(flags.map((f) => [f.id, { reasonCode: '', reasonText: '' }])),
  );
  const [penalty, setPenalty] = useState<'ladder' | 'none'>('ladder');
  const [preview, setPreview] = useState<Planned[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const set = (id: string, patch: Partial<Choice>) => {
    setConfirming(false);
    setChoices((c) => ({ ...c, [id]: { ...c[id]!, ...patch } }));
  };
  const outcomes = flags.map((f) => choices[f.id]?.outcome);
  const allChosen = outcomes.every(Boolean);

  useEffect(() => {
    setPreview(null);
    if (!allChosen) return;
    let live = true;
    post<{ penalties: Planned[] }>(`/api/cases/${caseId}/preview`, {
      penalty,
      flags: flags.map((f) => ({ flagId: f.id, outcome: choices[f.id]!.outcome })),
    }).then(
      (r) => live && setPreview(r.penalties),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // Only outcomes and the penalty choice change the preview, not the explanation being typed.
  }, [caseId, penalty, outcomes.join(), allChosen]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e) || e.metaKey || e.ctrlKey || e.altKey) return;
      const outcome = e.key === 'u' ? 'upheld' : e.key === 'd' ? 'dismissed' : null;
      const next = flags.find((f) => !choices[f.id]?.outcome);
      if (outcome && next) set(next.id, { outcome, reasonCode: '' });
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  const complete = flags.every((f) => {
    const c = choices[f.id]!;
    return c.outcome && c.reasonCode && c.reasonText.trim();
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!complete) return setMissing(true);
    setMissing(false);
    if (!confirming) return setConfirming(true);
    try {
      await post(`/api/cases/${caseId}/decide`, {
        penalty,
        flags: flags.map((f) => ({ flagId: f.id, ...choices[f.id]! })),
      });
      refreshAll();
    } catch (err) {
      setError(err);
      setConfirming(false);
    }
  };
  return (
    <form className="card decision-form" onSubmit={submit} aria-labelledby="decide-title" noValidate>
      <h2 id="decide-title">{t('decision')}</h2>
      {flags.map((f, i) => {
        const c = choices[f.id]!;
        const codes =
          c.outcome === 'upheld' ? UPHOLD_REASON_CODES : c.outcome === 'dismissed' ? DISMISS_REASON_CODES : [];
        return (
          <fieldset key={f.id} data-testid="decision-flag">
            <legend>
              {i + 1}. {label('category', f.category)} — “{f.evidenceText}”
            </legend>
            <div role="radiogroup" aria-label={t('outcome')} className="row">
              {(['upheld', 'dismissed'] as const).map((o) => (
                <label key={o} className="radio">
                  <input
                    type="radio"
                    name={`o-${f.id}`}
                    checked={c.outcome === o}
                    onChange={() => set(f.id, { outcome: o, reasonCode: '' })}
                  />{' '}
                  {label('outcome', o)}
                </label>
              ))}
            </div>
            <label>
              {t('reason')}
              <select
                value={c.reasonCode}
                disabled={!c.outcome}
                aria-invalid={missing && !c.reasonCode}
                onChange={(e) => set(f.id, { reasonCode: e.target.value })}
              >
                <option value="">{c.outcome ? t('chooseReason') : t('chooseOutcome')}</option>
                {codes.map((code) => (
                  <option key={code} value={code}>
                    {label('reason', code)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('reasonText')}
              <textarea
                rows={2}
                value={c.reasonText}
                aria-invalid={missing && !c.reasonText.trim()}
                aria-describedby={`hint-${f.id}`}
                onChange={(e) => set(f.id, { reasonText: e.target.value })}
              />
              <span id={`hint-${f.id}`} className="muted small">
                {t('explanationHint')}
              </span>
            </label>
          </fieldset>
        );
      })}
      <label>
        {t('penalty')}
        <select value={penalty} onChange={(e) => setPenalty(e.target.value as 'ladder' | 'none')}>
          <option value="ladder">{t('penaltyLadder')}</option>
          <option value="none">{t('none')}</option>
        </select>
      </label>
      <section className="preview" aria-live="polite" data-testid="penalty-preview">
        <h3>{t('previewTitle')}</h3>
        {!allChosen ? (
          <p className="muted">{t('previewPending')}</p>
        ) : !preview ? (
          <p aria-busy="true">{t('loading')}</p>
        ) : preview.length === 0 ? (
          <p>{t('previewNone')}</p>
        ) : (
          <ul className="plain">
            {preview.map((p) => (
              <li
                key={p.flagId}
                data-testid="preview-penalty"
                data-kind={p.kind}
                data-points={p.points}
                data-days={p.durationDays ?? ''}
              >
                {label('category', flags.find((f) => f.id === p.flagId)?.category)}
                {t('colon')}
                <strong>
                  <StepText step={p} />
                </strong>{' '}
                <Aside
                  parts={[t('ladderStep', { n: p.ladderStep + 1 }), t('standingBefore', { count: p.standingBefore })]}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      {missing && !complete && (
        <p role="alert" className="error">
          {t('missingChoices')}
        </p>
      )}
      <ErrorLine error={error} />
      <button type="submit" className="primary">
        {confirming ? t('confirmDecision') : t('decide')}
      </button>
      {confirming && (
        <button type="button" onClick={() => setConfirming(false)}>
          {t('cancel')}
        </button>
      )}
    </form>
  );
}
