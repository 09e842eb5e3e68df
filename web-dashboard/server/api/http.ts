import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { KefuError, RetryLaterError, type ErrorCode } from '../../../core/errors.js';

const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  INPUT_INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  SIGNATURE_INVALID: 401,
  WEBHOOK_DISABLED: 503,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CLAIM_EXPIRED: 409,
  APPEAL_WINDOW_CLOSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 423,
  DUTY_SEPARATION: 403,
  PASSWORD_WRONG: 403,
  RANGE_NOT_SATISFIABLE: 416,
};

/**
 * Keys of `T`, at any depth, that the schema's input `I` does not name: what the allow-list
 * would drop. A server type that gains a field its wire schema lacks is a type error at `ok()`,
 * so a field meant for the client is never silently lost; one not in the type (a new column
 * under `select *`) is dropped at run time.
 */
type KeyOfAny<U> = U extends unknown ? keyof U : never;
type ValueAt<U, K> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;

export type Unnamed<T, I, P extends string = ''> = unknown extends I
  ? never
  : T extends Date | string | number | boolean | bigint | null | undefined
    ? never
    : T extends readonly (infer E)[]
      ? NonNullable<I> extends readonly (infer F)[]
        ? Unnamed<E, F, P>
        : never
      : {
          [K in keyof T & string]-?: K extends KeyOfAny<NonNullable<I>>
            ? Unnamed<T[K], ValueAt<NonNullable<I>, K>, `${P}${K}.`>
            : `${P}${K}`;
        }[keyof T & string];

/** Nothing more when every key of `T` is named by the schema; otherwise a demand naming the gaps. */
export type Named<T, S extends z.ZodType> = [Unnamed<T, z.input<S>>] extends [never]
  ? unknown
  : { 'the wire schema does not name': Unnamed<T, z.input<S>> };

/**
 * Every answer is built through its wire schema from core/ (an allow-list): zod keeps the keys
 * the schema names and drops the rest, so a column added to a table reaches no client until a
 * schema names it (decision 0176).
 */
export function ok<S extends z.ZodType, T extends z.input<S>>(
  c: Context,
  schema: S,
  data: T & Named<T, S>,
  status: ContentfulStatusCode = 200,
) {
  return c.json({ ok: true as const, data: schema.parse(data) as z.output<S> }, status);
}

/** KefuErrors keep their code; anything else is a 500 whose details stay in the server log. */
export function sendError(c: Context, err: unknown) {
  if (err instanceof KefuError) {
    if (err instanceof RetryLaterError) c.header('retry-after', String(err.retryAfterSeconds));
    return c.json({ ok: false as const, error: err.toJSON() }, STATUS[err.code] ?? 500);
  }
  // Name, driver code and stack frames only: messages can quote the raw input that caused them.
  const e = err instanceof Error ? err : new Error(String(err));
  const frames = e.stack?.split('\n').filter((l) => l.trimStart().startsWith('at ')) ?? [];
  console.error(
    `api: unexpected ${e.name}${(e as { code?: string }).code ? ` (${(e as { code?: string }).code})` : ''}`,
    frames.slice(0, 8).join('\n'),
  );
  return c.json({ ok: false as const, error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } }, 500);
}

// A NUL cannot be stored in Postgres text, and a lone UTF-16 surrogate is not text at all.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point
const NOT_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first string (or key) in `value` that is not storable text, if any. */
function findBadText(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return NOT_TEXT.test(value) ? path.join('.') || '(body)' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (NOT_TEXT.test(k)) return [...path, '(key)'].join('.');
    const bad = findBadText(v, [...path, k]);
    if (bad) return bad;
  }
  return undefined;
}

/**
 * Parses with a zod schema; a failure names every bad field, never echoing the values. Every
 * string is checked first: NUL bytes and lone surrogates are refused here, at the one boundary,
 * rather than failing later in the database as a 500.
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const bad = findBadText(value);
  if (bad) throw new KefuError('INPUT_INVALID', `${bad}: contains a NUL byte or an unpaired surrogate`);
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
