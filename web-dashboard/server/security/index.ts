import type { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { sendError } from '../api/http.js';
import { bodyLimits } from './body-limit.js';
import type { SecurityOptions } from './options.js';
import { sameSiteWrites } from './request-origin.js';

/** API answers are per-user and often personal: no cache, shared or private, may keep them. */
const noStore = createMiddleware(async (c, next) => {
  await next();
  if (c.req.path.startsWith('/api/')) c.header('cache-control', 'no-store');
});

/** The app-wide guards every request passes before any route: see docs/threat-model.md. */
export function applySecurity(app: Hono, options: SecurityOptions): void {
  app.onError((err, c) => sendError(c, err));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The landing page and React's style props; no script may be inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      xContentTypeOptions: 'nosniff',
      referrerPolicy: 'no-referrer',
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use('*', noStore);
  app.use('*', sameSiteWrites(options.trustProxy));
  app.use('*', bodyLimits(options.bodyLimits));
}
