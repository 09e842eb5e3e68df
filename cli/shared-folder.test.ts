import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runKefu, spawnKefu } from '../test/cli.js';

const TRANSCRIPT = fileURLToPath(new URL('../test/fixtures/call-en-earbuds.jsonl', import.meta.url));

/** Starts `kefu start` and resolves with its dashboard URL once it has printed its components. */
function startKefu(cwd: string): { child: ChildProcess; url: Promise<string>; stderr: () => string } {
  const child = spawnKefu(['start'], { cwd, env: { PORT: '0' } });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      stdout += d;
      const m = /listening on (http:\/\/\S+)/.exec(stdout);
      if (m && stdout.includes('livekit')) resolve(m[1]!);
    });
    child.on('close', () => reject(new Error(`kefu start exited early: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'kefu-demo' }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('a second kefu command on the data folder of a running kefu start', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'kefu-shared-'));
  const running = startKefu(cwd);
  afterAll(() => void running.child.kill('SIGKILL'));

  it('works through the running instance or refuses with exit 2, and the folder reopens intact', async () => {
    const url = await running.url;
    const cookie = await signIn(url, 'gadgets@demo.kefu');
    const replayedCalls = async () => {
      const res = await fetch(`${url}/api/calls?merchantId=m-gadgets`, { headers: { cookie } });
      const body = (await res.json()) as { data: { id: string; room: string; status: string }[] };
      return body.data.filter((c) => c.room.startsWith('replay-'));
    };

    // The call shows in the dashboard's API while it is still being played.
    const replay = runKefu(
      ['replay', '--transcript', TRANSCRIPT, '--merchant-id', 'm-gadgets', '--realtime', '--json'],
      { cwd },
    );
    let replayDone = false;
    void replay.finally(() => (replayDone = true));
    let seenActive = false;
    while (!replayDone && !seenActive) {
      seenActive = (await replayedCalls()).some((c) => c.status === 'active');
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(seenActive).toBe(true);
    const replayed = await replay;
    expect(replayed.stderr).toMatch(/database: embedded PGlite, through the Kefu process that owns it \(pid \d+/);
    expect(replayed.code).toBe(0);
    expect(JSON.parse(replayed.stdout).utterances).toHaveLength(5);
    expect((await replayedCalls()).map((c) => c.status)).toEqual(['ended']);

    const seed = await runKefu(['seed'], { cwd });
    expect(seed.stderr).toContain('through the Kefu process that owns it');
    expect(seed.code).toBe(0);
    expect(seed.stderr).toContain('seed: 6 orders');

    const audit = await runKefu(['audit', 'verify'], { cwd });
    expect(audit.stderr).toContain('through the Kefu process that owns it');
    expect(audit.stdout + audit.stderr).toMatch(/^OK: audit chain intact \(\d+ events[,)]/);
    expect(audit.code).toBe(0);

    const second = await runKefu(['start'], { cwd, env: { PORT: '0' } });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`Kefu is already running on this data folder`);
    expect(second.stderr).toContain(url);

    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ ok: true, database: 'up' });
    running.child.kill('SIGTERM');
    expect(await new Promise((r) => running.child.on('close', r))).toBe(0);

    // Reopened by a fresh process that now owns the folder: the chain and the call survived.
    const after = await runKefu(['audit', 'verify'], { cwd });
    expect(after.stdout + after.stderr).toMatch(/^OK: audit chain intact/);
    expect(after.stderr).not.toContain('through the Kefu process');
    expect(after.code).toBe(0);
  }, 720_000); // three kefu processes and the demo calls: over 480 s at load 30
});
