/**
 * Scheduling priority for real-time audio. A call's audio is decoded, segmented and recognised as
 * it arrives; on a host busy with other work a job process left at the default priority is
 * descheduled for hundreds of milliseconds at a time, and audio that arrives late is concealed or
 * time-stretched by WebRTC's jitter buffer, so PocketSphinx hears other words. Linux keeps a nice
 * value per thread (threads started later inherit their creator's), so every thread is set.
 */
import { readdirSync } from 'node:fs';
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
  return undefined;
}
