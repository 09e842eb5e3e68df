/**
 * Scheduling priority for real-time audio. A call's audio is decoded, segmented and recognised as
 * it arrives; on a host busy with other work a job process left at the default priority is
 * descheduled for hundreds of milliseconds at a time, and audio that arrives late is concealed or
 * time-stretched by WebRTC's jitter buffer, so PocketSphinx hears other words. Linux keeps a nice
 * value per thread (threads started later inherit their creator's), so every thread is set.
 *
 * With autogroup scheduling (Linux's default on desktops and many servers) a nice value counts only
 * against processes of the same session; sessions share the CPU by their autogroup's nice value.
 * That value belongs to the whole session, so it is raised only by a process that leads its session
 * (a service, a detached child): raised from a process started in a shell, it would also raise the
 * shell and everything else started there (a build, two `yes` loops), which then compete with the
 * audio at the same share (decision 0310).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';

export interface PriorityOptions {
  /**
   * Raise the session's autogroup too. Default: only when this process leads its session. A test
   * harness that started a session of its own for its processes passes true.
   */
  session?: boolean;
}

/** Sets every thread of this process to `nice`; returns why it could not do all of it, or undefined. */
export function prioritizeProcess(nice: number, options: PriorityOptions = {}): string | undefined {
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
  const session = options.session ?? leadsSession();
  if (session === false) {
    return `autogroup nice left as it is: this process (pid ${process.pid}) does not lead its session, and raising the autogroup would raise every process of that session; run it as a service or under setsid`;
  }
  // Without autogroups the file does not exist.
  try {
    writeFileSync('/proc/self/autogroup', String(nice));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return `autogroup nice ${nice} refused (${code}): needs root or CAP_SYS_NICE`;
  }
  return undefined;
}

/** True when this process leads its session (its autogroup holds only it and its descendants); undefined off Linux. */
export function leadsSession(): boolean | undefined {
  try {
    // /proc/self/stat: "pid (comm) state ppid pgrp session ..."; comm may contain spaces and parentheses.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[3]) === process.pid;
  } catch {
    return undefined;
  }
}
