import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSql, type Sql } from '../../db/client.js';
import { createCall, insertUtterance } from '../../db/queries/calls.js';
import { insertPromise } from '../../db/queries/notes.js';
import { useTestDatabase } from '../../test/db.js';
import { startJobQueue } from '../jobs/queue.js';
import { moderationSettings } from '../moderation/settings.js';
import { closeDuePromise, type DeadlineDeps, startDeadlines } from './deadline.js';
import { openPromise } from './terms.js';
import { makeMerchantWithOrders } from './testing.js';

/**
 * Two Kefu processes, each with its own connections and its own job queue, racing to close the
 * same due promises: each promise is broken once, with one flag and one audit event. On the
 * multi-connection Postgres (`bash test/run-pg.sh pipelines/promises/deadline.test.ts`) the
 * races are real; on PGlite the connections take turns.
 */
const db = useTestDatabase();
let other: Sql;
const M = 'm-deadline';

const waitUntil = async (check: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
};

async function duePromises(sql: Sql, n: number, tag: string): Promise<string[]> {
  const call = await createCall(sql, {
    room: `room-deadline-${tag}`,
    merchantId: M,
    buyerId: 'b-1',
    orderIds: ['o-deadline'],
    startedAt: new Date('2026-11-23T02:00:00Z'),
  });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const text = `第${i + 1}件今天给您发货`;
    const u = await insertUtterance(sql, {
      callId: call.id,
      speaker: 'merchant',
      text,
      startMs: i * 1000,
      endMs: i * 1000 + 800,
      engine: 'transcript',
      confidence: null,
    });
    const p = await insertPromise(sql, {
      callId: call.id,
      merchantId: M,
      utteranceId: u.id,
      speakerRole: 'merchant',
      action: 'ship',
      text,
      deadline: '2026-11-23',
      conditional: false,
    });
    await openPromise(sql, p.id, text, 'ship');
    ids.push(p.id);
  }
  return ids;
}

async function outcome(ids: string[]) {
  const sql = db.sql();
  const [row] = await sql<{ broken: number; flags: number; audits: number }[]>`
    select
      (select count(*)::int from promises where id in ${sql(ids)} and status = 'broken') as broken,
      (select count(*)::int from flags where promise_id in ${sql(ids)}) as flags,
      (select count(*)::int from audit_events where action = 'promise.broken' and entity_id in ${sql(ids)}) as audits`;
  return row!;
}

beforeAll(async () => {
  other = createSql(db.url(), { max: db.kind === 'server' ? 10 : 1 });
  await makeMerchantWithOrders(db.sql(), M, [{ id: 'o-deadline', buyerId: 'b-1', amount: 10 }]);
});
afterAll(async () => {
  await other?.end();
});

const deps = (sql: Sql, log: string[]): DeadlineDeps => ({
  sql,
  settings: moderationSettings(),
  publish: () => undefined,
  log: (l) => log.push(l),
});

describe('the deadline job with several Kefu processes', () => {
  it('two processes racing on the same due promises break each exactly once', async () => {
    const ids = await duePromises(db.sql(), 8, 'race');
    const a = deps(db.sql(), []);
    const b = deps(other, []);
    const runs = await Promise.all(ids.flatMap((id) => [closeDuePromise(a, id), closeDuePromise(b, id)]));
    expect(runs.filter(Boolean)).toHaveLength(8);
    expect(await outcome(ids)).toEqual({ broken: 8, flags: 8, audits: 8 });
  }, 120_000);

  it('two job queues working the deadline sweep close every due promise once', async () => {
    const ids = await duePromises(db.sql(), 6, 'queues');
    const logs: [string[], string[]] = [[], []];
    const queues = [await startJobQueue(db.sql(), () => {}), await startJobQueue(other, () => {})];
    try {
      await startDeadlines(deps(db.sql(), logs[0]), queues[0]!);
      await startDeadlines(deps(other, logs[1]), queues[1]!);
      await waitUntil(async () => (await outcome(ids)).broken === ids.length, 90_000);
      // A second sweep finds nothing left to do.
      await new Promise((r) => setTimeout(r, 3000));
      expect(await outcome(ids)).toEqual({ broken: 6, flags: 6, audits: 6 });
      expect(logs[0].length + logs[1].length).toBe(6);
    } finally {
      await Promise.all(queues.map((q) => q.stop()));
    }
  }, 180_000);
});
