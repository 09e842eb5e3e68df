import { afterAll, beforeAll } from 'vitest';
import { createSql, type Sql } from '../db/client.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/embedded.js';
import { migrate } from '../db/migrate.js';

/**
 * A fresh in-memory PGlite for one test file, reached over the Postgres wire protocol exactly
 * as Kefu reaches it in production, with every migration applied.
 */
export function useTestDatabase(options: { migrate?: boolean } = {}): { sql: () => Sql; url: () => string } {
  let pg: EmbeddedPostgres;
  let sql: Sql;
  beforeAll(async () => {
    pg = await startEmbeddedPostgres();
    sql = createSql(pg.url, { max: 1 });
    if (options.migrate !== false) await migrate(sql);
  });
  afterAll(async () => {
    await sql?.end();
    await pg?.stop();
  });
  return { sql: () => sql, url: () => pg.url };
}
