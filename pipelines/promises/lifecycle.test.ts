import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { TranscriptLine } from '../../core/domain.js';
import type { OrderEvent } from '../../core/order-events.js';
import { listAuditEvents } from '../../db/queries/audit.js';
import { listLedger } from '../../db/queries/promise-ledger.js';
import { useTestDatabase } from '../../test/db.js';
import { moderationSettings } from '../moderation/settings.js';
import type { CallAnalyzers } from '../session/analyzers.js';
import { buildAnalyzers } from '../session/build-analyzers.js';
import { closeDuePromise } from './deadline.js';
import { applyOrderEvent } from './lifecycle.js';
import { makeMerchantWithOrders, playCall } from './testing.js';

const db = useTestDatabase();
let analyzers: CallAnalyzers;
const M = 'm-ledger';
const STARTED = new Date('2026-11-23T02:00:00Z'); // 10:00 in Shanghai
const line = (speaker: TranscriptLine['speaker'], text: string, i: number): TranscriptLine => ({
  speaker,
  text,
  startMs: i * 2000,
  endMs: i * 2000 + 1500,
});
const event = (e: Partial<OrderEvent> & Pick<OrderEvent, 'eventId' | 'type' | 'at'>): OrderEvent => ({
  orderId: '240611587736219',
  ...e,
});
const ledger = (callId: string) => listLedger(db.sql(), { merchantId: M, callId, limit: 50, offset: 0 });
const audit = async (promiseId: string) =>
  (await listAuditEvents(db.sql(), { entityType: 'promise', entityId: promiseId })).map((a) => ({
    action: a.action,
    after: a.after as Record<string, unknown>,
  }));

let callId: string;

beforeAll(async () => {
  analyzers = await buildAnalyzers({ config: loadConfig({}), sql: db.sql() });
  await makeMerchantWithOrders(db.sql(), M, [
    { id: '240611587736219', buyerId: 'b-1', amount: 39.9 },
    { id: '240611587739999', buyerId: 'b-2', amount: 99 },
  ]);
  callId = await playCall(db.sql(), analyzers, { merchantId: M, buyerId: 'b-1', orderIds: [], startedAt: STARTED }, [
    line('customer', '你好，订单号240611587736219，苹果烂了三个', 0),
    line('merchant', '非常抱歉，我给您退款', 1),
    line('merchant', '我明天之前给您退款20元', 2),
    line('merchant', '我今天下午给您回个电话', 3),
    line('customer', '好的', 4),
  ]);
}, 120_000);

