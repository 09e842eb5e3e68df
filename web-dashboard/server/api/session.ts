import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { KefuError } from '../../../core/errors.js';
import { authenticate, csrfMatches } from '../../../pipelines/auth/sessions.js';
import type { ApiDeps, ApiEnv } from './context.js';

export const SESSION_COOKIE = 'kefu_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The only routes a stranger may call. */
const PUBLIC = new Set(['POST /api/auth/login']);

/**
 * Every API request but sign-in needs a live session; every state change also needs the
 * session's CSRF token in a header, which another site's form or fetch cannot read or send.
 */
export const requireSession = (deps: ApiDeps) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const session = await authenticate(deps.sql, getCookie(c, SESSION_COOKIE));
    c.set('session', session);
    if (PUBLIC.has(`${c.req.method} ${c.req.path}`)) return next();
    if (!session) throw new KefuError('UNAUTHENTICATED', 'Sign in first (POST /api/auth/login).');
    if (!SAFE.has(c.req.method) && !csrfMatches(session, c.req.header(CSRF_HEADER))) {
      throw new KefuError(
        'CSRF_INVALID',
        `State-changing requests need the session's CSRF token in the ${CSRF_HEADER} header.`,
      );
    }
    return next();
  });
