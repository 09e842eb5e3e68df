import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSql } from '../db/client.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { spawnKefu } from '../test/cli.js';

/** Resolves when stderr has matched `pattern` `times` times; rejects if the process exits first. */
function waitForLog(child: ChildProcess, pattern: RegExp, times = 1): Promise<string> {
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d) => {
      log += d;
      if ((log.match(new RegExp(pattern, 'g')) ?? []).length >= times) resolve(log);
    });
    child.on('close', (code) => reject(new Error(`kefu start exited (${code}) first:\n${log.slice(-2000)}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.on('close', resolve);
    child.kill('SIGTERM');
  });

describe('kefu start and calls it leaves behind', () => {
  it('a call cut off by SIGTERM is ended by the next start, its flags in a moderation case', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kefu-sweep-'));
    const env = { PORT: '0', KEFU_CALL_STALE_SECONDS: '10' };
    const first = spawnKefu(['start'], { cwd, env });
    // The demo's live calls are being played, one has raised a flag, when the server is stopped.
    await waitForLog(first, /demo: \S+: flag \S+ raised/);
    expect(await stop(first)).toBe(0);

    const second = spawnKefu(['start'], { cwd, env });
    // Three live demo calls were cut off; each is swept.
    const log = await waitForLog(second, /sweep: call \S+ ended/, 3);
    expect(await stop(second)).toBe(0);
    expect(log).toMatch(/sweep: call \S+ ended .* [1-9]\d* flags to moderation/);

    const pg = await startEmbeddedPostgres({ dataDir: join(cwd, '.kefu') });
    const sql = createSql(pg.url, { max: 1 });
    try {
      const [row] = await sql<{ active: number; outside: number }[]>`
        select (select count(*) from calls where status = 'active')::int as active,
               (select count(*) from flags where case_id is null)::int as outside`;
      expect(row).toEqual({ active: 0, outside: 0 });
    } finally {
      await sql.end();
      await pg.stop();
    }
  }, 600_000);
});
