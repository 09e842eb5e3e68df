import { Fragment, useState } from 'react';
import type { ApprovalWire } from '../../../core/approvals.js';
import {
  EmptyFiltered,
  Filters,
  FilterSearch,
  FilterSelect,
  Pager,
  PAGE_SIZE,
  usePage,
} from '../components/list-tools.js';
import { Status } from '../components/status.js';
import { type UserAction, UserActionPanel } from '../components/user-action.js';
import { useLabel, useT } from '../i18n.js';
import { useUser } from '../session.js';
import { useSearchState } from '../router.js';
import { useData } from '../use-data.js';

export interface Account {
  id: string;
  email: string;
  displayName: string;
  role: string;
  merchantId: string | null;
  locale: string;
  /** A sign-in lockout waiting for an admin to lift it. */
  locked: boolean;
}

/**
 * Every account with its role, merchant and lockout, and what an admin does to another account:
 * change its role (a reviewer role waits for a second admin), lift a lockout, issue a temporary
 * password. Each asks a reason for the audit log and a confirmation; nobody acts on their own.
 */
export function UsersPage() {
  const t = useT();
  const label = useLabel();
  const me = useUser();
  const users = useData<Account[]>('/api/users');
  const merchants = useData<{ id: string; name: string }[]>('/api/merchants');
  const approvals = useData<ApprovalWire[]>('/api/approvals');
  const awaiting = new Set(approvals.data?.filter((a) => a.kind === 'user.role').map((a) => a.target));
  const [open, setOpen] = useState<{ id: string; action: UserAction } | null>(null);
  const merchantName = (id: string | null) => (id ? (merchants.data?.find((m) => m.id === id)?.name ?? '…') : '—');
  // Searched, filtered and paged in the URL like every list (the whole list is one small request).
  const [query] = useSearchState();
  const { page } = usePage();
  const q = (query.get('q') ?? '').trim().toLowerCase();
  const matching = (users.data ?? []).filter(
    (u) =>
      (!q || u.displayName.toLowerCase().includes(q) || u.email.toLowerCase().includes(q)) &&
      (!query.get('role') || u.role === query.get('role')) &&
      (!query.get('merchantId') || u.merchantId === query.get('merchantId')) &&
      (!query.get('state') || u.locked === (query.get('state') === 'locked')),
  );
  const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <h1>{t('navUsers')}</h1>
      <Filters lead={<FilterSearch placeholder={t('searchUsers')} />} fold={['role', 'merchantId', 'state']}>
        <FilterSelect
          name="role"
          label={t('role')}
          options={(['merchant_staff', 'moderator', 'admin'] as const).map((r) => [r, label('role', r)])}
        />
        <FilterSelect
          name="merchantId"
          label={t('merchant')}
          options={(merchants.data ?? []).map((m) => [m.id, m.name])}
        />
        <FilterSelect
          name="state"
          label={t('accountState')}
          options={[
            ['active', t('accountActive')],
            ['locked', t('accountLocked')],
          ]}
        />
      </Filters>
      <Status loading={users.loading} error={users.error} />
      {users.data && matching.length === 0 && <EmptyFiltered />}
      <div className="card">
        <table className="cards users">
          <thead>
            <tr>
              <th scope="col">{t('displayName')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('merchant')}</th>
              <th scope="col">{t('accountState')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => {
              const self = u.id === me.userId;
              const button = (action: UserAction, text: string) => (
                <button
                  type="button"
                  aria-expanded={open?.id === u.id && open.action === action}
                  onClick={() => setOpen(open?.id === u.id && open.action === action ? null : { id: u.id, action })}
                >
                  {text}
                </button>
              );
              return (
                <Fragment key={u.id}>
                  <tr data-testid="user-row" data-email={u.email}>
                    <td data-label={t('displayName')}>
                      {u.displayName}
                      {self && <span className="muted">{t('inParens', { x: t('you') })}</span>}
                    </td>
                    <td data-label={t('email')} className="break">
                      {u.email}
                    </td>
                    <td data-label={t('role')}>
                      {label('role', u.role)}{' '}
                      {awaiting.has(u.id) && <span className="badge">{t('awaitingApproval')}</span>}
                    </td>
                    <td data-label={t('merchant')}>{merchantName(u.merchantId)}</td>
                    <td data-label={t('accountState')}>
                      <span className={u.locked ? 'badge bad' : 'badge ok'}>
                        {u.locked ? t('accountLocked') : t('accountActive')}
                      </span>
                    </td>
                    {/* Someone else's row ends in one action row (no label on a phone); one's own says why there is none. */}
                    <td className={self ? undefined : 'actions'} data-label={self ? t('actions') : undefined}>
                      {self ? (
                        <span className="muted small">{t('ownAccountHint')}</span>
                      ) : (
                        <div className="row">
                          {button('role', t('changeRole'))}
                          {u.locked && button('unlock', t('unlock'))}
                          {button('reset', t('resetPassword'))}
                        </div>
                      )}
                    </td>
                  </tr>
                  {open?.id === u.id && (
                    <tr className="user-action">
                      <td colSpan={6}>
                        <UserActionPanel
                          account={u}
                          action={open.action}
                          merchants={merchants.data ?? []}
                          onClose={() => setOpen(null)}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={page} rows={matching.length - (page - 1) * PAGE_SIZE} />
    </>
  );
}
