import { useState } from 'react';
import type { ApprovalRequired, ApprovalWire } from '../../../core/approvals.js';
import { put } from '../api.js';
import {
  EmptyFiltered,
  Filters,
  FilterSearch,
  FilterSelect,
  Pager,
  PAGE_SIZE,
  usePage,
} from '../components/list-tools.js';
import { SeverityBadge } from '../components/moderation-bits.js';
import { useSearchState } from '../router.js';
import { ErrorLine, Status } from '../components/status.js';
import { TimelineChart, type TimelineDay } from '../components/timeline-chart.js';
import { useLabel, useLang, useT } from '../i18n.js';
import { CATALOGUE } from '../labels.js';
import { refreshAll, useData } from '../use-data.js';
import { dataLang } from '../data-lang.js';

interface Rule {
  ruleId: string;
  inFiles: boolean;
  version: number | null;
  category: string | null;
  severity: string | null;
  ground: string | null;
  language: string | null;
  judgment: 'auto' | 'review';
  reason: string | null;
  flags: number;
  decisions: number;
  overturnRate: number | null;
  automatedOverturnRate: number | null;
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(0)}%`);

/** Every rule in the rule files with its policy, flag count and overturn rate; flags and overturns over time. */
export function AdminPage() {
  const t = useT();
  const label = useLabel();
  const rules = useData<Rule[]>('/api/rules');
  const timeline = useData<TimelineDay[]>('/api/stats/moderation?days=30');
  const approvals = useData<ApprovalWire[]>('/api/approvals');
  const awaiting = new Set(approvals.data?.filter((a) => a.kind === 'rule.auto').map((a) => a.target));
  const [editing, setEditing] = useState<string | null>(null);
  const lang = useLang();
  const [query] = useSearchState();
  const { page } = usePage();
  // Filtered in the URL like every list; the rules of the page's language first.
  const q = (query.get('q') ?? '').trim().toLowerCase();
  const matching = (rules.data ?? [])
    .filter(
      (r) =>
        (!query.get('language') || r.language === query.get('language')) &&
        (!query.get('category') || r.category === query.get('category')) &&
        (!query.get('judgment') || r.judgment === query.get('judgment')) &&
        (!q || (r.ground ?? '').toLowerCase().includes(q) || label('category', r.category).toLowerCase().includes(q)),
    )
    .sort((a, b) => Number(b.language === lang) - Number(a.language === lang));
  const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <h1>{t('navAdmin')}</h1>
      <section className="card" aria-labelledby="chart-title">
        <h2 id="chart-title">{t('chartTitle')}</h2>
        <Status loading={timeline.loading} error={timeline.error} />
        {timeline.data && <TimelineChart days={timeline.data} />}
      </section>
      <section className="card" aria-labelledby="rules-title">
        <h2 id="rules-title">
          {t('rules')}
          {t('inParens', { x: rules.data?.length ?? 0 })}
        </h2>
        <Filters>
          <FilterSearch placeholder={t('searchRules')} />
          <FilterSelect
            name="language"
            label={t('language')}
            options={(['zh', 'en'] as const).map((l) => [l, label('language', l)])}
          />
          <FilterSelect
            name="category"
            label={t('category')}
            options={Object.keys(CATALOGUE.category).map((c) => [c, label('category', c)])}
          />
          <FilterSelect
            name="judgment"
            label={t('judgment')}
            options={(['review', 'auto'] as const).map((j) => [j, label('judgment', j)])}
          />
        </Filters>
        <Status loading={rules.loading} error={rules.error} />
        {rules.data && matching.length === 0 && <EmptyFiltered />}
        <table className="cards">
          <thead>
            <tr>
              <th scope="col">{t('rule')}</th>
              <th scope="col">{t('judgment')}</th>
              <th scope="col">{t('flags')}</th>
              <th scope="col">{t('decisions')}</th>
              <th scope="col">{t('overturnRate')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.ruleId} data-testid="rule-row" data-rule={r.ruleId}>
                <td data-label={t('rule')}>
                  {/* A rule's ground is worded in its calls' language (rule files per language): marked as such. */}
                  <strong lang={r.ground ? dataLang(r.language) : undefined}>
                    {r.ground ?? label('category', r.category)}
                  </strong>
                  <div className="muted small">
                    {label('language', r.language)} · {label('category', r.category)}{' '}
                    {r.severity && <SeverityBadge severity={r.severity} />} · {t('version')} {r.version ?? '—'}
                    {!r.inFiles && <> · {t('notInFiles')}</>}
                  </div>
                  {r.reason && <p className="muted small">{r.reason}</p>}
                </td>
                <td data-label={t('judgment')}>
                  <span className={r.judgment === 'auto' ? 'badge' : 'badge ok'}>{label('judgment', r.judgment)}</span>{' '}
                  {awaiting.has(r.ruleId) && (
                    <span className="badge" data-testid="awaiting-approval">
                      {t('awaitingApproval')}
                    </span>
                  )}{' '}
                  {editing === r.ruleId ? (
                    <JudgmentSwitch rule={r} onDone={() => setEditing(null)} />
                  ) : (
                    <button type="button" onClick={() => setEditing(r.ruleId)}>
                      {r.judgment === 'auto' ? t('switchToReview') : t('switchToAuto')}
                    </button>
                  )}
                </td>
                <td data-label={t('flags')}>{r.flags}</td>
                <td data-label={t('decisions')}>{r.decisions}</td>
                <td data-label={t('overturnRate')}>{pct(r.overturnRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager page={page} rows={matching.length - (page - 1) * PAGE_SIZE} />
      </section>
    </>
  );
}

/** A switch needs a reason; a switch to automatic also needs a confirmation that states the overturn rate. */
function JudgmentSwitch({ rule, onDone }: { rule: Rule; onDone: () => void }) {
  const t = useT();
  const judgment = rule.judgment === 'auto' ? 'review' : 'auto';
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const save = async () => {
    if (!reason.trim()) return;
    if (judgment === 'auto' && !confirming) return setConfirming(true);
    try {
      const r = await put<object | ApprovalRequired>(`/api/rules/${encodeURIComponent(rule.ruleId)}/policy`, {
        judgment,
        reason,
      });
      refreshAll();
      // Automatic decisions need a second admin: the switch waits on the Approvals page.
      if ('approvalRequired' in r) setSent(true);
      else onDone();
    } catch (e) {
      setError(e);
    }
  };
  if (sent)
    return (
      <div className="switch" data-testid="judgment-switch">
        <p role="status">{t('approvalSent')}</p>
        <button type="button" onClick={onDone}>
          {t('confirm')}
        </button>
      </div>
    );
  return (
    <div className="switch" data-testid="judgment-switch">
      <label>
        {t('switchReason')}
        <textarea rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {confirming && (
        <p role="alert" className="warn-text">
          {t('confirmAuto', { rate: pct(rule.overturnRate) })}
        </p>
      )}
      <ErrorLine error={error} />
      <div className="row">
        <button type="button" className="primary" disabled={!reason.trim()} onClick={save}>
          {confirming ? t('confirm') : judgment === 'auto' ? t('switchToAuto') : t('switchToReview')}
        </button>
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
