import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { KefuError } from '../core/errors.js';

/** What the process that owns a data folder publishes so other `kefu` commands can reach it. */
export const InstanceInfoSchema = z.object({
  pid: z.number().int().positive(),
  /** The owner's PGlite served over the wire protocol on loopback. */
  dbUrl: z.string().url(),
  /** The dashboard and API, once `kefu start` listens; null for other commands. */
  apiUrl: z.string().url().nullable(),
  startedAt: z.string(),
});
export type InstanceInfo = z.infer<typeof InstanceInfoSchema>;

export type DataDirClaim =
  | {
      kind: 'owner';
      publish(info: Omit<InstanceInfo, 'pid' | 'startedAt'>): void;
      release(): void;
    }
  | { kind: 'guest'; instance: InstanceInfo };

const LOCK_EX = 2;
const LOCK_NB = 4;
let flockFn: ((fd: number, operation: number) => number) | undefined;

/**
 * flock(2): the kernel drops the lock when its holder dies however it dies, so a crashed owner
 * never leaves a stale lock to guess about (decision 0140). The fd is opened close-on-exec.
 */
async function tryFlock(fd: number): Promise<boolean> {
  const { default: koffi } = await import('koffi');
  flockFn ??= koffi
    .load(process.platform === 'darwin' ? 'libSystem.B.dylib' : 'libc.so.6')
    .func('int flock(int fd, int operation)') as (fd: number, operation: number) => number;
  return flockFn(fd, LOCK_EX | LOCK_NB) === 0;
}

/**
 * Becomes the one owner of `dataDir`, or finds the running owner: a second process works
 * through it. An owner still starting up has until `waitMs` to publish where it listens.
 */
export async function claimDataDir(dataDir: string, options: { waitMs?: number } = {}): Promise<DataDirClaim> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, 'kefu.lock');
  const instanceFile = join(dir, 'instance.json');
  const fd = openSync(lockFile, 'a');
  if (await tryFlock(fd)) {
    const startedAt = new Date().toISOString();
    return {
      kind: 'owner',
      publish(info) {
        const tmp = `${instanceFile}.${process.pid}`;
        writeFileSync(tmp, JSON.stringify({ ...info, pid: process.pid, startedAt }, null, 2));
        renameSync(tmp, instanceFile);
      },
      release() {
        rmSync(instanceFile, { force: true });
        closeSync(fd); // closing the only descriptor releases the lock
      },
    };
  }
  closeSync(fd);
  const deadline = Date.now() + (options.waitMs ?? 15_000);
  for (;;) {
    const instance = readInstance(instanceFile);
    if (instance) return { kind: 'guest', instance };
    if (Date.now() >= deadline) {
      throw new KefuError(
        'DB_IN_USE',
        `The data folder ${dir} is held by another Kefu process that has not said how to reach it. ` +
          'Wait for it to finish starting, stop it, or set KEFU_DATA_DIR to another folder.',
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The published instance, if its process is alive: a file left by a crashed owner is ignored. */
function readInstance(file: string): InstanceInfo | undefined {
  let parsed: InstanceInfo;
  try {
    parsed = InstanceInfoSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
  try {
    process.kill(parsed.pid, 0);
    return parsed;
  } catch {
    return undefined;
  }
}
