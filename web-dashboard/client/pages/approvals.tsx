import { useState } from 'react';
import type { ApprovalWire } from '../../../core/approvals.js';
import { post } from '../api.js';
import { ErrorLine, Status } from '../components/status.js';
import { When, useLabel, useT } from '../i18n.js';
import { useUser } from '../session.js';
import { refreshAll, useData } from '../use-data.js';
import { dataLang, scriptLang } from '../data-lang.js';

interface Account {
  id: string;
  displayName: string;
  email: string;
  role: string;
}
interface Rule {
  ruleId: string;
  ground: string | null;
  language: string | null;
  category: string | null;
}

/**
 * Changes one admin asked for and another must approve: a new moderator or admin, a reviewer role,
 * a rule switched to automatic decisions. The requester sees their own requests waiting.
 */
export function ApprovalsPage() {
  const t = useT();
  const approvals = useData<ApprovalWire[]>('/api/approvals', { refetchInterval: 10_000 });
  return (
    <>
      <h1>{t('navApprovals')}</h1>
      <p className="muted">{t('approvalsIntro')}</p>
      <Status loading={approvals.loading} error={approvals.error} />
      {approvals.data?.length === 0 && <p className="card muted">{t('emptyApprovals')}</p>}
      {approvals.data?.map((a) => (
        <ApprovalCard key={a.id} approval={a} />
      ))}
    </>
  );
}

function ApprovalCard({ approval: a }: { approval: ApprovalWire }) {
  const t = useT();
  const label = useLabel();
  const me = useUser();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mine = a.requestedBy === me.userId;
  const decide = async (how: 'approve' | 'reject') => {
    setBusy(true);
    try {
      await post(`/api/approvals/${a.id}/${how}`);
      refreshAll();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section
      className="card"
      data-testid="approval"
      data-kind={a.kind}
      data-target={a.target}
      aria-label={label('approvalKind', a.kind)}
    >
      <h2>{label('approvalKind', a.kind)}</h2>
      <ApprovalChange approval={a} />
      <p className="muted small">
        {t('requestedBy', { name: a.requestedByName ?? '—' })} · <When at={a.requestedAt} />
      </p>
      <ErrorLine error={error} />
      {mine ? (
        <p className="warn-text" data-testid="approval-own">
          {t('approvalOwn')}
        </p>
      ) : (
        <div className="row">
          <button type="button" className="primary" disabled={busy} onClick={() => decide('approve')}>
            {t('approve')}
          </button>
          <button type="button" disabled={busy} onClick={() => decide('reject')}>
            {t('refuse')}
          </button>
        </div>
      )}
    </section>
  );
}

/** What would change, in words: the account and role, or the rule and the reason given. */
function ApprovalChange({ approval: a }: { approval: ApprovalWire }) {
  const t = useT();
  const label = useLabel();
  const users = useData<Account[]>(a.kind === 'user.role' ? '/api/users' : null);
  const rules = useData<Rule[]>(a.kind === 'rule.auto' ? '/api/rules' : null);
  const c = a.change;
  if (a.kind === 'rule.auto') {
    const rule = rules.data?.find((r) => r.ruleId === a.target);
    return (
      <dl className="fields">
        <dt>{t('rule')}</dt>
        {/* A rule's ground is worded in its calls' language: marked as such, after its category. */}
        <dd>
          {label('category', rule?.category)}
          {rule?.ground && (
            <>
              {' — '}
              <span lang={dataLang(rule.language)}>{rule.ground}</span>
            </>
          )}
        </dd>
        <dt>{t('judgment')}</dt>
        <dd>{label('judgment', c.judgment)}</dd>
        <dt>{t('reason')}</dt>
        <dd lang={scriptLang(c.reason)}>{c.reason ?? '—'}</dd>
      </dl>
    );
  }
  const account = a.kind === 'user.role' ? users.data?.find((u) => u.id === a.target) : undefined;
  return (
    <dl className="fields">
      <dt>{t('displayName')}</dt>
      <dd>{c.displayName ?? account?.displayName ?? '—'}</dd>
      <dt>{t('email')}</dt>
      <dd>{c.email ?? account?.email ?? '—'}</dd>
      <dt>{t('role')}</dt>
      <dd>
        {account && account.role !== c.role && <>{label('role', account.role)} → </>}
        {label('role', c.role)}
      </dd>
      {c.reason && (
        <>
          <dt>{t('reason')}</dt>
          <dd lang={scriptLang(c.reason)}>{c.reason}</dd>
        </>
      )}
    </dl>
  );
}
