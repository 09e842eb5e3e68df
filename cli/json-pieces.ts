/**
 * A value's JSON text in pieces, byte for byte what `JSON.stringify(value)` returns, so a large
 * result (a long call's flags, thousands of analyses) is printed without ever holding its whole
 * text: plain objects and arrays are opened `depth` levels down, and each value below that is
 * stringified on its own.
 */
export function* jsonPieces(value: unknown, depth = 2): Generator<string> {
  if (depth > 0 && Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const v: unknown = value[i];
      // JSON.stringify writes null for what it cannot represent inside an array.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
      else yield* jsonPieces(v, depth - 1);
    }
    yield ']';
    return;
  }
  if (depth > 0 && isPlainObject(value)) {
    yield '{';
    let first = true;
    for (const key of Object.keys(value)) {
      const v = value[key];
      // …and leaves such a member out of an object.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonPieces(v, depth - 1);
    }
    yield '}';
    return;
  }
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('jsonPieces: the value has no JSON text');
  yield text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  // An object with its own toJSON is written as that returns, which JSON.stringify decides.
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Joins pieces into chunks of about `size` characters: one write per chunk, not per piece. */
export function* chunked(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
