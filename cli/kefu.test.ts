import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKefu, spawnKefu } from '../test/cli.js';

const workdir = () => mkdtempSync(join(tmpdir(), 'kefu-cli-'));

describe('kefu CLI', () => {
  it('prints usage and exits 2 for no command or an unknown one', async () => {
    const cwd = workdir();
    const none = await runKefu([], { cwd });
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Usage: kefu <command>');
    const unknown = await runKefu(['frobnicate'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toMatch(/migrate\s+Apply pending/);
  });

  it('prints --help for each command and exits 2 on a bad flag or extra argument', async () => {
    const cwd = workdir();
    for (const name of ['start', 'migrate', 'seed']) {
      const help = await runKefu([name, '--help'], { cwd });
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: kefu ${name}`);
    }
    const bad = await runKefu(['migrate', '--fast'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--fast'");
    expect(bad.stderr).toContain('Usage: kefu migrate');
    const extra = await runKefu(['seed', 'more'], { cwd });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('expected 0 argument(s), got 1');
  });

  it('refuses a bad configuration naming the key, with exit 2', async () => {
    const cwd = workdir();
    writeFileSync(join(cwd, '.env'), 'PORT=eighty\n');
    const r = await runKefu(['migrate'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT:');
  });

  it('migrates the embedded database once; the second run is a no-op', async () => {
    const cwd = workdir();
    const first = await runKefu(['migrate'], { cwd });
    expect(first.stderr).toContain('migrate: applied 0001_init.sql');
    expect(first.code).toBe(0);
    const second = await runKefu(['migrate'], { cwd });
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('applied');
    expect(second.stderr).toMatch(/schema up to date \(\d+ migrations\)/);
    expect(second.stderr).toContain(join(cwd, '.kefu', 'pgdata'));
  });

  it('seeds idempotently', async () => {
    const cwd = workdir();
    for (let i = 0; i < 2; i++) {
      const r = await runKefu(['seed'], { cwd });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('seed: 3 merchants');
      expect(r.stderr).toContain('seed: 6 orders');
      expect(r.stderr).toMatch(/seed: \d+ after-sales policies \(zh, en\) embedded with hashed-ngram-v1-512/);
    }
  });

  it('starts: seeds, serves the dashboard over HTTP, names its components, stops on SIGTERM', async () => {
    const cwd = workdir();
    const child = spawnKefu(['start'], { cwd, env: { PORT: '0' } });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        stdout += d;
        const m = /listening on (http:\/\/\S+)/.exec(stdout);
        if (m && stdout.includes('livekit')) resolve(m[1]!);
      });
      child.on('close', () => reject(new Error(`kefu start exited early: ${stderr}`)));
    });
    try {
      expect(stdout).toMatch(/database\s+embedded PGlite/);
      expect(stdout).toMatch(/llm\s+none \(offline/);
      expect(stdout).toMatch(/speech\s+en → pocketsphinx/);
      expect(stdout).toMatch(/suggestions\s+offline-templates over pgvector/);
      expect(stderr).toContain('seed: 7 users');
      const health = await fetch(`${url}/healthz`);
      expect(await health.json()).toEqual({ ok: true, database: 'up' });
      const page = await (await fetch(url)).text();
      expect(page).toContain('<title>Kefu 客服</title>');
      expect(page).toMatch(/<script type="module"[^>]+src="\/assets\/index-[\w-]+\.js"/);
      const me = await fetch(`${url}/api/auth/me`);
      expect(me.status).toBe(401);
      expect(await me.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toContain('stopping');
  });
});
