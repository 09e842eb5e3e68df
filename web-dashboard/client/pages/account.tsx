import { useState, type FormEvent } from 'react';
import { post, setCsrfToken } from '../api.js';
import { ErrorLine, Status } from '../components/status.js';
import { useT, When } from '../i18n.js';
import { refreshAll, useData } from '../use-data.js';

interface SessionRow {
  id: string;
  createdAt: string;
  expiresAt: string;
  address: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The signed-in person's own security: change the password, see where they are signed in, end sessions. */
export function AccountPage() {
  const t = useT();
  return (
    <>
      <h1>{t('navAccount')}</h1>
      <PasswordForm />
      <Sessions />
    </>
  );
}

function PasswordForm() {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const [currentPassword, newPassword, again] = ['current', 'next', 'again'].map((k) => String(form.get(k) ?? ''));
    setDone(false);
    setError(null);
    setMismatch(newPassword !== again);
    if (newPassword !== again) return;
    try {
      // Every session ends, this one too; the answer carries this browser's new CSRF token.
      const s = await post<{ csrfToken: string }>('/api/auth/password', { currentPassword, newPassword });
      setCsrfToken(s.csrfToken);
      (e.target as HTMLFormElement).reset();
      setDone(true);
      refreshAll();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('changePassword')}</h2>
      <form onSubmit={submit} data-testid="password-form">
        <label>
          {t('currentPassword')}
          <input type="password" name="current" autoComplete="current-password" required />
        </label>
        <label>
          {t('newPassword')}
          <input type="password" name="next" autoComplete="new-password" minLength={10} required />
        </label>
        <label>
          {t('newPasswordAgain')}
          <input type="password" name="again" autoComplete="new-password" minLength={10} required />
        </label>
        <p className="muted small">{t('passwordHint')}</p>
        {mismatch && (
          <p role="alert" className="error">
            {t('passwordsDiffer')}
          </p>
        )}
        <ErrorLine error={error} />
        {done && <p role="status">{t('passwordChanged')}</p>}
        <div className="row">
          <button type="submit" className="primary">
            {t('changePassword')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Sessions() {
  const t = useT();
  const sessions = useData<SessionRow[]>('/api/auth/sessions');
  const [error, setError] = useState<unknown>(null);
  const end = async (path: string) => {
    try {
      await post(path);
      refreshAll();
    } catch (e) {
      setError(e);
    }
  };
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('sessions')}</h2>
      <Status loading={sessions.loading} error={sessions.error} />
      <ErrorLine error={error} />
      <table className="cards">
        <thead>
          <tr>
            <th scope="col">{t('signedInAt')}</th>
            <th scope="col">{t('device')}</th>
            <th scope="col">{t('expires')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.data?.map((s) => (
            <tr key={s.id} data-testid="session-row" data-current={s.current}>
              <td data-label={t('signedInAt')}>
                <When at={s.createdAt} />
              </td>
              <td data-label={t('device')} className="wrap-anywhere">
                {s.address ?? '—'}
                <div className="muted small" title={s.userAgent ?? undefined} translate="no">
                  {deviceOf(s.userAgent)}
                </div>
              </td>
              <td data-label={t('expires')}>
                <When at={s.expiresAt} />
              </td>
              <td data-label={t('actions')}>
                {s.current ? (
                  <span className="badge ok">{t('thisSession')}</span>
                ) : (
                  <button type="button" onClick={() => end(`/api/auth/sessions/${s.id}/revoke`)}>
                    {t('endSession')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {others > 0 && (
        <div className="row">
          <button type="button" onClick={() => end('/api/auth/sessions/revoke-others')}>
            {t('endOtherSessions')}
          </button>
        </div>
      )}
    </section>
  );
}

/**
 * A browser's user-agent string as a person recognises it ("Chrome · Windows"): product names,
 * kept as they are in either language; the whole string is in the tooltip.
 */
const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/(?:Headless)?Chrom(?:e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS/, 'macOS'],
  [/Android/, 'Android'],
  [/Linux/, 'Linux'],
];
function deviceOf(ua: string | null): string {
  if (!ua) return '—';
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  return [browser, system].filter(Boolean).join(' · ') || ua;
}
