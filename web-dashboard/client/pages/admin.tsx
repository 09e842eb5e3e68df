import { useState } from 'react';
import type { ApprovalRequired, ApprovalWire } from '../../../core/approvals.js';
import { put } from '../api.js';
import { EmptyFiltered, Filters, FilterSearch, FilterSelect } from '../components/list-tools.js';
import { SeverityBadge } from '../components/moderation-bits.js';
import { useSearchState } from '../router.js';
import { ErrorLine, Status } from '../components/status.js';
import { TimelineChart, type TimelineDay } from '../components/timeline-chart.js';
import { useLabel, useLang, useT } from '../i18n.js';
import { CATALOGUE } from '../../shared/labels.js';
import { refreshAll, useData } from '../use-data.js';
import { dataLang, scriptLang } from '../data-lang.js';

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
  const rules = useData<Rule[]>('/api/rules');
  const timeline = useData<TimelineDay[]>('/api/stats/moderation?days=30');
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
        <RuleFilters />
        <Status loading={rules.loading} error={rules.error} />
        {rules.data && <RuleGroups rules={rules.data} />}
      </section>
    </>
  );
}

const FILTERS = ['q', 'language', 'category', 'judgment'] as const;
const SORTS = { flags: (r: Rule) => r.flags, overturn: (r: Rule) => r.overturnRate ?? -1 } as const;

function RuleFilters() {
  const t = useT();
  const label = useLabel();
  const [query, set] = useSearchState();
  return (
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
      <label>
        {t('sortBy')}
        <select value={query.get('sort') ?? ''} onChange={(e) => set({ sort: e.target.value })}>
          <option value="">{t('sortDefault')}</option>
          <option value="flags">{t('sortByFlags')}</option>
          <option value="overturn">{t('sortByOverturn')}</option>
        </select>
      </label>
    </Filters>
  );
}

/** The width from which every group starts open (the phone's card layout ends there too). */
const WIDE = '(min-width: 700px)';

/**
 * The rules by category, each group a disclosure that says what it holds (how many rules, their
 * flags, any waiting for approval): on a phone they start closed, so eighteen-odd rules are a page
 * of headings, not five screens of cards; a search or a filter opens the groups it finds.
 */
function RuleGroups({ rules }: { rules: Rule[] }) {
  const t = useT();
  const label = useLabel();
  const lang = useLang();
  const [query] = useSearchState();
  const approvals = useData<ApprovalWire[]>('/api/approvals');
  const awaiting = new Set(approvals.data?.filter((a) => a.kind === 'rule.auto').map((a) => a.target));
  const [wide] = useState(() => matchMedia(WIDE).matches);
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const q = (query.get('q') ?? '').trim().toLowerCase();
  const filtered = FILTERS.some((f) => query.get(f));
  const sort = SORTS[query.get('sort') as keyof typeof SORTS];
  const matching = rules
    .filter(
      (r) =>
        (!query.get('language') || r.language === query.get('language')) &&
        (!query.get('category') || r.category === query.get('category')) &&
        (!query.get('judgment') || r.judgment === query.get('judgment')) &&
        (!q || (r.ground ?? '').toLowerCase().includes(q) || label('category', r.category).toLowerCase().includes(q)),
    )
    // The rules of the page's language first, unless sorted by a figure (highest first).
    .sort((a, b) => (sort ? sort(b) - sort(a) : Number(b.language === lang) - Number(a.language === lang)));
  const order = [...Object.keys(CATALOGUE.category), OTHER];
  const groups = order
    .map((category) => ({
      category,
      rules: matching.filter((r) => (r.category && r.category in CATALOGUE.category ? r.category : OTHER) === category),
    }))
    .filter((g) => g.rules.length > 0);
  if (matching.length === 0) return <EmptyFiltered />;
  const isOpen = (category: string) => opened[category] ?? (wide || filtered || groups.length === 1);
  const setAll = (open: boolean) => setOpened(Object.fromEntries(groups.map((g) => [g.category, open])));
  const allOpen = groups.every((g) => isOpen(g.category));
  return (
    <>
      <p className="row spread rule-tools">
        <span className="muted small" role="status">
          {t('rulesShown', { count: matching.length })}
        </span>
        <button type="button" onClick={() => setAll(!allOpen)} aria-expanded={allOpen}>
          {allOpen ? t('collapseAll') : t('expandAll')}
        </button>
      </p>
      {groups.map((g) => {
        const flags = g.rules.reduce((n, r) => n + r.flags, 0);
        const waiting = g.rules.filter((r) => awaiting.has(r.ruleId)).length;
        return (
          <details
            key={g.category}
            className="rule-group"
            open={isOpen(g.category)}
            onToggle={(e) => {
              const open = e.currentTarget.open;
              if (open !== isOpen(g.category)) setOpened((o) => ({ ...o, [g.category]: open }));
            }}
            data-testid="rule-group"
            data-category={g.category}
          >
            <summary>
              <span className="group-name">
                {g.category === OTHER ? t('otherCategory') : label('category', g.category)}
              </span>
              <span className="muted small">{t('ruleCount', { count: g.rules.length })}</span>
              {flags > 0 && (
                <span className="badge">
                  {t('flagsCount')}
                  {t('colon')}
                  {flags}
                </span>
              )}
              {waiting > 0 && <span className="badge">{t('awaitingApproval')}</span>}
            </summary>
            <RuleTable rules={g.rules} awaiting={awaiting} />
          </details>
        );
      })}
    </>
  );
}

const OTHER = 'other';

function RuleTable({ rules, awaiting }: { rules: Rule[]; awaiting: Set<string> }) {
  const t = useT();
  const label = useLabel();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <table className="cards rules">
      <thead>
        <tr>
          <th scope="col">{t('rule')}</th>
          <th scope="col" className="judgment">
            {t('judgment')}
          </th>
          <th scope="col" className="num">
            {t('flags')}
          </th>
          <th scope="col" className="num">
            {t('decisions')}
          </th>
          <th scope="col" className="num">
            {t('overturnRate')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.ruleId} data-testid="rule-row" data-rule={r.ruleId}>
            <td>
              {/* A rule's ground is worded in its calls' language (rule files per language): marked as such. */}
              <strong lang={r.ground ? dataLang(r.language) : undefined}>
                {r.ground ?? label('category', r.category)}
              </strong>
              <div className="muted small">
                {label('language', r.language)} {r.severity && <SeverityBadge severity={r.severity} />}· {t('version')}{' '}
                {r.version ?? '—'}
                {!r.inFiles && <> · {t('notInFiles')}</>}
              </div>
              {r.reason && (
                <p className="muted small" lang={scriptLang(r.reason)}>
                  {r.reason}
                </p>
              )}
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
            <td className="num" data-label={t('flags')}>
              {r.flags}
            </td>
            <td className="num" data-label={t('decisions')}>
              {r.decisions}
            </td>
            <td className="num" data-label={t('overturnRate')}>
              {pct(r.overturnRate)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
