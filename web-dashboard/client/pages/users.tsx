import { Status } from '../components/status.js';
import { useLabel, useT } from '../i18n.js';
import { useData } from '../use-data.js';

interface Account {
  id: string;
  email: string;
  displayName: string;
  role: string;
  merchantId: string | null;
  locale: string;
}

/** Every account with its role and merchant (admins; changes go through PUT /api/users/:id). */
export function UsersPage() {
  const t = useT();
  const label = useLabel();
  const users = useData<Account[]>('/api/users');
  const merchants = useData<{ id: string; name: string }[]>('/api/merchants');
  const merchantName = (id: string | null) => (id ? (merchants.data?.find((m) => m.id === id)?.name ?? '…') : '—');
  return (
    <>
      <h1>{t('navUsers')}</h1>
      <Status loading={users.loading} error={users.error} />
      <div className="card">
        <table className="cards">
          <thead>
            <tr>
              <th scope="col">{t('displayName')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('merchant')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((u) => (
              <tr key={u.id} data-testid="user-row">
                <td data-label={t('displayName')}>{u.displayName}</td>
                <td data-label={t('email')}>{u.email}</td>
                <td data-label={t('role')}>{label('role', u.role)}</td>
                <td data-label={t('merchant')}>{merchantName(u.merchantId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
