import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { KefuError } from '../core/errors.js';

export interface EmbeddedPostgres {
  /** A postgres:// URL for the loopback socket; any Postgres client can use it. */
  url: string;
  host: string;
  port: number;
  /** Where the data lives, or 'memory'. */
  location: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (Postgres compiled to WASM, with pgvector) and serves it over the Postgres wire
 * protocol on loopback, so Kefu reaches it with the same postgres.js code it uses in production.
 * PGlite runs one query at a time; the socket server queues the rest. `dataDir` undefined keeps
 * everything in memory (tests).
 */
export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number; host?: string } = {},
): Promise<EmbeddedPostgres> {
  const location = options.dataDir ? resolve(options.dataDir, 'pgdata') : 'memory';
  let db: PGlite;
  try {
    if (options.dataDir) mkdirSync(location, { recursive: true });
    db = await PGlite.create({ dataDir: options.dataDir ? location : undefined, extensions: { vector } });
  } catch (cause) {
    throw new KefuError(
      'DB_CONNECT_FAILED',
      `Could not open the embedded database at ${location}: ${(cause as Error).message}. ` +
        'If another Kefu process is using it, stop that process or set KEFU_DATA_DIR to another folder.',
      { cause },
    );
  }
  const host = options.host ?? '127.0.0.1';
  // One connection: PGlite has a single session, so a second connection would share (and could
  // see into) the first one's transaction.
  const server = new PGLiteSocketServer({ db, host, port: options.port ?? 0, maxConnections: 1 });
  try {
    await server.start();
  } catch (cause) {
    await db.close();
    throw new KefuError(
      'DB_CONNECT_FAILED',
      `Could not serve the embedded database on ${host}:${options.port}: ${(cause as Error).message}. ` +
        'Set KEFU_DB_PORT to a free port, or 0 for any.',
      { cause },
    );
  }
  const port = Number(server.getServerConn().split(':').at(-1));
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    host,
    port,
    location,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
