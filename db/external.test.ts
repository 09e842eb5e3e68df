import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKefuError } from '../core/errors.js';
import { findPgBin, startSystemPostgres, type SystemPostgres } from '../test/system-postgres.js';
import { openDatabase } from './client.js';
import { migrate } from './migrate.js';
import { listenCallEvents, type NotifiedCallEvent, notifyCallEvent } from './queries/call-events.js';

const bin = findPgBin();
if (!bin) {
  console.warn(
    'db/external.test.ts: PostgreSQL server binaries not found; install Debian package "postgresql" (.ci/run does)',
  );
}

describe.skipIf(!bin)('DATABASE_URL against a real Postgres without pgvector', () => {
  let pg: SystemPostgres;
  beforeAll(async () => {
    pg = await startSystemPostgres(bin!);
  }, 60_000);
  afterAll(() => pg?.stop());

  it('migrates without pgvector: float4[] embeddings, the variant recorded, and says so', async () => {
    const db = await openDatabase({ kind: 'external', url: pg.url });
    try {
      expect(db.kind).toBe('external');
      expect(db.description).toMatch(
        /^Postgres at postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres, without pgvector: .*exact cosine/,
      );
      const first = await migrate(db.sql);
      expect(first.applied).toContain('0001_init.sql');
      expect(await migrate(db.sql)).toEqual({ applied: [], alreadyApplied: first.applied.length });
      const [m] = await db.sql<{ variant: string | null }[]>`select variant from schema_migrations where version = 1`;
      expect(m?.variant).toBe('float4[]');
      const [col] = await db.sql<{ type: string }[]>`
        select format_type(atttypid, atttypmod) as type from pg_attribute
        where attrelid = 'policy_embeddings'::regclass and attname = 'embedding'`;
      expect(col?.type).toBe('real[]');
    } finally {
      await db.close();
    }
  });

  it('names the server it could not reach', async () => {
    const url = pg.url.replace(/:\d+\//, ':1/');
    const err = await openDatabase({ kind: 'external', url }).catch((e: unknown) => e);
    expect(isKefuError(err, 'DB_CONNECT_FAILED')).toBe(true);
    expect((err as Error).message).toContain('127.0.0.1:1');
    expect((err as Error).message).toContain('unset it to use the embedded database');
  });

  it('relays call events between connections with LISTEN/NOTIFY, oversized ones as a marker', async () => {
    const db = await openDatabase({ kind: 'external', url: pg.url });
    const got: NotifiedCallEvent[] = [];
    const stop = await listenCallEvents(db, (e) => got.push(e));
    try {
      await notifyCallEvent(db.sql, 'm-1', {
        type: 'call.ended',
        callId: 'c-1',
        summary: '退款完成',
        endedAt: '2026-11-23T10:00:00Z',
      });
      await notifyCallEvent(db.sql, 'm-1', {
        type: 'call.ended',
        callId: 'c-2',
        summary: 'x'.repeat(9000),
        endedAt: '2026-11-23T10:00:00Z',
      });
      await db.sql`select pg_notify('kefu_call_events', 'not json')`;
      await expect.poll(() => got.length, { timeout: 5000 }).toBe(2);
      expect(got[0]).toEqual({
        merchantId: 'm-1',
        event: expect.objectContaining({ callId: 'c-1', summary: '退款完成' }),
      });
      expect(got[1]).toEqual({ merchantId: 'm-1', truncated: { type: 'call.ended', callId: 'c-2' } });
    } finally {
      await stop();
      await db.close();
    }
  });
});
