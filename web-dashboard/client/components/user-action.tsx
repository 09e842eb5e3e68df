import { useState } from 'react';
import type { ApprovalRequired } from '../../../core/approvals.js';
import { UserRoleSchema } from '../../../core/domain.js';
import { post, put } from '../api.js';
import { useLabel, useT } from '../i18n.js';
import type { Account } from '../pages/users.js';
import { Link } from '../router.js';
import { refreshAll } from '../use-data.js';
import { ErrorLine } from './status.js';

export type UserAction = 'role' | 'unlock' | 'reset';

type Done = { kind: 'changed' | 'awaiting' | 'unlocked' | 'notLocked' } | { kind: 'password'; password: string };

/**
 * One admin action on another account: the choice (role and merchant), a reason for the audit log,
 * then a confirmation that says what will happen (sessions end, a second admin must approve).
 */
export function UserActionPanel({
  account,
  action,
  merchants,
  onClose,
}: {
  account: Account;
  action: UserAction;
  merchants: { id: string; name: string }[];
  onClose: () => void;
}) {
  const t = useT();
  const label = useLabel();
  const [role, setRole] = useState(account.role);
  const [merchantId, setMerchantId] = useState(account.merchantId ?? '');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(action !== 'role');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Done | null>(null);
  const staff = role === 'merchant_staff';
  const changed = role !== account.role || (staff && merchantId !== (account.merchantId ?? ''));
  const ready = reason.trim() !== '' && (action !== 'role' || (changed && (!staff || merchantId !== '')));
  const reviewerGrant = role !== account.role && role !== 'merchant_staff';
  const nameOf = (id: string | null) => merchants.find((m) => m.id === id)?.name ?? '—';

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if (action === 'role') {
        const r = await put<object | ApprovalRequired>(`/api/users/${account.id}`, {
          role,
          merchantId: staff ? merchantId : null,
          displayName: account.displayName,
          reason: reason.trim(),
        });
        setDone({ kind: 'approvalRequired' in r ? 'awaiting' : 'changed' });
      } else if (action === 'unlock') {
        const r = await post<{ wasLocked: boolean }>(`/api/users/${account.id}/unlock`, { reason: reason.trim() });
        setDone({ kind: r.wasLocked ? 'unlocked' : 'notLocked' });
      } else {
        const r = await post<{ temporaryPassword: string }>(`/api/users/${account.id}/password-reset`, {
          reason: reason.trim(),
        });
        setDone({ kind: 'password', password: r.temporaryPassword });
      }
      refreshAll();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (done) return <DoneNote done={done} onClose={onClose} />;
  return (
    <div className="switch user-panel" data-testid="user-action" data-action={action}>
      {action === 'role' && (
        <div className="row">
          <label>
            {t('newRole')}
            <select name="role" value={role} disabled={confirming} onChange={(e) => setRole(e.target.value)}>
              {UserRoleSchema.options.map((r) => (
                <option key={r} value={r}>
                  {label('role', r)}
                </option>
              ))}
            </select>
          </label>
          {staff && (
            <label>
              {t('merchant')}
              <select
                name="merchantId"
                value={merchantId}
                disabled={confirming}
                onChange={(e) => setMerchantId(e.target.value)}
              >
                <option value="">{t('chooseMerchant')}</option>
                {merchants.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
      <label>
        {t('actionReason')}
        <textarea
          rows={2}
          required
          maxLength={500}
          value={reason}
          placeholder={t('actionReasonHint')}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {confirming && (
        <div role="alert" className="warn-text" data-testid="user-confirm">
          {action === 'role' && (
            <>
              <p>
                {role === account.role ? (
                  t('confirmMove', {
                    name: account.displayName,
                    from: nameOf(account.merchantId),
                    to: nameOf(merchantId),
                  })
                ) : (
                  <>
                    {t('confirmRole', {
                      name: account.displayName,
                      from: label('role', account.role),
                      to: label('role', role),
                    })}{' '}
                    {staff && t('confirmMerchant', { merchant: nameOf(merchantId) })}
                  </>
                )}
              </p>
              <p>{reviewerGrant ? t('roleNeedsApproval') : t('roleEndsSessions')}</p>
            </>
          )}
          {action === 'unlock' && <p>{t('confirmUnlock', { name: account.displayName })}</p>}
          {action === 'reset' && <p>{t('confirmReset', { name: account.displayName })}</p>}
        </div>
      )}
      <ErrorLine error={error} />
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={!ready || busy}
          onClick={() => (confirming ? submit() : setConfirming(true))}
        >
          {confirming ? t('confirm') : t('nextStep')}
        </button>
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
      {!ready && reason.trim() === '' && <p className="muted small">{t('reasonMissing')}</p>}
      {action === 'role' && !changed && <p className="muted small">{t('roleUnchanged')}</p>}
    </div>
  );
}

function DoneNote({ done, onClose }: { done: Done; onClose: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="switch user-panel" data-testid="user-done" data-kind={done.kind}>
      {done.kind === 'password' ? (
        <>
          <p role="status">{t('temporaryPassword')}</p>
          <p className="row">
            <code data-testid="temporary-password">{done.password}</code>
            <button
              type="button"
              onClick={() => void navigator.clipboard?.writeText(done.password).then(() => setCopied(true))}
            >
              {copied ? t('copied') : t('copy')}
            </button>
          </p>
        </>
      ) : (
        <p role="status">
          {done.kind === 'changed' && t('roleChanged')}
          {done.kind === 'awaiting' && (
            <>
              {t('approvalSent')} <Link href="/approvals">{t('goToApprovals')}</Link>
            </>
          )}
          {done.kind === 'unlocked' && t('unlocked')}
          {done.kind === 'notLocked' && t('wasNotLocked')}
        </p>
      )}
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </div>
  );
}
