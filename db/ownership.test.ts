import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isKefuError } from '../core/errors.js';
import { claimDataDir } from './ownership.js';

const HOLDER = fileURLToPath(new URL('../test/hold-data-dir.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** Another process that takes the folder (and, unless silent, publishes itself). */
async function holder(dir: string, silent = false): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir, ...(silent ? ['--silent'] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('owned') && resolve());
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return child;
}

describe('one owner per data folder', () => {
  it('finds the running owner, and takes over at once from one that was killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-own-'));
    const child = await holder(dir);
    const guest = await claimDataDir(dir, { waitMs: 1000 });
    expect(guest).toMatchObject({ kind: 'guest', instance: { pid: child.pid, apiUrl: null } });

    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // Its instance file is still there, naming a dead process; the kernel has dropped its lock.
    expect(JSON.parse(readFileSync(join(dir, 'instance.json'), 'utf8')).pid).toBe(child.pid);
    const started = Date.now();
    const owner = await claimDataDir(dir, { waitMs: 0 });
    expect(owner.kind).toBe('owner');
    expect(Date.now() - started).toBeLessThan(1000);
    if (owner.kind === 'owner') {
      owner.publish({ dbUrl: 'postgres://postgres@127.0.0.1:2/postgres', apiUrl: 'http://127.0.0.1:3000' });
      expect(JSON.parse(readFileSync(join(dir, 'instance.json'), 'utf8')).pid).toBe(process.pid);
      // The same process opening the folder twice is refused too: the lock is per open file.
      expect(await claimDataDir(dir, { waitMs: 0 })).toMatchObject({ kind: 'guest', instance: { pid: process.pid } });
      owner.release();
    }
    expect((await claimDataDir(dir, { waitMs: 0 })).kind).toBe('owner');
  });

  it("refuses with DB_IN_USE when the holder never says where it is, ignoring a dead one's file", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-own-'));
    await holder(dir, true);
    writeFileSync(
      join(dir, 'instance.json'),
      JSON.stringify({ pid: 2 ** 22 + 1, dbUrl: 'postgres://x@127.0.0.1:1/postgres', apiUrl: null, startedAt: '' }),
    );
    const err = await claimDataDir(dir, { waitMs: 300 }).catch((e: unknown) => e);
    expect(isKefuError(err, 'DB_IN_USE')).toBe(true);
    expect((err as Error).message).toContain(dir);
  });
});
