/**
 * Scheduling priority for real-time audio. A call's audio is decoded, segmented and recognised as
 * it arrives; on a host busy with other work a job process left at the default priority is
 * descheduled for hundreds of milliseconds at a time, and audio that arrives late is concealed or
 * time-stretched by WebRTC's jitter buffer, so PocketSphinx hears other words. Linux keeps a nice
 * value per thread (threads started later inherit their creator's), so every thread is set, and
 * one per session's autogroup.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Sets every thread of this process to `nice`; returns why it could not, or undefined. */
export function prioritizeProcess(nice: number): string | undefined {
  let threads: number[];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    threads = [0];
  }
  for (const tid of threads) {
    try {
      setPriority(tid, nice);
    } catch (err) {
      // A thread that ended meanwhile is no reason to stop; a refusal (EACCES) is.
      if ((err as { info?: { code?: string } }).info?.code === 'ESRCH') continue;
      return `nice ${nice} refused (${(err as Error).message}): raising priority needs root or CAP_SYS_NICE`;
    }
  }
  // With autogroup scheduling (Linux's default on desktops and many servers) a nice value counts
  // only against processes of the same session; sessions share the CPU equally by their group's
  // own nice value, so that is set too. Without autogroups the file does not exist.
  try {
    writeFileSync('/proc/self/autogroup', String(nice));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return `autogroup nice ${nice} refused (${code}): needs root or CAP_SYS_NICE`;
  }
  return undefined;
}
