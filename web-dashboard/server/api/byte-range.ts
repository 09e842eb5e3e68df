import type { Context } from 'hono';
import { KefuError } from '../../../core/errors.js';

/**
 * The one byte range of `size` bytes a `Range` header asks for (RFC 9110 §14.1.2): `bytes=a-b`,
 * `bytes=a-` or `bytes=-n`. Undefined means "send it all" (no header, another unit, or several
 * ranges, which a server may answer whole); a range wholly past the end is RANGE_NOT_SATISFIABLE.
 */
export function parseByteRange(header: string | undefined, size: number): [number, number] | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const [first, last] = [m[1] === '' ? undefined : Number(m[1]), m[2] === '' ? undefined : Number(m[2])];
  const [start, end] =
    first === undefined ? [Math.max(0, size - last!), size - 1] : [first, Math.min(last ?? size - 1, size - 1)];
  if (first !== undefined && last !== undefined && last < first) return undefined;
  if (start >= size || (first === undefined && last === 0)) {
    throw new KefuError('RANGE_NOT_SATISFIABLE', `bytes ${header} lie outside the ${size} bytes there are`);
  }
  return [start, end];
}

/** The bytes whole (200) or the asked range (206); a range past the end is 416 with the real size. */
export function sendBytes(c: Context, bytes: Buffer, contentType: string, headers: Record<string, string> = {}) {
  const common = { 'content-type': contentType, 'accept-ranges': 'bytes', ...headers };
  let range: [number, number] | undefined;
  try {
    range = parseByteRange(c.req.header('range'), bytes.length);
  } catch (err) {
    c.header('content-range', `bytes */${bytes.length}`);
    throw err;
  }
  if (!range) return c.body(new Uint8Array(bytes), 200, { ...common, 'content-length': String(bytes.length) });
  const [start, end] = range;
  return c.body(new Uint8Array(bytes.subarray(start, end + 1)), 206, {
    ...common,
    'content-range': `bytes ${start}-${end}/${bytes.length}`,
    'content-length': String(end - start + 1),
  });
}
