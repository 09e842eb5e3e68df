import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { signIn, signOut } from '../../../../pipelines/auth/sessions.js';
import type { ApiDeps, ApiEnv } from '../../api/context.js';
import { jsonBody, ok, parse } from '../../api/http.js';
import { SESSION_COOKIE } from '../../api/session.js';
import { LoginSchema } from './schema.js';

/** Sign-in sets the httpOnly session cookie and returns the CSRF token the client sends back. */
export function authRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();

  r.post('/login', async (c) => {
    const { email, password } = parse(LoginSchema, await jsonBody(c));
    const s = await signIn(deps.sql, email, password);
    setCookie(c, SESSION_COOKIE, s.token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      expires: s.expiresAt,
      secure: new URL(c.req.url).protocol === 'https:',
    });
    return ok(c, { user: s.user, csrfToken: s.csrfToken, expiresAt: s.expiresAt });
  });

  r.post('/logout', async (c) => {
    await signOut(deps.sql, c.get('session')!);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return ok(c, { signedOut: true });
  });

  r.get('/me', (c) => {
    const { sessionId: _id, ...s } = c.get('session')!;
    return ok(c, s);
  });

  return r;
}
