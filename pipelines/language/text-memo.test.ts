import { describe, expect, it } from 'vitest';
import { memoByText } from './text-memo.js';

describe('memoByText', () => {
  it('reads a text once, keeps falsy readings too, and forgets the oldest text past its size', () => {
    const reads: string[] = [];
    const len = memoByText((t: string) => {
      reads.push(t);
      return t === 'none' ? null : t.length;
    }, 2);
    expect([len('ab'), len('ab'), len('none'), len('none')]).toEqual([2, 2, null, null]);
    expect(reads).toEqual(['ab', 'none']);
    len('xyz'); // a third text: 'ab', the oldest, is forgotten
    len('ab');
    expect(reads).toEqual(['ab', 'none', 'xyz', 'ab']);
  });
});
