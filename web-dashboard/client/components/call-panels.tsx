import { useState } from 'react';
import type { CallView } from '../../shared/call-view.js';
import { post } from '../api.js';
import { useT } from '../i18n.js';

/** Reply suggestions, newest first: copy to the clipboard or mark used, both recorded as feedback. */
export function Suggestions({ view, canAct }: { view: CallView; canAct: boolean }) {
  const t = useT();
  const [done, setDone] = useState<Record<string, 'copied' | 'used'>>({});
  const feedback = async (id: string, action: 'used' | 'chosen', label: 'copied' | 'used', text?: string) => {
    if (text) await navigator.clipboard?.writeText(text).catch(() => undefined);
    setDone((d) => ({ ...d, [id]: label }));
    await post(`/api/calls/${view.call.id}/suggestions/${id}/feedback`, { action });
  };
  const list = [...view.suggestions].reverse();
  return (
    <section className="card" aria-labelledby="sug-title">
      <h2 id="sug-title">{t('suggestions')}</h2>
      {list.length === 0 && <p className="muted">{t('noSuggestions')}</p>}
      <ul className="plain suggestions" aria-live="polite">
        {list.map((s) => (
          <li key={s.id} className="suggestion" data-testid="suggestion">
            <p>{s.text}</p>
            {s.policies.length > 0 && (
              <p className="muted small">
                {t('policy')}: {s.policies.join(', ')}
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
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RefundOptions({ view }: { view: CallView }) {
  const t = useT();
  if (view.refundOptions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="refund-title">
      <h2 id="refund-title">{t('refundOptions')}</h2>
      <ol className="plain">
        {view.refundOptions.map((o, i) => (
          <li key={i} className={o.recommended ? 'option recommended' : 'option'}>
            <strong>
              {o.kind.replace(/_/g, ' ')} · {o.currency === 'CNY' ? '¥' : '$'}
              {o.amount.toFixed(2)}
            </strong>
            {o.recommended && <span className="badge">{t('recommended')}</span>}
            <p>{o.rationale}</p>
            <p className="muted small">
              {t('policy')}: <code>{o.policy}</code>
              {o.orderId && <> · {o.orderId}</>}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function NotesPanel({ view }: { view: CallView }) {
  const t = useT();
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
                  {o.matched === false && ` (${t('unmatched')})`}
                </span>
              ))
            : '—'}
        </dd>
        <dt>{t('amounts')}</dt>
        <dd>
          {n.amounts.length
            ? n.amounts.map((a, i) => (
                <span key={i} className="chip">
                  {a.currency === 'CNY' ? '¥' : '$'}
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
                  “{p.text}” — {t('deadline')}: <strong>{p.deadline ?? t('noDeadline')}</strong>
                  {p.conditional && ` (${t('conditional')})`}
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
