import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, inject } from 'vitest';
import { createSql, type Sql } from '../db/client.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { migrate } from '../db/migrate.js';

/**
 * A fresh database for one test file, with every migration applied, reached over the Postgres
 * wire protocol as Kefu reaches it in production: an in-memory PGlite (one session, so one
 * connection), or, with KEFU_TEST_DATABASE_URL set, a database of its own created on that server
 * and dropped afterwards, through a pool of several connections, so races really race.
 */
export function useTestDatabase(options: { migrate?: boolean } = {}): {
  sql: () => Sql;
  url: () => string;
  kind: 'embedded' | 'server';
} {
  const server = process.env.KEFU_TEST_DATABASE_URL;
  let url: string;
  let sql: Sql;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const wantsMigrated = options.migrate !== false;
    // The suite's migrated snapshot (test/global-setup.ts); migrate() then finds nothing to do.
    const template = !server && wantsMigrated ? inject('pgTemplate') : '';
    ({ url, stop } = server ? await createServerDatabase(server) : await startMemoryDatabase(template));
    sql = createSql(url, { max: server ? 10 : 1 });
    if (wantsMigrated) await migrate(sql);
  });
  afterAll(async () => {
    await sql?.end();
    await stop?.();
  });
  return { sql: () => sql, url: () => url, kind: server ? 'server' : 'embedded' };
}

async function startMemoryDatabase(templatePath: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const template = templatePath ? new Blob([await readFile(templatePath)]) : undefined;
  const pg = await startEmbeddedPostgres({ template });
  return { url: pg.url, stop: () => pg.stop() };
}

async function createServerDatabase(serverUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const name = `kefu_test_${randomBytes(6).toString('hex')}`;
  const admin = createSql(serverUrl, { max: 1 });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
