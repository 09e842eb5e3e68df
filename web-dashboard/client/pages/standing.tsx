import { DecisionStateBadge, PenaltyLine } from '../components/moderation-bits.js';
import { Empty } from '../components/list-tools.js';
import { Status } from '../components/status.js';
import { useLabel, useT, When } from '../i18n.js';
import { Link } from '../router.js';
import { useUser } from '../session.js';
import type { Standing } from '../types.js';
import { useData } from '../use-data.js';

/**
 * A merchant's points and penalties in force, then every penalty and decision with its state now
 * (the same derivation the statement and the moderator's case page show). Merchants see their own;
 * moderators open it from a case.
 */
export function StandingPage({ merchantId }: { merchantId?: string }) {
  const t = useT();
  const label = useLabel();
  const user = useUser();
  const q = merchantId ? `?merchantId=${encodeURIComponent(merchantId)}` : '';
  const { data, loading, error } = useData<Standing>(`/api/penalties/standing${q}`);
  if (!data)
    return (
      <>
        <h1>{t('navStanding')}</h1>
        <Status loading={loading} error={error} />
      </>
    );
  const inForce = data.penalties.filter((p) => p.state === 'in_force');
  return (
    <>
      <h1>
        {t('navStanding')} · {data.merchant.name}
      </h1>
      <section className="card stat-row">
        <div>
          <div className="muted small">{t('pointsInForce')}</div>
          <div className="big" data-testid="points-in-force">
            {t('nPoints', { count: data.pointsInForce })}
          </div>
        </div>
        <div>
          <div className="muted small">{t('penaltiesInForce')}</div>
          <div className="big">{inForce.length}</div>
        </div>
      </section>
      <section className="card" aria-labelledby="pen-title">
        <h2 id="pen-title">{t('history')}</h2>
        {data.penalties.length === 0 && <Empty>{t('emptyPenalties')}</Empty>}
        <ul className="plain rows">
          {data.penalties.map((p) => (
            <li key={p.id} data-testid="standing-penalty">
              {label('category', p.category)} · <PenaltyLine p={p} />
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="dec-title">
        <h2 id="dec-title">{t('decisionHistory')}</h2>
        {data.decisions.length === 0 && <Empty>{t('noPrevious')}</Empty>}
        <ul className="plain rows">
          {data.decisions.map((d) => (
            <li key={d.id} data-testid="standing-decision" data-decision-id={d.id}>
              {/* Each decision opens where it is worked: the case for a reviewer, the flags page for the merchant. */}
              <Link href={user.role === 'merchant_staff' ? '/flags' : `/cases/${d.caseId}`}>
                <When at={d.decidedAt} day /> · {label('category', d.category)}
              </Link>{' '}
              · <DecisionStateBadge state={d.state} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
