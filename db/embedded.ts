import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { KefuError } from '../core/errors.js';
import { type SessionNotification, SessionTurns } from './session-turns.js';

export interface EmbeddedPostgres {
  /** A postgres:// URL for the loopback socket; any Postgres client can use it. */
  url: string;
  host: string;
  port: number;
  /** Where the data lives, or 'memory'. */
  location: string;
  /** The whole database as a tarball, which `template` starts another instance from (no client connected). */
  snapshot(): Promise<Blob>;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (Postgres compiled to WASM, with pgvector) and serves it over the Postgres wire
 * protocol on loopback, so Kefu reaches it with the same postgres.js code it uses in production.
 * PGlite has one session; any number of connections take turns on it a unit of work (or a whole
 * transaction) at a time, so another Kefu process can work through this one (decision 0140).
 * `dataDir` undefined keeps everything in memory (tests).
 */
export async function startEmbeddedPostgres(
  options: {
    dataDir?: string;
    port?: number;
    host?: string;
    /** Start from a `snapshot()` instead of an empty cluster (tests: a migrated database in ~1 s of CPU). */
    template?: Blob;
    /** NOTIFYs on these channels sent by any connection (PGlite's one session listens). */
    notifications?: { channels: string[]; on: (n: SessionNotification) => void };
  } = {},
): Promise<EmbeddedPostgres> {
  const location = options.dataDir ? resolve(options.dataDir, 'pgdata') : 'memory';
  let db: PGlite;
  try {
    if (options.dataDir) mkdirSync(location, { recursive: true });
    db = await PGlite.create({
      dataDir: options.dataDir ? location : undefined,
      extensions: { vector },
      loadDataDir: options.template,
    });
  } catch (cause) {
    throw new KefuError(
      'DB_CONNECT_FAILED',
      `Could not open the embedded database at ${location}: ${(cause as Error).message}`,
      { cause },
    );
  }
  const host = options.host ?? '127.0.0.1';
  for (const channel of options.notifications?.channels ?? []) await db.exec(`listen "${channel}"`);
  const turns = new SessionTurns(db, options.notifications?.on);
  const handlers = new Set<PGLiteSocketHandler>();
  const server = createServer((socket) => {
    // SessionTurns implements the queue interface the handler calls; the class type has privates.
    const handler = new PGLiteSocketHandler({ queryQueue: turns as never, closeOnDetach: true });
    handlers.add(handler);
    socket.once('close', () => handlers.delete(handler));
    handler.attach(socket).catch(() => socket.destroy());
  });
  let port: number;
  try {
    port = await listenOn(server, host, options.port ?? 0);
  } catch (cause) {
    await db.close();
    throw new KefuError(
      'DB_CONNECT_FAILED',
      `Could not serve the embedded database on ${host}:${options.port}: ${(cause as Error).message}. ` +
        'Set KEFU_DB_PORT to a free port, or 0 for any.',
      { cause },
    );
  }
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    host,
    port,
    location,
    snapshot: () => db.dumpDataDir('none'),
    async stop() {
      await Promise.all([...handlers].map((h) => h.detach(true)));
      await new Promise<void>((done) => server.close(() => done()));
      await db.close();
    },
  };
}

function listenOn(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePort((server.address() as { port: number }).port);
    });
  });
}
