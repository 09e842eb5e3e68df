import type { Hono } from 'hono';
import { sendError } from '../api/http.js';
import { bodyLimits } from './body-limit.js';
import type { SecurityOptions } from './options.js';

/** The app-wide guards every request passes before any route: see docs/threat-model.md. */
export function applySecurity(app: Hono, options: SecurityOptions): void {
  app.onError((err, c) => sendError(c, err));
  app.use('*', bodyLimits(options.bodyLimits));
}
