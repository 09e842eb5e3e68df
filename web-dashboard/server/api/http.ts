import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { KefuError, type ErrorCode } from '../../../core/errors.js';

const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  INPUT_INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CLAIM_EXPIRED: 409,
  APPEAL_WINDOW_CLOSED: 409,
  RANGE_NOT_SATISFIABLE: 416,
};

export function ok<T>(c: Context, data: T, status: ContentfulStatusCode = 200) {
  return c.json({ ok: true as const, data }, status);
}

/** KefuErrors keep their code; anything else is a 500 whose details stay in the server log. */
export function sendError(c: Context, err: unknown) {
  if (err instanceof KefuError) {
    return c.json({ ok: false as const, error: err.toJSON() }, STATUS[err.code] ?? 500);
  }
  console.error('api: unexpected error', err);
  return c.json({ ok: false as const, error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } }, 500);
}

/** Parses with a zod schema; a failure names every bad field, never echoing the values. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  throw new KefuError('INPUT_INVALID', fields.join('; '));
}

export async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new KefuError('INPUT_INVALID', '(body): expected a JSON object');
  }
}
