import { useState } from 'react';
import { currencySign } from '../../../core/domain.js';
import { visibleSuggestions, type CallView } from '../../shared/call-view.js';
import { post } from '../api.js';
import { useLabel, useT } from '../i18n.js';
import { useData } from '../use-data.js';

/** Reply suggestions, newest first, near-duplicates merged: copy, mark used or dismiss, each recorded as feedback. */
export function Suggestions({ view, canAct }: { view: CallView; canAct: boolean }) {
  const t = useT();
  const label = usePolicyTitle();
  const [done, setDone] = useState<Record<string, 'copied' | 'used'>>({});
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const feedback = async (id: string, action: 'used' | 'chosen', mark: 'copied' | 'used', text?: string) => {
    if (text) await navigator.clipboard?.writeText(text).catch(() => undefined);
    setDone((d) => ({ ...d, [id]: mark }));
    await post(`/api/calls/${view.call.id}/suggestions/${id}/feedback`, { action });
  };
  const dismiss = async (id: string) => {
    setDismissed((d) => new Set(d).add(id));
    await post(`/api/calls/${view.call.id}/feedback`, { v: 1, type: 'suggestion.dismissed', suggestionId: id });
  };
  const list = visibleSuggestions(view, dismissed);
  return (
    <section className="card" aria-labelledby="sug-title">
      <h2 id="sug-title">{t('suggestions')}</h2>
      {list.length === 0 && <p className="muted">{t('noSuggestions')}</p>}
      <ul className="plain suggestions" aria-live="polite">
        {list.map((s) => (
          <li
            key={s.id}
            className={s.state === 'provisional' ? 'suggestion provisional' : 'suggestion'}
            data-testid="suggestion"
            data-state={s.state ?? 'final'}
          >
            {s.state === 'provisional' && (
              <p className="small provisional-note">
                <span className="badge">{t('provisional')}</span> <span className="muted">{t('provisionalHint')}</span>
              </p>
            )}
            <p>{s.text}</p>
            {s.policies.length > 0 && (
              <p className="muted small">
                {t('policy')}
                {t('colon')}
                {s.policies.map(label).join('、')}
              </p>
            )}
            {canAct && (
              <div className="row">
                <button type="button" onClick={() => feedback(s.id, 'chosen', 'copied', s.text)}>
                  {done[s.id] === 'copied' ? t('copied') : t('copy')}
                </button>
                <button
                  type="button"
                  onClick={() => feedback(s.id, 'used', 'used')}
                  disabled={done[s.id] === 'used' || s.feedback.includes('used')}
                >
                  {done[s.id] === 'used' || s.feedback.includes('used') ? t('used') : t('markUsed')}
                </button>
                <button type="button" onClick={() => dismiss(s.id)}>
                  {t('dismiss')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Refund options, the recommended one first; the merchant can tell the bot which one they chose. */
export function RefundOptions({ view, canAct = false }: { view: CallView; canAct?: boolean }) {
  const t = useT();
  const label = useLabel();
  const policyTitle = usePolicyTitle();
  const [chosen, setChosen] = useState<string>();
  if (view.refundOptions.length === 0) return null;
  const choose = async (kind: string, orderId: string | null) => {
    setChosen(`${kind}|${orderId}`);
    await post(`/api/calls/${view.call.id}/feedback`, { v: 1, type: 'refund_option.chosen', kind, orderId });
  };
  return (
    <section className="card" aria-labelledby="refund-title">
      <h2 id="refund-title">{t('refundOptions')}</h2>
      <ol className="plain">
        {view.refundOptions.map((o, i) => (
          <li key={i} className={o.recommended ? 'option recommended' : 'option'} data-testid="refund-option">
            <strong>
              {label('refundKind', o.kind)} · {currencySign(o.currency)}
              {o.amount.toFixed(2)}
            </strong>
            {o.recommended && <span className="badge">{t('recommended')}</span>}
            <p>{o.rationale}</p>
            <p className="muted small">
              {t('policy')}
              {t('colon')}
              {policyTitle(o.policy)}
              {o.orderId && (
                <>
                  {' '}
                  · {t('orderNumber')} {o.orderId}
                </>
              )}
            </p>
            {canAct && (
              <button
                type="button"
                disabled={chosen === `${o.kind}|${o.orderId}`}
                onClick={() => choose(o.kind, o.orderId)}
              >
                {chosen === `${o.kind}|${o.orderId}` ? t('chosen') : t('chooseOption')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function NotesPanel({ view }: { view: CallView }) {
  const t = useT();
  const label = useLabel();
  const n = view.notes;
  return (
    <section className="card" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notes')}</h2>
      <dl className="notes">
        <dt>{t('orderNumbers')}</dt>
        <dd>
          {n.orderNumbers.length
            ? n.orderNumbers.map((o) => (
                <span key={o.value} className="chip">
                  {o.value}
                  {o.matched === false && t('inParens', { x: t('unmatched') })}
                </span>
              ))
            : '—'}
        </dd>
        <dt>{t('amounts')}</dt>
        <dd>
          {n.amounts.length
            ? n.amounts.map((a, i) => (
                <span key={i} className="chip">
                  {currencySign(a.currency)}
                  {a.value}
                </span>
              ))
            : '—'}
        </dd>
        <dt>{t('products')}</dt>
        <dd>
          {n.products.length
            ? n.products.map((p) => (
                <span key={p.name} className="chip">
                  {p.name}
                </span>
              ))
            : '—'}
        </dd>
        <dt>{t('promises')}</dt>
        <dd>
          {n.promises.length === 0 ? (
            '—'
          ) : (
            <ul className="plain">
              {n.promises.map((p, i) => (
                <li key={i}>
                  {label('promiseAction', p.action)}
                  {t('colon')}“<span translate="no">{p.text}</span>” — {t('deadline')}
                  {t('colon')}
                  <strong>{p.deadline ?? t('noDeadline')}</strong>
                  {p.conditional && t('inParens', { x: t('conditional') })}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}

export function Coaching({ view }: { view: CallView }) {
  const t = useT();
  if (view.coaching.length === 0) return null;
  return (
    <section className="card warn" aria-labelledby="coach-title" role="status">
      <h2 id="coach-title">{t('coaching')}</h2>
      <ul className="plain">
        {view.coaching.map((c, i) => (
          <li key={i}>⚠ {c.message}</li>
        ))}
      </ul>
    </section>
  );
}

/** Policy ids read as their titles (the policy documents, in the UI's language where one exists). */
export function usePolicyTitle(): (id: string) => string {
  const { data } = useData<{ id: string; title: string; language: string }[]>('/api/policies');
  return (id) => data?.find((p) => p.id === id)?.title ?? id;
}

/** Text that names policies by id (a live call's summary) with their titles instead. */
export function useTitled(): (text: string) => string {
  const title = usePolicyTitle();
  return (text) => text.replace(/\b(?:zh|en)\.[a-z0-9_-]+(?:\.[a-z0-9_-]+)+/g, title);
}
