/** The bot's footprint, read from /proc: CPU time and proportional memory of a process group. */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

export interface GroupSample {
  /** user + system CPU of every live process in the group, ms. */
  cpuMs: number;
  /** Proportional set size (shared pages split between sharers), MB, per process. */
  pssMb: { pid: number; mb: number }[];
  /**
   * Anonymous memory (heap, stacks, the decoders' tables), MB, all processes together: what calls
   * add, without the library and model pages that PSS splits with whichever other processes map
   * them at that moment (on a shared host those come and go, and PSS moves by tens of MB with them).
   */
  anonMb: number;
}

export function sampleGroup(pgid: number): GroupSample {
  const sample: GroupSample = { cpuMs: 0, pssMb: [], anonMb: 0 };
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the parenthesised command: state is 3rd, pgrp 5th, utime 14th, stime 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      sample.cpuMs += ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
      const rollup = readFileSync(`/proc/${name}/smaps_rollup`, 'utf8');
      const pss = /^Pss:\s+(\d+) kB/m.exec(rollup);
      sample.pssMb.push({ pid: Number(name), mb: Number(pss?.[1] ?? 0) / 1024 });
      sample.anonMb += Number(/^Anonymous:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) / 1024;
    } catch {
      // The process ended while being read.
    }
  }
  return sample;
}

/** user + system CPU of the given processes (those still alive), ms. */
export function processesCpuMs(pids: readonly number[]): number {
  let ms = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    } catch {
      // Ended.
    }
  }
  return ms;
}

export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** CPU ms per thread of every process in the group, keyed "pid/tid name" (the main thread: tid = pid, named "main"). */
export function sampleThreads(pgid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid) continue;
      for (const tid of readdirSync(`/proc/${name}/task`)) {
        const t = readFileSync(`/proc/${name}/task/${tid}/stat`, 'utf8');
        const comm = tid === name ? 'main' : t.slice(t.indexOf('(') + 1, t.lastIndexOf(')'));
        const f = t.slice(t.lastIndexOf(')') + 2).split(' ');
        out.set(`${name}/${tid} ${comm}`, ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_SECOND);
      }
    } catch {
      // The process or thread ended while being read.
    }
  }
  return out;
}

/** The threads that used the most CPU between two samples, as "name s" items. */
export function busiestThreads(before: Map<string, number>, after: Map<string, number>, n = 5): string {
  return [...after]
    .map(([key, ms]) => ({ key, ms: ms - (before.get(key) ?? 0) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n)
    .map((t) => `${t.key} ${(t.ms / 1000).toFixed(1)} s`)
    .join(', ');
}
