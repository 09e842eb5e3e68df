import { expect, it } from 'vitest';

/** A table's row: what goes in, and what must come out. */
export type Row<In, Out> = readonly [input: In, expected: Out];

/**
 * A table-driven test: one test per row, each checking that `fn(input)` deep-equals `expected`
 * (`fn` may be async). Each test is named by `title`, a vitest `it.each` format whose first
 * placeholder is the row's input and second its expected value.
 *
 *     eachMapsTo('%s → %s', detectLanguage, [['退款', 'zh'], ['refund', 'en']]);
 *     eachMapsTo('hard negative: %s', top, allTo(['如果坏了怎么办', 'If it breaks?'], null));
 */
export function eachMapsTo<In, Out>(
  title: string,
  fn: (input: In) => Out | Promise<Out>,
  rows: readonly Row<In, Out>[],
): void {
  it.each(rows.map(([input, expected]): [In, Out] => [input, expected]))(title, async (input, expected) => {
    expect(await fn(input)).toEqual(expected);
  });
}

/** Rows giving every input the same expected value. */
export function allTo<In, Out>(inputs: readonly In[], expected: Out): Row<In, Out>[] {
  return inputs.map((input) => [input, expected]);
}
