import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSql, type Sql } from './client.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded.js';
import type { SessionNotification } from './session-turns.js';

describe('embedded PGlite served to several connections', () => {
  let pg: EmbeddedPostgres;
  const notified: SessionNotification[] = [];
  const clients: Sql[] = [];
  const connect = () => {
    const sql = createSql(pg.url, { max: 1 });
    clients.push(sql);
    return sql;
  };
  beforeAll(async () => {
    pg = await startEmbeddedPostgres({
      notifications: { channels: ['kefu_call_events'], on: (n) => notified.push(n) },
    });
    await connect()`create table t (id int primary key, v text)`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end({ timeout: 1 })));
    await pg.stop();
  });

  it("keeps one connection's open transaction invisible to and unbroken by another", async () => {
    const a = connect();
    const b = connect();
    let release!: () => void;
    const holding = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const didInsert = new Promise<void>((r) => (inserted = r));
    const tx = a.begin(async (t) => {
      await t`insert into t values (1, 'a')`;
      inserted();
      await holding;
      await t`insert into t values (2, 'a')`;
    });
    await didInsert;
    // b's read waits for a's transaction instead of running inside it.
    const read = b<{ n: number }[]>`select count(*)::int as n from t`;
    const state = await Promise.race([read.then(() => 'ran'), new Promise((r) => setTimeout(() => r('waiting'), 300))]);
    expect(state).toBe('waiting');
    release();
    await tx;
    expect((await read)[0]?.n).toBe(2);
  });

  it('never crosses parameterised queries from concurrent connections', async () => {
    const sqls = [connect(), connect(), connect(), connect()];
    const results = await Promise.all(
      Array.from(
        { length: 80 },
        (_, i) => sqls[i % sqls.length]!<{ v: string; n: number }[]>`select ${`q${i}`}::text as v, ${i}::int as n`,
      ),
    );
    expect(results.map((r) => [r[0]?.v, r[0]?.n])).toEqual(Array.from({ length: 80 }, (_, i) => [`q${i}`, i]));
  });

  it('rolls back what a vanished connection left open, and the others go on', async () => {
    const a = connect();
    const tx = a.begin(async (t) => {
      await t`insert into t values (3, 'gone')`;
      await new Promise(() => {}); // never commits
    });
    tx.catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    await a.end({ timeout: 0 });
    const [row] = await connect()<{ n: number }[]>`select count(*)::int as n from t where id = 3`;
    expect(row?.n).toBe(0);
  });

  it('a connection that vanishes mid-batch after an error leaves the session usable', async () => {
    const socket = connectRaw(pg.port);
    await socket.ready;
    socket.send(message('P', Buffer.concat([cstring(''), cstring('selec oops'), Buffer.from([0, 0])])));
    await new Promise((r) => setTimeout(r, 200)); // no Sync: the session now skips input until one
    socket.destroy();
    const [row] = await connect()<{ n: number }[]>`select ${7}::int as n`;
    expect(row?.n).toBe(7);
  });

  it("reports every connection's NOTIFY to the owner", async () => {
    await connect()`select pg_notify('kefu_call_events', '{"x":1}')`;
    expect(notified).toContainEqual({ channel: 'kefu_call_events', payload: '{"x":1}' });
  });
});

const cstring = (s: string) => Buffer.from(`${s}\0`);

function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

/** A bare wire-protocol client: startup, then whatever the test sends. */
function connectRaw(port: number) {
  const socket = createConnection(port, '127.0.0.1');
  const params = Buffer.concat([
    cstring('user'),
    cstring('postgres'),
    cstring('database'),
    cstring('postgres'),
    cstring(''),
  ]);
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(params.length + 8, 0);
  startup.writeInt32BE(196608, 4);
  socket.write(Buffer.concat([startup, params]));
  let seen = Buffer.alloc(0);
  const ready = new Promise<void>((resolve) =>
    socket.on('data', (d) => {
      seen = Buffer.concat([seen, d]);
      if (seen.includes(Buffer.from('Z\0\0\0\x05I'))) resolve();
    }),
  );
  return { ready, send: (b: Buffer) => socket.write(b), destroy: () => socket.destroy() };
}
