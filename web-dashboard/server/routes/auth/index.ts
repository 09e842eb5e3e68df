import {
  FreshTokenWireSchema,
  OwnSessionWireSchema,
  RevokedWireSchema,
  SessionUserWireSchema,
  SignedInWireSchema,
  SignedOutWireSchema,
} from '../../../../core/account-wire.js';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  changePassword,
  mySessions,
  PasswordChangeSchema,
  revokeMySessions,
} from '../../../../pipelines/auth/account.js';
import { signIn, signOut } from '../../../../pipelines/auth/sessions.js';
import type { ApiDeps, ApiEnv } from '../../api/context.js';
import { jsonBody, ok, parse } from '../../api/http.js';
import { SESSION_COOKIE } from '../../api/session.js';
import { clientInfo, isHttps } from '../../security/client.js';
import { LoginSchema } from './schema.js';

const HandleSchema = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'a session id from GET /api/auth/sessions') });

/** Sign-in sets the httpOnly session cookie and returns the CSRF token the client sends back. */
export function authRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();
  const { trustProxy } = deps.security;
  const setSession = (c: Context, s: { token: string; expiresAt: Date }) =>
    setCookie(c, SESSION_COOKIE, s.token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      expires: s.expiresAt,
      secure: isHttps(c, trustProxy),
    });

  r.post('/login', async (c) => {
    const { email, password } = parse(LoginSchema, await jsonBody(c));
    const s = await signIn(deps.sql, email, password, clientInfo(c, trustProxy));
    setSession(c, s);
    return ok(c, SignedInWireSchema, { user: s.user, csrfToken: s.csrfToken, expiresAt: s.expiresAt });
  });

  r.post('/logout', async (c) => {
    await signOut(deps.sql, c.get('session')!);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return ok(c, SignedOutWireSchema, { signedOut: true });
  });

  r.get('/me', (c) => {
    const { sessionId: _id, ...s } = c.get('session')!;
    return ok(c, SessionUserWireSchema, s);
  });

  // Every session of the user ends; the caller gets a fresh cookie and CSRF token.
  r.post('/password', async (c) => {
    const input = parse(PasswordChangeSchema, await jsonBody(c));
    const s = await changePassword(deps.sql, c.get('session')!, input, clientInfo(c, trustProxy));
    setSession(c, s);
    return ok(c, FreshTokenWireSchema, { csrfToken: s.csrfToken, expiresAt: s.expiresAt });
  });

  r.get('/sessions', async (c) => ok(c, z.array(OwnSessionWireSchema), await mySessions(deps.sql, c.get('session')!)));

  r.post('/sessions/revoke-others', async (c) =>
    ok(c, RevokedWireSchema, { revoked: await revokeMySessions(deps.sql, c.get('session')!, 'others') }),
  );

  r.post('/sessions/:id/revoke', async (c) => {
    const { id } = parse(HandleSchema, c.req.param());
    return ok(c, RevokedWireSchema, { revoked: await revokeMySessions(deps.sql, c.get('session')!, id) });
  });

  return r;
}
