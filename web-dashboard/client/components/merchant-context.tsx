import { formatMoney, useLabel, useLang, useT, When } from '../i18n.js';
import { Link } from '../router.js';
import type { CaseView } from '../types.js';
import { DecisionStateBadge, PenaltyLine } from './moderation-bits.js';

/** Beside the evidence: who the merchant is, the orders the call was about, and its record so far. */
export function MerchantContext({ view }: { view: CaseView }) {
  const t = useT();
  const lang = useLang();
  const label = useLabel();
  const h = view.history;
  return (
    <section className="card" aria-labelledby="ctx-title" data-testid="merchant-context">
      <h2 id="ctx-title">{t('merchantContext')}</h2>
      <p>
        <Link href={`/merchants/${encodeURIComponent(view.merchant.id)}`}>{view.merchant.name}</Link> ·{' '}
        {t('pointsInForce')}
        {t('colon')}
        <strong data-testid="points-in-force">{t('nPoints', { count: h.pointsInForce })}</strong>
      </p>
      {view.orders.length > 0 && (
        <>
          <h3>{t('orders')}</h3>
          <ul className="plain small">
            {view.orders.map((o) => (
              <li key={o.id}>
                {o.id} · {o.items.map((i) => i.name).join('、')} · {formatMoney(o.amount, o.currency, lang)} ·{' '}
                {label('orderStatus', o.status)}
              </li>
            ))}
          </ul>
        </>
      )}
      {h.penalties.length > 0 && (
        <>
          <h3>{t('penaltiesInForce')}</h3>
          <ul className="plain small">
            {h.penalties.map((p) => (
              <li key={p.id}>
                <PenaltyLine p={p} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('previousDecisions')}</h3>
      {h.decisions.length === 0 ? (
        <p className="muted small">{t('noPrevious')}</p>
      ) : (
        <ul className="plain small">
          {h.decisions.map((d) => (
            <li key={d.id}>
              <When at={d.decidedAt} day /> · {label('category', d.category)} · <DecisionStateBadge state={d.state} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
