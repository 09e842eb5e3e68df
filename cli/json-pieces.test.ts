import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunked, jsonPieces } from './json-pieces.js';

const joined = (value: unknown, depth?: number) => [...jsonPieces(value, depth)].join('');

describe('jsonPieces', () => {
  it('joins to exactly what JSON.stringify writes, at any depth', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true }), fc.nat(4), (value, depth) => {
        const whole = JSON.stringify(value);
        if (whole === undefined) expect(() => joined(value, depth)).toThrow(TypeError);
        else expect(joined(value, depth)).toBe(whole);
      }),
    );
  });

  it('writes members JSON.stringify drops or nulls, dates and toJSON as it does', () => {
    const value = {
      a: undefined,
      f: () => 1,
      list: [undefined, () => 1, Symbol('s'), new Date(0), { toJSON: () => 'x' }, { b: [1, { c: undefined }] }],
      text: 'line\u2028\u202e"',
    };
    expect(joined(value, 3)).toBe(JSON.stringify(value));
  });

  it('opens a large array element by element', () => {
    const pieces = [...jsonPieces({ flags: [{ a: 1 }, { a: 2 }] })];
    expect(pieces).toEqual(['{', '"flags":', '[', '{"a":1}', ',', '{"a":2}', ']', '}']);
  });
});

describe('chunked', () => {
  it('keeps every character in order in chunks of at least the size but the last', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.integer({ min: 1, max: 8 }), (pieces, size) => {
        const chunks = [...chunked(pieces, size)];
        expect(chunks.join('')).toBe(pieces.join(''));
        for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(size);
        expect(chunks.every((c) => c.length > 0)).toBe(true);
      }),
    );
  });
});
