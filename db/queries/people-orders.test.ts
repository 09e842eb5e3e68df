import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';
import { getOrders, listOrderIds, upsertOrder } from './orders.js';
import { getMerchant, getUserByEmail, upsertMerchant, upsertUser } from './people.js';

const db = useTestDatabase();

describe('merchants and users', () => {
  it('round-trips a merchant and its staff', async () => {
    const sql = db.sql();
    await upsertMerchant(sql, { id: 'm-a', name: '鲜果园' });
    expect(await getMerchant(sql, 'm-a')).toMatchObject({ id: 'm-a', name: '鲜果园', platform: 'pinduoduo' });
    await upsertUser(sql, {
      email: 'staff@a.test',
      displayName: '王',
      role: 'merchant_staff',
      merchantId: 'm-a',
      passwordHash: 'x',
    });
    expect(await getUserByEmail(sql, 'STAFF@a.test')).toMatchObject({ role: 'merchant_staff', merchantId: 'm-a' });
  });

  it('refuses merchant staff without a merchant and moderators bound to one', async () => {
    const sql = db.sql();
    await expect(
      upsertUser(sql, {
        email: 'lost@a.test',
        displayName: 'x',
        role: 'merchant_staff',
        merchantId: null,
        passwordHash: 'x',
      }),
    ).rejects.toThrow(/check constraint/);
    await expect(
      upsertUser(sql, {
        email: 'mod@a.test',
        displayName: 'x',
        role: 'moderator',
        merchantId: 'm-a',
        passwordHash: 'x',
      }),
    ).rejects.toThrow(/check constraint/);
  });
});

describe('orders', () => {
  const order = {
    id: '240611587736219',
    merchantId: 'm-o',
    buyerId: 'b-1',
    currency: 'CNY' as const,
    status: 'delivered' as const,
    items: [{ sku: 'A', name: '苹果 5斤', quantity: 2, unitPrice: 19.95, category: 'fresh_food' as const }],
    amount: 39.9,
    placedAt: new Date('2026-11-20T02:00:00Z'),
    paidAt: new Date('2026-11-20T02:01:00Z'),
    shippedAt: new Date('2026-11-21T08:00:00Z'),
    deliveredAt: new Date('2026-11-22T09:30:00Z'),
  };

  it('round-trips order facts with exact amounts and times', async () => {
    const sql = db.sql();
    await upsertMerchant(sql, { id: 'm-o', name: 'O' });
    await upsertOrder(sql, order);
    const [got] = await getOrders(sql, 'm-o', [order.id]);
    expect(got).toEqual(order);
    expect(await listOrderIds(sql, 'm-o')).toEqual([order.id]);
  });

  it("never returns another merchant's order", async () => {
    const sql = db.sql();
    await upsertMerchant(sql, { id: 'm-other', name: 'Other' });
    expect(await getOrders(sql, 'm-other', [order.id])).toEqual([]);
  });

  it('rejects an order with an unknown status before touching the database', async () => {
    await expect(upsertOrder(db.sql(), { ...order, id: '1', status: 'lost' as never })).rejects.toThrow(/status/);
  });
});
