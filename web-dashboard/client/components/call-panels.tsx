import { Fragment, useState } from 'react';
import { GOODS_OPTION_KINDS } from '../../../core/analysis.js';
import { visibleSuggestions, type CallView } from '../../shared/call-view.js';
import { formatCalendarDay, readableSummary } from '../../shared/summary-text.js';
import { post } from '../api.js';
import { dataLang, scriptLang } from '../data-lang.js';
import { formatMoney, useLabel, useLang, useT } from '../i18n.js';
import { useData } from '../use-data.js';
import { ErrorLine } from './status.js';

/*
 * What the panels show is worded in the call's language (a reply to say, a refund's rationale, a
 * coaching line, a product's name) and is marked with it (decision 0510); labels, amounts and days
 * are the interface's and follow the reader's language.
 */

/**
 * Reply suggestions, newest first, near-duplicates merged: copy, mark used or dismiss, each recorded
 * as feedback. `canAct` is the merchant's own call. After the call, the replies are its record: the
 * merchant can still copy one (a follow-up message) and say which one they used, but not dismiss
 * one, which only clears the list while the call goes on (decision 0650).
 */
export function Suggestions({ view, canAct }: { view: CallView; canAct: boolean }) {
  const t = useT();
  const [done, setDone] = useState<Record<string, 'copied' | 'used' | 'copyFailed'>>({});
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const mark = (id: string, m: 'copied' | 'used' | 'copyFailed' | null) =>
    setDone(({ [id]: _, ...d }) => (m ? { ...d, [id]: m } : d));
  // "已复制" only when the text is on the clipboard: a page served over plain http (a shop's LAN
  // address) has no clipboard, so the words are selected for the merchant to copy by hand.
  const copy = async (id: string, text: string) => {
    const copied = await (navigator.clipboard?.writeText(text).then(
      () => true,
      () => false,
    ) ?? false);
    mark(id, copied ? 'copied' : 'copyFailed');
    const words = document.getElementById(`suggestion-${id}`);
    if (!copied && words) getSelection()?.selectAllChildren(words);
    await send(id, 'chosen', null);
  };
  // Each action is recorded; a failed record is said, and a mark it set is taken back.
  const send = async (id: string, action: 'used' | 'chosen', undo: (() => void) | null) => {
    setError(null);
    try {
      await post(`/api/calls/${view.call.id}/suggestions/${id}/feedback`, { action });
    } catch (e) {
      undo?.();
      setError(e);
    }
  };
  const dismiss = async (id: string) => {
    setError(null);
    setDismissed((d) => new Set(d).add(id));
    try {
      await post(`/api/calls/${view.call.id}/feedback`, { v: 1, type: 'suggestion.dismissed', suggestionId: id });
    } catch (e) {
      setDismissed((d) => new Set([...d].filter((x) => x !== id)));
      setError(e);
    }
  };
  const list = visibleSuggestions(view, dismissed);
  return (
    <section className="card suggestions-card" aria-labelledby="sug-title">
      <h2 id="sug-title">{t('suggestions')}</h2>
      <ErrorLine error={error} />
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
            <p id={`suggestion-${s.id}`} lang={dataLang(view.call.language)}>
              {s.text}
            </p>
            {s.policies.length > 0 && (
              <p className="muted small">
                {t('policy')}
                {t('colon')}
                <PolicyTitles ids={s.policies} />
              </p>
            )}
            {canAct && (
              <div className="row">
                <button type="button" onClick={() => copy(s.id, s.text)}>
                  {done[s.id] === 'copied' ? t('copied') : t('copy')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    mark(s.id, 'used');
                    void send(s.id, 'used', () => mark(s.id, null));
                  }}
                  disabled={done[s.id] === 'used' || s.feedback.includes('used')}
                >
                  {done[s.id] === 'used' || s.feedback.includes('used') ? t('used') : t('markUsed')}
                </button>
                {view.call.status === 'active' && (
                  <button type="button" onClick={() => dismiss(s.id)}>
                    {t('dismiss')}
                  </button>
                )}
              </div>
            )}
            {done[s.id] === 'copyFailed' && (
              <p className="small error" role="status" data-testid="copy-failed">
                {t('copyFailed')}
              </p>
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
  const lang = useLang();
  const label = useLabel();
  const [chosen, setChosen] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  if (view.refundOptions.length === 0) return null;
  const choose = async (kind: string, orderId: string | null) => {
    setError(null);
    setChosen(`${kind}|${orderId}`);
    try {
      await post(`/api/calls/${view.call.id}/feedback`, { v: 1, type: 'refund_option.chosen', kind, orderId });
    } catch (e) {
      setChosen(undefined);
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="refund-title">
      <h2 id="refund-title">{t('refundOptions')}</h2>
      <ErrorLine error={error} />
      <ol className="plain">
        {view.refundOptions.map((o, i) => (
          <li key={i} className={o.recommended ? 'option recommended' : 'option'} data-testid="refund-option">
            <p className="option-head">
              <strong>
                {label('refundKind', o.kind)} ·{' '}
                {GOODS_OPTION_KINDS.has(o.kind)
                  ? o.amountToBeConfirmed
                    ? t('goodsValueToBeConfirmed')
                    : `${t('goodsValue')} ${formatMoney(o.amount, o.currency, lang)}`
                  : o.amountToBeConfirmed
                    ? t('amountToBeConfirmed')
                    : formatMoney(o.amount, o.currency, lang)}
              </strong>
              {o.recommended && <span className="badge ok">{t('recommended')}</span>}
            </p>
            <p lang={dataLang(view.call.language)}>{o.rationale}</p>
            <p className="muted small">
              {t('policy')}
              {t('colon')}
              <PolicyTitles ids={[o.policy]} />
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
  const lang = useLang();
  const label = useLabel();
  const n = view.notes;
  const callLang = dataLang(view.call.language);
  const year = new Date(view.call.startedAt).getUTCFullYear();
  // Nothing noted yet: one sentence that says what will be, not four dashes.
  if (!n.orderNumbers.length && !n.amounts.length && !n.products.length && !n.promises.length)
    return (
      <section className="card notes-card" aria-labelledby="notes-title">
        <h2 id="notes-title">{t('notes')}</h2>
        <p className="muted" data-testid="notes-empty">
          {t(view.call.status === 'ended' ? 'notesNoneEnded' : 'notesNoneLive')}
        </p>
      </section>
    );
  return (
    <section className="card notes-card" aria-labelledby="notes-title">
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
                  {formatMoney(a.value, a.currency, lang)}
                </span>
              ))
            : '—'}
        </dd>
        <dt>{t('products')}</dt>
        <dd>
          {n.products.length
            ? n.products.map((p) => (
                <span key={p.name} className="chip" lang={callLang}>
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
            <ul className="plain rows">
              {n.promises.map((p, i) => (
                <li key={i} data-testid="note-promise">
                  <strong>{label('promiseAction', p.action)}</strong> · {t('deadline')}
                  {t('colon')}
                  {p.deadline ? formatCalendarDay(p.deadline, lang, year) : t('noDeadline')}
                  {p.conditional && t('inParens', { x: t('conditional') })}
                  <br />
                  <span className="muted small" translate="no" lang={callLang}>
                    “{p.text}”
                  </span>
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
          <li key={i}>
            <span aria-hidden="true">⚠ </span>
            <span lang={dataLang(view.call.language) ?? scriptLang(c.message)}>{c.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface Policy {
  id: string;
  title: string;
  language: string;
}

/** The policy documents by id (their titles are in the policy's language). */
function usePolicies(): (id: string) => Policy | undefined {
  const { data } = useData<Policy[]>('/api/policies');
  return (id) => data?.find((p) => p.id === id);
}

/** Policies by title, each marked with its own language, listed as the reader's language lists. */
function PolicyTitles({ ids }: { ids: string[] }) {
  const t = useT();
  const policy = usePolicies();
  return ids.map((id, i) => (
    <Fragment key={id}>
      {i > 0 && t('listComma')}
      <span lang={dataLang(policy(id)?.language)}>{policy(id)?.title ?? id}</span>
    </Fragment>
  ));
}

/** A call's summary with policy titles and its days written out (the live page reads it from the call's end). */
export function useSummaryText(): (call: CallView['call']) => string {
  const policy = usePolicies();
  return (call) =>
    call.summary
      ? readableSummary(
          call.summary,
          call.language ?? scriptLang(call.summary),
          (id) => policy(id)?.title,
          call.startedAt,
        )
      : '';
}
