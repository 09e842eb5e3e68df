import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/client.js';
import type { StoredUtterance } from '../core/events.js';
import { type CallRow, createCall, insertUtterance } from '../db/queries/calls.js';
import { upsertOrder } from '../db/queries/orders.js';
import { upsertMerchant } from '../db/queries/people.js';

/** A merchant with one call and a two-line conversation, unique per call to this function. */
export async function makeCallWithUtterances(
  sql: Sql,
  lines: { speaker: 'merchant' | 'customer'; text: string }[] = [
    { speaker: 'customer', text: '我的订单 240611587736219 的苹果烂了' },
    { speaker: 'merchant', text: '抱歉，我今天给您退款' },
  ],
): Promise<{ merchantId: string; call: CallRow; utterances: StoredUtterance[] }> {
  const merchantId = `m-${randomUUID().slice(0, 8)}`;
  await upsertMerchant(sql, { id: merchantId, name: `测试店铺 ${merchantId}` });
  const call = await createCall(sql, { room: `room-${randomUUID()}`, merchantId, buyerId: 'b-1', language: 'zh' });
  const utterances: StoredUtterance[] = [];
  let t = 0;
  for (const line of lines) {
    utterances.push(
      await insertUtterance(sql, {
        callId: call.id,
        speaker: line.speaker,
        text: line.text,
        startMs: t,
        endMs: t + 1500,
        engine: 'transcript',
        confidence: null,
      }),
    );
    t += 2000;
  }
  return { merchantId, call, utterances };
}

/** The fruit shop's delivered order of apples (¥39.90) that the call-session tests talk about. */
export const FRUIT_ORDER_ID = '240611587736219';

export async function seedFruitOrder(sql: Sql, merchantId = 'm-fruit'): Promise<void> {
  await upsertMerchant(sql, { id: merchantId, name: '鲜果园' });
  await upsertOrder(sql, {
    id: FRUIT_ORDER_ID,
    merchantId,
    buyerId: 'b-1',
    currency: 'CNY',
    status: 'delivered',
    items: [{ sku: 'A', name: '烟台红富士苹果 5斤装', quantity: 1, unitPrice: 39.9, category: 'fresh_food' }],
    amount: 39.9,
    placedAt: new Date('2026-11-20T00:00:00Z'),
    paidAt: new Date('2026-11-20T00:00:00Z'),
    shippedAt: new Date('2026-11-21T00:00:00Z'),
    deliveredAt: new Date('2026-11-22T00:00:00Z'),
  });
}