describe('promise lifecycle', () => {
  it('a restated promise supersedes the first, naming its replacement; terms come from the words', async () => {
    const rows = await ledger(callId);
    const refunds = rows.filter((p) => p.action === 'refund');
    expect(refunds.map((p) => p.status).sort()).toEqual(['open', 'superseded']);
    const open = refunds.find((p) => p.status === 'open')!;
    const old = refunds.find((p) => p.status === 'superseded')!;
    expect(old.supersededBy).toBe(open.id);
    expect(await audit(old.id)).toEqual([
      { action: 'promise.superseded', after: { status: 'superseded', supersededBy: open.id } },
    ]);
    expect(open).toMatchObject({ orderId: '240611587736219', amount: 20, currency: 'CNY', dueSource: 'said' });
    // 明天 = 2026-11-24 in Shanghai: due at its end, 2026-11-25 00:00 +08:00.
    expect(open.dueAt?.toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });

  it('a refund keeps the promise only once the refunds reach the promised sum; a replay is a no-op', async () => {
    const refund = (await ledger(callId)).find((p) => p.action === 'refund' && p.status === 'open')!;
    const first = await applyOrderEvent(
      db.sql(),
      event({ eventId: 'ev-r1', type: 'refunded', at: '2026-11-24T01:00:00Z', amount: 15, currency: 'CNY' }),
      'webhook',
    );
    expect(first.changes).toEqual([]);
    const second = await applyOrderEvent(
      db.sql(),
      event({ eventId: 'ev-r2', type: 'refunded', at: '2026-11-24T02:00:00Z', amount: 5, currency: 'CNY' }),
      'webhook',
    );
    expect(second.outcome.promises).toEqual([{ id: refund.id, status: 'kept' }]);
    expect((await ledger(callId)).find((p) => p.id === refund.id)).toMatchObject({
      status: 'kept',
      closedByEvent: 'ev-r2',
      ruleRef: 'promise.refund@1',
    });
    const trail = await audit(refund.id);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      action: 'promise.kept',
      after: { orderEventId: 'ev-r2', rule: 'promise.refund@1' },
    });

    const replay = await applyOrderEvent(
      db.sql(),
      event({ eventId: 'ev-r2', type: 'refunded', at: '2026-11-24T02:00:00Z', amount: 5, currency: 'CNY' }),
      'webhook',
    );
    expect(replay).toEqual({ outcome: second.outcome, changes: [], replayed: true });
    const [order] = await db.sql()<{ refundedAmount: string; status: string }[]>`
      select refunded_amount, status from orders where id = '240611587736219'`;
    expect(order).toEqual({ refundedAmount: '20.00', status: 'refunded' });
    expect(await audit(refund.id)).toHaveLength(1);
  });

  it('an unknown order is NOT_FOUND and nothing is stored', async () => {
    await expect(
      applyOrderEvent(
        db.sql(),
        event({ eventId: 'ev-x', orderId: 'no-such', type: 'shipped', at: '2026-11-24T00:00:00Z' }),
        'webhook',
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [n] = await db.sql()<{ n: number }[]>`select count(*)::int as n from order_events where event_id = 'ev-x'`;
    expect(n!.n).toBe(0);
  });

  it('a due promise is broken once, however many runners race, and raises an evidenced flag in a case', async () => {
    const callback = (await ledger(callId)).find((p) => p.action === 'callback')!;
    expect(callback.dueAt?.toISOString()).toBe('2026-11-23T16:00:00.000Z');
    const deps = { sql: db.sql(), settings: moderationSettings(), publish: () => undefined, log: () => undefined };
    // Not yet due: nothing happens.
    expect(await closeDuePromise({ ...deps, now: () => new Date('2026-11-23T15:00:00Z') }, callback.id)).toBe(false);
    const late = { ...deps, now: () => new Date('2026-11-24T00:00:00Z') };
    const runs = await Promise.all([closeDuePromise(late, callback.id), closeDuePromise(late, callback.id)]);
    expect(runs.filter(Boolean)).toHaveLength(1);
    const [flag] = await db.sql()<{ category: string; evidenceText: string; ruleId: string; caseId: string | null }[]>`
      select category, evidence_text, rule_id, case_id from flags where promise_id = ${callback.id}`;
    expect(flag).toMatchObject({
      category: 'broken_promise',
      evidenceText: '我今天下午给您回个电话',
      ruleId: 'promise.callback',
    });
    expect(flag!.caseId).not.toBeNull();
    const trail = await audit(callback.id);
    expect(trail.map((a) => a.action)).toEqual(['promise.broken']);
    expect(trail[0]!.after).toMatchObject({ rule: 'promise.callback@1', dueSource: 'said' });
    expect(trail[0]!.after.orderFacts).toMatchObject({ id: '240611587736219' });
    // A late call-back does not un-break it.
    await applyOrderEvent(
      db.sql(),
      event({ eventId: 'ev-cb', type: 'callback_made', at: '2026-11-24T01:00:00Z' }),
      'import',
    );
    expect((await ledger(callId)).find((p) => p.id === callback.id)?.status).toBe('broken');
  });

  it('a promise on no known order is never broken by the clock (nothing could show it kept)', async () => {
    const orderless = await playCall(
      db.sql(),
      analyzers,
      { merchantId: M, buyerId: 'b-none', orderIds: [], startedAt: STARTED },
      [line('customer', '我上周买的东西还没到', 0), line('merchant', '我今天下午给您回个电话', 1)],
    );
    const callback = (await ledger(orderless)).find((p) => p.action === 'callback')!;
    expect(callback.orderId).toBeNull();
    const deps = { sql: db.sql(), settings: moderationSettings(), publish: () => undefined, log: () => undefined };
    const late = { ...deps, now: () => new Date('2026-11-30T00:00:00Z') };
    expect(await closeDuePromise(late, callback.id)).toBe(false);
    const after = (await ledger(orderless)).find((p) => p.id === callback.id)!;
    expect(after).toMatchObject({ status: 'open', overdue: false });
    expect(await db.sql()`select 1 from flags where promise_id = ${callback.id}`).toHaveLength(0);
  });

  it('an order cancelled cancels its open promises; a promise with no time said gets the platform default', async () => {
    const other = await playCall(
      db.sql(),
      analyzers,
      { merchantId: M, buyerId: 'b-2', orderIds: ['240611587739999'], startedAt: STARTED },
      [line('customer', '我的水果还没到', 0), line('merchant', '这边给您补发一份新的', 1)],
    );
    const [ship] = await ledger(other);
    expect(ship).toMatchObject({
      action: 'ship',
      status: 'open',
      orderId: '240611587739999',
      dueSource: 'platform_default',
    });
    expect(ship!.dueAt!.getTime() - ship!.saidAt!.getTime()).toBe(48 * 3600_000);
    const r = await applyOrderEvent(
      db.sql(),
      event({ eventId: 'ev-c', orderId: '240611587739999', type: 'cancelled', at: '2026-11-23T05:00:00Z' }),
      'webhook',
    );
    expect(r.outcome.promises).toEqual([{ id: ship!.id, status: 'cancelled' }]);
    expect(await audit(ship!.id)).toEqual([
      {
        action: 'promise.cancelled',
        after: expect.objectContaining({ status: 'cancelled', orderEventId: 'ev-c', rule: 'promise.ship@1' }),
      },
    ]);
  });
});
