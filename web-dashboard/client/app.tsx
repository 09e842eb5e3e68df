import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, get, post, setCsrfToken } from './api.js';
import { hasChosenLang, setLang, useLang, useT, type StringKey } from './i18n.js';
import { AccountPage } from './pages/account.js';
import { AdminPage } from './pages/admin.js';
import { AppealPage } from './pages/appeal.js';
import { AppealsPage } from './pages/appeals.js';
import { ApprovalsPage } from './pages/approvals.js';
import { AuditPage } from './pages/audit.js';
import { CallDetailPage } from './pages/call-detail.js';
import { CallsPage } from './pages/calls.js';
import { CasePage } from './pages/case.js';
import { LiveCallPage } from './pages/live-call.js';
import { MerchantFlagsPage } from './pages/merchant-flags.js';
import { NotFoundPage } from './pages/not-found.js';
import { PromisesPage } from './pages/promises.js';
import { QueuePage } from './pages/queue.js';
import { SignInPage } from './pages/sign-in.js';
import { StandingPage } from './pages/standing.js';
import { UsersPage } from './pages/users.js';
import { Link, match, navigate, useLocation } from './router.js';
import { homeFor, UserContext, type Role, type User } from './session.js';
import { queryClient } from './use-data.js';

type Page = { pattern: string; roles: Role[]; nav?: StringKey; render: (p: Record<string, string>) => React.ReactNode };

const REVIEWERS: Role[] = ['moderator', 'admin'];
const PAGES: Page[] = [
  { pattern: '/live', roles: ['merchant_staff'], nav: 'navLive', render: () => <LiveCallPage /> },
  { pattern: '/calls', roles: ['merchant_staff', ...REVIEWERS], nav: 'navCalls', render: () => <CallsPage /> },
  { pattern: '/calls/:id', roles: ['merchant_staff', ...REVIEWERS], render: (p) => <CallDetailPage id={p.id!} /> },
  { pattern: '/promises', roles: ['merchant_staff'], nav: 'ledger', render: () => <PromisesPage /> },
  { pattern: '/flags', roles: ['merchant_staff'], nav: 'navFlags', render: () => <MerchantFlagsPage /> },
  { pattern: '/standing', roles: ['merchant_staff'], nav: 'navStanding', render: () => <StandingPage /> },
  { pattern: '/queue', roles: REVIEWERS, nav: 'navQueue', render: () => <QueuePage /> },
  { pattern: '/cases/:id', roles: REVIEWERS, render: (p) => <CasePage id={p.id!} /> },
  { pattern: '/appeals', roles: REVIEWERS, nav: 'navAppeals', render: () => <AppealsPage /> },
  { pattern: '/appeals/:id', roles: REVIEWERS, render: (p) => <AppealPage id={p.id!} /> },
  { pattern: '/merchants/:id', roles: REVIEWERS, render: (p) => <StandingPage merchantId={p.id!} /> },
  { pattern: '/admin', roles: ['admin'], nav: 'navAdmin', render: () => <AdminPage /> },
  { pattern: '/users', roles: ['admin'], nav: 'navUsers', render: () => <UsersPage /> },
  { pattern: '/approvals', roles: ['admin'], nav: 'navApprovals', render: () => <ApprovalsPage /> },
  { pattern: '/audit', roles: ['admin'], nav: 'navAudit', render: () => <AuditPage /> },
  {
    pattern: '/account',
    roles: ['merchant_staff', ...REVIEWERS],
    nav: 'navAccount',
    render: () => <AccountPage />,
  },
];

/** Whether a path is one of the role's pages (a deep link opened before sign-in is kept). */
function pageFor(role: Role, path: string) {
  return PAGES.filter((p) => p.roles.includes(role))
    .map((p) => ({ p, params: match(p.pattern, path) }))
    .find((m) => m.params);
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Root />
    </QueryClientProvider>
  );
}

function Root() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    get<User & { csrfToken: string }>('/api/auth/me').then(
      ({ csrfToken, ...u }) => {
        setCsrfToken(csrfToken);
        setUser(u);
      },
      () => setUser(null),
    );
  }, []);

  const signedIn = (u: User, csrf: string) => {
    setCsrfToken(csrf);
    if (!hasChosenLang()) setLang(u.locale.toLowerCase().startsWith('zh') ? 'zh' : 'en', false);
    queryClient.clear();
    setUser(u);
    // A deep link opened before signing in survives it; anything else goes to the role's home.
    if (location.pathname === '/' || !pageFor(u.role, location.pathname)) navigate(homeFor(u.role));
  };

  if (user === undefined) return null;
  if (user === null) return <SignInPage onSignedIn={signedIn} />;
  return (
    <UserContext.Provider value={user}>
      <Shell user={user} onSignOut={() => setUser(null)} />
    </UserContext.Provider>
  );
}

export function LangToggle() {
  const t = useT();
  const lang = useLang();
  return (
    // The other language's name, in that language ("English", "中文"): marked as such.
    <button
      type="button"
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      title={t('language')}
    >
      {t('switchLang')}
    </button>
  );
}

function Shell({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const t = useT();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const found = pageFor(user.role, path);
  useEffect(() => {
    if (path === '/') navigate(homeFor(user.role));
    setMenuOpen(false);
  }, [path, user.role]);
  const signOut = async () => {
    await post('/api/auth/logout').catch((e: unknown) => {
      if (!(e instanceof ApiError)) throw e;
    });
    history.replaceState(null, '', '/');
    queryClient.clear();
    onSignOut();
  };
  const nav = PAGES.filter((p) => p.nav && p.roles.includes(user.role));
  return (
    <>
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <header className="top">
        <strong className="brand">{t('appName')}</strong>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t('menu')}
        </button>
        <nav id="main-nav" aria-label="main" className={menuOpen ? 'open' : undefined}>
          {nav.map((p) => (
            <Link
              key={p.pattern}
              href={p.pattern}
              aria-current={path === p.pattern || path.startsWith(`${p.pattern}/`) ? 'page' : undefined}
            >
              {t(p.nav!)}
            </Link>
          ))}
        </nav>
        <span className="tools">
          <span className="who">{user.displayName}</span>
          <LangToggle />
          <button type="button" onClick={signOut}>
            {t('signOut')}
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {found ? found.p.render(found.params!) : path === '/' ? null : <NotFoundPage home={homeFor(user.role)} />}
      </main>
    </>
  );
}
