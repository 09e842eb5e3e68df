import postgres from 'postgres';
import type { Config } from '../core/config.js';
import { KefuError } from '../core/errors.js';
import { startEmbeddedPostgres } from './embedded.js';
import { claimDataDir, type InstanceInfo } from './ownership.js';
import { CALL_EVENTS_CHANNEL } from './queries/call-events.js';
import { describeVectorStorage, vectorStorage } from './vector-storage.js';

export type Sql = postgres.Sql;
/** A client or an open transaction: commands compose these inside one transaction. */
export type Queryable = postgres.ISql;

export type Unlisten = () => Promise<void>;

export interface Database {
  sql: Sql;
  /** What a person reads at start-up: which database Kefu is using. */
  description: string;
  kind: 'embedded' | 'external';
  /** Set when this process works through the Kefu process that owns the embedded data folder. */
  owner?: InstanceInfo;
  /** NOTIFY payloads on `channel` from any process using this database. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<Unlisten>;
  /** Publishes this process's API for other `kefu` commands (owner of an embedded folder only). */
  announce(apiUrl: string): void;
  close(): Promise<void>;
}

/**
 * Opens the one SQL client: DATABASE_URL; or the embedded PGlite in the data folder, which one
 * process owns (a second process works through the owner's served port, decision 0140); or
 * `memory`, a scratch embedded database that vanishes on close (`kefu analyze`).
 */
export async function openDatabase(config: Config['database'] | { kind: 'memory' }): Promise<Database> {
  if (config.kind === 'external') {
    const sql = createSql(config.url, { max: 10 });
    await checkConnection(sql, redactUrl(config.url));
    return {
      sql,
      kind: 'external',
      description: `Postgres at ${redactUrl(config.url)}, ${describeVectorStorage(await vectorStorage(sql))}`,
      listen: async (channel, onPayload) => (await sql.listen(channel, onPayload)).unlisten,
      announce: () => {},
      close: () => sql.end(),
    };
  }
  const claim = config.kind === 'memory' ? undefined : await claimDataDir(config.dataDir);
  if (claim?.kind === 'guest') {
    const { instance } = claim;
    const sql = createSql(instance.dbUrl, { max: 1 });
    await checkConnection(sql, `${instance.dbUrl} (Kefu process ${instance.pid})`);
    return {
      sql,
      kind: 'embedded',
      owner: instance,
      description: `embedded PGlite, through the Kefu process that owns it (pid ${instance.pid}, ${instance.dbUrl})`,
      // The owner's one session hears every NOTIFY; a guest's connection would hear none.
      listen: () => Promise.reject(new Error('Only the process that owns the embedded database can LISTEN')),
      announce: () => {},
      close: () => sql.end(),
    };
  }
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  try {
    embedded = await startEmbeddedPostgres({
      ...(config.kind === 'memory' ? {} : { dataDir: config.dataDir, port: config.port }),
      notifications: {
        channels: [CALL_EVENTS_CHANNEL],
        on: (n) => {
          for (const fn of listeners.get(n.channel) ?? []) fn(n.payload);
        },
      },
    });
  } catch (err) {
    claim?.release();
    throw err;
  }
  const sql = createSql(embedded.url, { max: 1 });
  const stop = async () => {
    await embedded.stop();
    claim?.release();
  };
  try {
    await checkConnection(sql, embedded.url);
  } catch (err) {
    await stop();
    throw err;
  }
  claim?.publish({ dbUrl: embedded.url, apiUrl: null });
  return {
    sql,
    kind: 'embedded',
    description: `embedded PGlite (data in ${embedded.location}, served on ${embedded.host}:${embedded.port})`,
    async listen(channel, onPayload) {
      if (channel !== CALL_EVENTS_CHANNEL) throw new Error(`The embedded database does not listen on ${channel}`);
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set.add(onPayload));
      return async () => void set.delete(onPayload);
    },
    announce: (apiUrl) => claim?.publish({ dbUrl: embedded.url, apiUrl }),
    async close() {
      await sql.end();
      await stop();
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
