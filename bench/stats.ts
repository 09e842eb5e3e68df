import { readFileSync } from 'node:fs';

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

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
