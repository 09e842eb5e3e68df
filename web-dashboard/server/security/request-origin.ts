import { createMiddleware } from 'hono/factory';
import { KefuError } from '../../../core/errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Browsers send Content-Length: 0 on a bodiless POST; without either header, trust the stream. */
function hasBody(req: Request): boolean {
  const length = req.headers.get('content-length');
  if (length !== null) return length !== '0';
  return req.headers.has('transfer-encoding') || req.body !== null;
}

/**
 * State-changing API requests (sign-in included, which has no session and so no CSRF token yet)
 * must come from this site: a browser's Origin, when sent, must name our own host, a
 * `Sec-Fetch-Site: cross-site` is refused, and a body must be JSON — which a cross-site form or
 * a no-preflight fetch cannot send. Closes login CSRF (a text/plain form signing the victim in).
 */
export function sameSiteWrites(trustProxy: boolean) {
  return createMiddleware(async (c, next) => {
    if (SAFE.has(c.req.method) || !c.req.path.startsWith('/api/')) return next();
    const refuse = (why: string) => {
      throw new KefuError('CSRF_INVALID', `State-changing requests must come from this site: ${why}.`);
    };
    if (c.req.header('sec-fetch-site') === 'cross-site') refuse('the browser says it is cross-site');
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      const host = (trustProxy && c.req.header('x-forwarded-host')) || c.req.header('host') || new URL(c.req.url).host;
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      if (originHost !== host) refuse('the Origin header names another site');
    }
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (hasBody(c.req.raw) && type !== 'application/json') refuse('a request body must be application/json');
    return next();
  });
}
