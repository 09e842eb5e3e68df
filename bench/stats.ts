import { readFileSync } from 'node:fs';
import koffi from 'koffi';

/** Percentile by nearest rank over a copy of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * CPU time of the calling thread alone, ms (Linux: /proc/thread-self/stat, in clock ticks of 10 ms),
 * or undefined elsewhere. `process.cpuUsage()` counts every thread: in the text bench ~35 % of it is
 * V8's background compiler and GC threads (decision 0545), which this leaves out.
 */
export function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** clock_gettime(CLOCK_THREAD_CPUTIME_ID) through koffi, or null where libc or koffi is missing. */
const threadClock: (() => number) | null = (() => {
  try {
    const libc = koffi.load('libc.so.6');
    koffi.struct('kefu_bench_timespec', { tv_sec: 'int64_t', tv_nsec: 'int64_t' });
    const clockGettime = libc.func('int clock_gettime(int, _Out_ kefu_bench_timespec *)');
    const ts = { tv_sec: 0, tv_nsec: 0 };
    const CLOCK_THREAD_CPUTIME_ID = 3;
    return () => {
      clockGettime(CLOCK_THREAD_CPUTIME_ID, ts);
      return ts.tv_sec * 1e9 + ts.tv_nsec;
    };
  } catch {
    return null;
  }
})();

/**
 * The calling thread's CPU time, ns (Linux: clock_gettime's CLOCK_THREAD_CPUTIME_ID, ~4 µs a
 * call), or undefined elsewhere: fine enough for one utterance, which `threadCpuMs`' 10 ms ticks
 * (and /proc's schedstat, updated at scheduler ticks) are not. What it leaves out of
 * `process.cpuUsage()` is V8's compiler and GC threads.
 */
export function threadCpuNs(): number | undefined {
  return threadClock?.() ?? undefined;
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
