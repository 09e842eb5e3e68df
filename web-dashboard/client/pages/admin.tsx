import { useState } from 'react';
import { ApiError, api } from '../api.js';
import { Status } from '../components/status.js';
import { TimelineChart, type TimelineDay } from '../components/timeline-chart.js';
import { useT } from '../i18n.js';
import { useData } from '../use-data.js';

interface RuleHealth {
  ruleVersion: number;
  detector: string;
  decisions: number;
  overturnRate: number | null;
  automatedOverturnRate: number | null;
}
interface Rule {
  ruleId: string;
  judgment: 'auto' | 'review';
  reason: string | null;
  flags: number;
  health: RuleHealth[];
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(0)}%`);

/** Rules with their judgment policy and overturn rates, and flags and overturns over time. */
export function AdminPage() {
  const t = useT();
  const rules = useData<Rule[]>('/api/rules');
  const timeline = useData<TimelineDay[]>('/api/stats/moderation?days=30');
  const [error, setError] = useState('');
  const flip = async (r: Rule) => {
    setError('');
    const judgment = r.judgment === 'auto' ? 'review' : 'auto';
    try {
      await api('PUT', `/api/rules/${encodeURIComponent(r.ruleId)}/policy`, {
        judgment,
        reason: `admin dashboard: set to ${judgment}`,
      });
      rules.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <h1>{t('navAdmin')}</h1>
      <section className="card" aria-labelledby="chart-title">
        <h2 id="chart-title">{t('chartTitle')}</h2>
        <Status loading={timeline.loading} error={timeline.error} />
        {timeline.data && <TimelineChart days={timeline.data} />}
      </section>
      <section className="card" aria-labelledby="rules-title">
        <h2 id="rules-title">{t('rules')}</h2>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <Status loading={rules.loading} error={rules.error} />
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('rule')}</th>
                <th scope="col">{t('judgment')}</th>
                <th scope="col">{t('flags')}</th>
                <th scope="col">{t('decisions')}</th>
                <th scope="col">{t('overturnRate')}</th>
                <th scope="col">{t('autoOverturn')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.data?.map((r) => {
                const decisions = r.health.reduce((n, h) => n + h.decisions, 0);
                return (
                  <tr key={r.ruleId} data-testid="rule-row">
                    <td>
                      <code>{r.ruleId}</code>
                      {r.reason && <p className="muted small">{r.reason}</p>}
                    </td>
                    <td>
                      <span className={r.judgment === 'auto' ? 'badge' : 'badge ok'}>{t(r.judgment)}</span>{' '}
                      <button type="button" onClick={() => flip(r)} aria-label={`${t('change')} ${r.ruleId}`}>
                        {t('change')}
                      </button>
                    </td>
                    <td>{r.flags}</td>
                    <td>{decisions}</td>
                    <td>
                      {r.health.map((h) => (
                        <div key={`${h.ruleVersion}${h.detector}`}>
                          v{h.ruleVersion}: {pct(h.overturnRate)}
                        </div>
                      ))}
                    </td>
                    <td>
                      {r.health.map((h) => (
                        <div key={`${h.ruleVersion}${h.detector}`}>
                          v{h.ruleVersion}: {pct(h.automatedOverturnRate)}
                        </div>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
