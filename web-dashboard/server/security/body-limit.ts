import { createMiddleware } from 'hono/factory';
import { bodyLimit } from 'hono/body-limit';
import { KefuError } from '../../../core/errors.js';
import type { SecurityOptions } from './options.js';

const kib = (bytes: number) => `${Math.floor(bytes / 1024)} KiB`;

function limit(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new KefuError('PAYLOAD_TOO_LARGE', `Request bodies here are limited to ${kib(maxSize)}.`);
    },
  });
}

/**
 * Every request body is counted while it is read and refused with 413 past its route's limit,
 * before anything parses it: small for sign-in, large only where appeals and a promise's proofs
 * carry attachments (those routes keep their own, tighter, limits on the files themselves).
 * A declared Content-Length over the limit is refused before a byte is read.
 */
export function bodyLimits(limits: SecurityOptions['bodyLimits']) {
  const auth = limit(limits.auth);
  const appeals = limit(limits.appeals);
  const other = limit(limits.other);
  return createMiddleware(async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/auth/')) return auth(c, next);
    if (c.req.method === 'POST' && carriesAttachments(path)) return appeals(c, next);
    return other(c, next);
  });
}

const ATTACHMENT_ROUTES = [/^\/api\/appeals\/?$/, /^\/api\/promises\/[^/]+\/proofs\/?$/];
const carriesAttachments = (path: string) => ATTACHMENT_ROUTES.some((route) => route.test(path));
