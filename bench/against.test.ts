import { describe, expect, it } from 'vitest';
import { sideBySide } from './against.js';

describe('bench --against: side by side', () => {
  it('writes each figure that changed as "then → now", pairing lines by their words', () => {
    const before = ['text pipeline, no database, 1000 utterances', '  328 utterances/s per core   (before: 51.5)'].join(
      '\n',
    );
    const after = [
      'text pipeline, no database, 1000 utterances',
      '  2,610 utterances/s per core   (before: 51.5)',
      'a new line 7',
    ].join('\n');
    expect(sideBySide(before, after).split('\n')).toEqual([
      'text pipeline, no database, 1000 utterances',
      '  328 → 2,610 utterances/s per core   (before: 51.5)',
      'a new line 7',
    ]);
  });

  it('pairs lines within their section; a section only one side has stays as it is', () => {
    const before = 'no database\n  p99 30.6 ms\nlive session\n  p99 62.2 ms';
    const after = 'no database\n  p99 11.5 ms\nrecorded lines\n  p99 15.5 ms\nlive session\n  p99 42.2 ms';
    expect(sideBySide(before, after)).toBe(
      'no database\n  p99 30.6 → 11.5 ms\nrecorded lines\n  p99 15.5 ms\nlive session\n  p99 62.2 → 42.2 ms',
    );
  });

  it('pairs repeated lines in order', () => {
    const before = '  p99 12.7 ms\n  p99 35.0 ms';
    const after = '  p99 1.9 ms\n  p99 9.0 ms';
    expect(sideBySide(before, after)).toBe('  p99 12.7 → 1.9 ms\n  p99 35.0 → 9.0 ms');
  });
});
