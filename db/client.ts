import postgres from 'postgres';
import type { Config } from '../core/config.js';
import { KefuError } from '../core/errors.js';
import { startEmbeddedPostgres } from './embedded.js';

export type Sql = postgres.Sql;

export interface Database {
  sql: Sql;
  /** What a person reads at start-up: which database Kefu is using. */
  description: string;
  kind: 'embedded' | 'external';
  close(): Promise<void>;
}

/**
 * Opens the one SQL client, against DATABASE_URL or, without it, an embedded PGlite; `memory` is
 * a scratch embedded database that vanishes on close (`kefu analyze`).
 */
export async function openDatabase(config: Config['database'] | { kind: 'memory' }): Promise<Database> {
  if (config.kind === 'external') {
    const sql = createSql(config.url, { max: 10 });
    await checkConnection(sql, redactUrl(config.url));
    return { sql, kind: 'external', description: `Postgres at ${redactUrl(config.url)}`, close: () => sql.end() };
  }
  const embedded = await startEmbeddedPostgres(
    config.kind === 'memory' ? {} : { dataDir: config.dataDir, port: config.port },
  );
  const sql = createSql(embedded.url, { max: 1 });
  try {
    await checkConnection(sql, embedded.url);
  } catch (err) {
    await embedded.stop();
    throw err;
  }
  return {
    sql,
    kind: 'embedded',
    description: `embedded PGlite (data in ${embedded.location}, served on ${embedded.host}:${embedded.port})`,
    async close() {
      await sql.end();
      await embedded.stop();
    },
  };
}

export function createSql(url: string, options: { max: number }): Sql {
  return postgres(url, {
    max: options.max,
    onnotice: () => {},
    transform: postgres.camel,
    connect_timeout: 10,
    // int8 ids (utterances, audit events) stay far below 2^53; numbers keep them JSON-friendly.
    types: { int8: { to: 20, from: [20], serialize: (n: number) => String(n), parse: (s: string) => Number(s) } },
  });
}

async function checkConnection(sql: Sql, where: string): Promise<void> {
  try {
    await sql`select 1`;
  } catch (cause) {
    await sql.end({ timeout: 1 });
    throw new KefuError(
      'DB_CONNECT_FAILED',
      `Could not connect to Postgres at ${where}: ${(cause as Error).message}. ` +
        'Check DATABASE_URL, or unset it to use the embedded database.',
      { cause, retryable: true },
    );
  }
}

function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
