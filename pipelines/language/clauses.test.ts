import { describe, expect, it } from 'vitest';
import { unpunctuated } from './clauses.js';

describe('unpunctuated', () => {
  // It reads the normalised text, where a full-width comma or question mark is already ASCII.
  it('finds clause punctuation outside the masked spans only', () => {
    expect(unpunctuated('好的亲我这边帮您看一下哈', [])).toBe(true);
    expect(unpunctuated('好的,我看一下', [])).toBe(false);
    expect(unpunctuated('ok so I checked', [])).toBe(true);
    expect(unpunctuated('ok, so I checked', [])).toBe(false);
    // A comma inside a link or a handle is no clause punctuation: masks are skipped.
    expect(unpunctuated('看这个 a,b 链接', [[4, 7]])).toBe(true);
    expect(unpunctuated('看这个 a,b 链接,好吗', [[4, 7]])).toBe(false);
    expect(unpunctuated('', [])).toBe(true);
  });

  it('answers the same however often and in whatever order it is asked', () => {
    const asks: [string, [number, number][], boolean][] = [
      ['a,b', [], false],
      ['ab', [], true],
      ['x,y,z', [[1, 2]], false],
      ['x,y', [[1, 2]], true],
      ['好?', [], false],
      ['好。', [], false],
    ];
    for (let round = 0; round < 3; round++)
      for (const [text, skip, want] of asks) expect(unpunctuated(text, skip)).toBe(want);
  });
});
