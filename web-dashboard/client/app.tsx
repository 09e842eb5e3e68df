import { useEffect, useState } from 'react';
import { ApiError, get, post, setCsrfToken } from './api.js';
import { initialLang, LangContext, useT, type Lang, type StringKey } from './i18n.js';
import { Link, match, navigate, useLocation } from './router.js';
import { homeFor, UserContext, type Role, type User } from './session.js';
import { SignInPage } from './pages/sign-in.js';
import { LiveCallPage } from './pages/live-call.js';
import { CallsPage } from './pages/calls.js';
import { CallDetailPage } from './pages/call-detail.js';
import { MerchantFlagsPage } from './pages/merchant-flags.js';
import { QueuePage } from './pages/queue.js';
import { CasePage } from './pages/case.js';
import { AppealsPage } from './pages/appeals.js';
import { AppealPage } from './pages/appeal.js';
import { AdminPage } from './pages/admin.js';

type Page = { pattern: string; roles: Role[]; nav?: StringKey; render: (p: Record<string, string>) => React.ReactNode };

const REVIEWERS: Role[] = ['moderator', 'admin'];
const PAGES: Page[] = [
  { pattern: '/live', roles: ['merchant_staff'], nav: 'navLive', render: () => <LiveCallPage /> },
  { pattern: '/calls', roles: ['merchant_staff'], nav: 'navCalls', render: () => <CallsPage /> },
  { pattern: '/calls/:id', roles: ['merchant_staff', ...REVIEWERS], render: (p) => <CallDetailPage id={p.id!} /> },
  { pattern: '/flags', roles: ['merchant_staff'], nav: 'navFlags', render: () => <MerchantFlagsPage /> },
  { pattern: '/queue', roles: REVIEWERS, nav: 'navQueue', render: () => <QueuePage /> },
  { pattern: '/cases/:id', roles: REVIEWERS, render: (p) => <CasePage id={p.id!} /> },
  { pattern: '/appeals', roles: REVIEWERS, nav: 'navAppeals', render: () => <AppealsPage /> },
  { pattern: '/appeals/:id', roles: REVIEWERS, render: (p) => <AppealPage id={p.id!} /> },
  { pattern: '/admin', roles: ['admin'], nav: 'navAdmin', render: () => <AdminPage /> },
];

export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [lang, setLang] = useState<Lang>(() => initialLang());
  const { path } = useLocation();

  useEffect(() => {
    get<User & { csrfToken: string }>('/api/auth/me').then(
      ({ csrfToken, ...u }) => {
        setCsrfToken(csrfToken);
        setUser(u);
      },
      () => setUser(null),
    );
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const signedIn = (u: User, csrf: string) => {
    setCsrfToken(csrf);
    if (!localStorage.getItem('kefu.lang')) setLang(initialLang(u.locale));
    setUser(u);
    navigate(homeFor(u.role));
  };
  const toggleLang = () => {
    const next = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('kefu.lang', next);
    setLang(next);
  };

  if (user === undefined) return null;
  return (
    <LangContext.Provider value={lang}>
      {user === null ? (
        <SignInPage onSignedIn={signedIn} onToggleLang={toggleLang} />
      ) : (
        <UserContext.Provider value={user}>
          <Shell user={user} path={path} onToggleLang={toggleLang} onSignOut={() => setUser(null)} />
        </UserContext.Provider>
      )}
    </LangContext.Provider>
  );
}

function Shell({
  user,
  path,
  onToggleLang,
  onSignOut,
}: {
  user: User;
  path: string;
  onToggleLang: () => void;
  onSignOut: () => void;
}) {
  const t = useT();
  const mine = PAGES.filter((p) => p.roles.includes(user.role));
  const found = mine.map((p) => ({ p, params: match(p.pattern, path) })).find((m) => m.params);
  useEffect(() => {
    if (!found) navigate(homeFor(user.role));
  }, [found, user.role]);
  const signOut = async () => {
    await post('/api/auth/logout').catch((e: unknown) => {
      if (!(e instanceof ApiError)) throw e;
    });
    history.replaceState(null, '', '/');
    onSignOut();
  };
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <strong className="brand">{t('appName')}</strong>
        <nav aria-label="main">
          {mine
            .filter((p) => p.nav)
            .map((p) => (
              <Link key={p.pattern} href={p.pattern} aria-current={path.startsWith(p.pattern) ? 'page' : undefined}>
                {t(p.nav!)}
              </Link>
            ))}
        </nav>
        <span className="who">{user.displayName}</span>
        <button type="button" onClick={onToggleLang} title={t('language')}>
          {t('switchLang')}
        </button>
        <button type="button" onClick={signOut}>
          {t('signOut')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {found?.p.render(found.params!)}
      </main>
    </>
  );
}
