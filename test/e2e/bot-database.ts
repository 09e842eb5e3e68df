import { afterAll, beforeAll } from 'vitest';
import type { Sql } from '../../db/client.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../db/embedded.js';
import { migrate } from '../../db/migrate.js';
import { seedBotFixtures, withConnection } from './harness.js';

/**
 * A real Postgres engine for one test file: embedded PGlite served over its socket, which the
 * bot's job processes reach by URL. It holds one connection at a time, so the test connects only
 * while no job holds it (`withSql` waits its turn).
 */
export function useBotDatabase(): { url: () => string; withSql: <T>(fn: (sql: Sql) => Promise<T>) => Promise<T> } {
  let pg: EmbeddedPostgres | undefined;
  const url = () => {
    if (!pg) throw new Error('database not started');
    return pg.url;
  };
  beforeAll(async () => {
    pg = await startEmbeddedPostgres();
    await withConnection(url(), async (sql) => {
      await migrate(sql);
      await seedBotFixtures(sql);
    });
  }, 240_000); // PGlite creation takes minutes on a loaded machine
  afterAll(async () => {
    await pg?.stop();
  });
  return { url, withSql: (fn) => withConnection(url(), fn) };
}
