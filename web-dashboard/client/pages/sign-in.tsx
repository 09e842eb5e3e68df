import { useState, type FormEvent } from 'react';
import { post } from '../api.js';
import { LangToggle } from '../app.js';
import { useErrorText, useT } from '../i18n.js';
import type { User } from '../session.js';

const DEMO = [
  'fruit@demo.kefu',
  'appliance@demo.kefu',
  'gadgets@demo.kefu',
  'mod1@demo.kefu',
  'mod2@demo.kefu',
  'admin@demo.kefu',
  'admin2@demo.kefu',
];
const DEMO_PASSWORD = 'kefu-demo';

export function SignInPage({ onSignedIn }: { onSignedIn: (u: User, csrf: string) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const { user, csrfToken } = await post<{ user: User; csrfToken: string }>('/api/auth/login', { email, password });
      onSignedIn(user, csrfToken);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <main id="main" className="signin">
      <div className="row spread">
        <h1>{t('appName')}</h1>
        <LangToggle />
      </div>
      <form onSubmit={submit} className="card" aria-labelledby="signin-title">
        <h2 id="signin-title">{t('signIn')}</h2>
        <label>
          {t('email')}
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t('password')}
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          {t('signIn')}
        </button>
      </form>
      <section className="card" aria-labelledby="demo-title">
        <h2 id="demo-title">{t('demoUsers')}</h2>
        <p className="muted">
          {/* Typed as is: not words of either language. */}
          {t('password')}
          {t('colon')}
          <code translate="no">{DEMO_PASSWORD}</code>
        </p>
        <ul className="plain">
          {DEMO.map((d) => (
            <li key={d}>
              <button
                type="button"
                className="link tap"
                onClick={() => {
                  setEmail(d);
                  setPassword(DEMO_PASSWORD);
                }}
              >
                {d}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
