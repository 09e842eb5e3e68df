import type { TranscriptLine } from '../../core/domain.js';
import type { Sql } from '../../db/client.js';
import { upsertOrder } from '../../db/queries/orders.js';
import { upsertMerchant } from '../../db/queries/people.js';
import type { CallAnalyzers } from '../session/analyzers.js';
import { CallSession } from '../session/call-session.js';

/** A merchant with orders (CNY, delivered, one item each), for promise tests. */
export async function makeMerchantWithOrders(
  sql: Sql,
  merchantId: string,
  orders: { id: string; buyerId: string; amount: number }[],
) {
  await upsertMerchant(sql, { id: merchantId, name: `测试店铺 ${merchantId}` });
  for (const o of orders) {
    await upsertOrder(sql, {
      id: o.id,
      merchantId,
      buyerId: o.buyerId,
      currency: 'CNY',
      status: 'delivered',
      items: [{ sku: 'A', name: '烟台红富士苹果 5斤装', quantity: 1, unitPrice: o.amount, category: 'fresh_food' }],
      amount: o.amount,
      placedAt: new Date('2026-11-20T00:00:00Z'),
      paidAt: new Date('2026-11-20T00:00:00Z'),
      shippedAt: new Date('2026-11-21T00:00:00Z'),
      deliveredAt: new Date('2026-11-22T00:00:00Z'),
    });
  }
}

/** Plays a transcript through a real call session (notes, promises, the store) and ends it. */
export async function playCall(
  sql: Sql,
  analyzers: CallAnalyzers,
  call: { merchantId: string; buyerId: string; orderIds: string[]; startedAt: Date },
  lines: readonly TranscriptLine[],
): Promise<string> {
  const session = await CallSession.start(
    { sql, analyzers, emit: () => undefined },
    { room: `room-${Math.random()}`, timeZone: 'Asia/Shanghai', ...call },
  );
  for (const l of lines) await session.addUtterance({ ...l, engine: 'transcript', confidence: null });
  await session.end(new Date(call.startedAt.getTime() + 60_000));
  return session.call.id;
}
