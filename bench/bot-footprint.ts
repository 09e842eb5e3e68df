/** The bot's footprint, read from /proc: CPU time and proportional memory of a process group. */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

export interface GroupSample {
  /** user + system CPU of every live process in the group, ms. */
  cpuMs: number;
  /** Proportional set size (shared pages split between sharers), MB, per process. */
  pssMb: { pid: number; mb: number }[];
}

export function sampleGroup(pgid: number): GroupSample {
  const sample: GroupSample = { cpuMs: 0, pssMb: [] };
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the parenthesised command: state is 3rd, pgrp 5th, utime 14th, stime 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      sample.cpuMs += ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${name}/smaps_rollup`, 'utf8'));
      sample.pssMb.push({ pid: Number(name), mb: Number(pss?.[1] ?? 0) / 1024 });
    } catch {
      // The process ended while being read.
    }
  }
  return sample;
}

export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
