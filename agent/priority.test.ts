import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { niceThreads } from './priority.js';

const niceOf = (tid: number) => {
  try {
    return getPriority(tid);
  } catch {
    return undefined; // the thread ended meanwhile
  }
};

describe('niceThreads', () => {
  it('sets every thread of this process and leaves the session autogroup alone', () => {
    const autogroup = () => (existsSync('/proc/self/autogroup') ? readFileSync('/proc/self/autogroup', 'utf8') : '');
    const group = autogroup();
    // Lower priority by one: allowed without privileges, and harmless to this test process.
    const nice = Math.min(19, getPriority() + 1);
    expect(niceThreads(nice)).toBeUndefined();
    const threads = readdirSync('/proc/self/task').map(Number);
    expect(threads.length).toBeGreaterThan(1);
    for (const tid of threads) expect([nice, undefined]).toContain(niceOf(tid));
    expect(autogroup()).toBe(group);
  });
});
