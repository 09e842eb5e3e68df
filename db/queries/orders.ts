import { type Order, OrderSchema } from '../../core/domain.js';
import type { Sql } from '../client.js';
import { setBuyerName } from './buyers.js';

export async function upsertOrder(sql: Sql, order: Order): Promise<void> {
  const o = OrderSchema.parse(order);
  await sql`
    insert into orders (id, merchant_id, buyer_id, items, amount, currency, status,
                        placed_at, paid_at, shipped_at, delivered_at)
    values (${o.id}, ${o.merchantId}, ${o.buyerId}, ${sql.json(o.items)}, ${o.amount}, ${o.currency},
            ${o.status}, ${o.placedAt}, ${o.paidAt}, ${o.shippedAt}, ${o.deliveredAt})
    on conflict (id) do update set items = excluded.items, amount = excluded.amount,
      currency = excluded.currency, status = excluded.status, placed_at = excluded.placed_at,
      paid_at = excluded.paid_at, shipped_at = excluded.shipped_at, delivered_at = excluded.delivered_at`;
  if (o.buyerName) await setBuyerName(sql, o.buyerId, o.buyerName);
}

/** Orders by id, limited to one merchant: a merchant never reads another's order facts. */
export async function getOrders(sql: Sql, merchantId: string, ids: readonly string[]): Promise<Order[]> {
  if (ids.length === 0) return [];
  const rows = await sql<(Omit<Order, 'amount'> & { amount: string })[]>`
    select * from orders where merchant_id = ${merchantId} and id in ${sql(ids)} order by placed_at`;
  return rows.map((r) => OrderSchema.parse({ ...r, amount: Number(r.amount) }));
}

export async function listOrderIds(sql: Sql, merchantId: string): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`select id from orders where merchant_id = ${merchantId}`;
  return rows.map((r) => r.id);
}

/** A buyer's orders with one merchant: what order numbers said in their call are checked against. */
export async function listBuyerOrders(sql: Sql, merchantId: string, buyerId: string): Promise<Order[]> {
  const rows = await sql<(Omit<Order, 'amount'> & { amount: string })[]>`
    select * from orders where merchant_id = ${merchantId} and buyer_id = ${buyerId} order by placed_at`;
  return rows.map((r) => OrderSchema.parse({ ...r, amount: Number(r.amount) }));
}
