import type { Currency } from '../../core/domain.js';
import type { OrderEvent, OrderEventType } from '../../core/order-events.js';
import type { Queryable } from '../client.js';

export interface OrderEventRow {
  eventId: string;
  orderId: string;
  merchantId: string;
  type: OrderEventType;
  at: Date;
  amount: number | null;
  currency: Currency | null;
  trackingNumber: string | null;
  source: 'webhook' | 'import';
  receivedAt: Date;
}

const COLUMNS = (q: Queryable) => q`
  event_id, order_id, merchant_id, type, at, amount::float8 as amount, currency, tracking_number, source, received_at`;

export async function getOrderEvent(q: Queryable, eventId: string): Promise<OrderEventRow | undefined> {
  const [row] = await q<OrderEventRow[]>`select ${COLUMNS(q)} from order_events where event_id = ${eventId}`;
  return row;
}

/** Stores an event once; undefined when its id was stored before (a replay). */
export async function insertOrderEvent(
  q: Queryable,
  e: OrderEvent,
  merchantId: string,
  source: OrderEventRow['source'],
): Promise<OrderEventRow | undefined> {
  const [row] = await q<OrderEventRow[]>`
    insert into order_events (event_id, order_id, merchant_id, type, at, amount, currency, tracking_number, source)
    values (${e.eventId}, ${e.orderId}, ${merchantId}, ${e.type}, ${e.at}, ${e.amount ?? null},
            ${e.currency ?? null}, ${e.trackingNumber ?? null}, ${source})
    on conflict (event_id) do nothing
    returning ${COLUMNS(q)}`;
  return row;
}

export async function listOrderEvents(q: Queryable, orderId: string): Promise<OrderEventRow[]> {
  return q<
    OrderEventRow[]
  >`select ${COLUMNS(q)} from order_events where order_id = ${orderId} order by at, received_at`;
}

/** The order's merchant and currency, locked so its facts change one event at a time. */
export async function lockOrder(
  q: Queryable,
  orderId: string,
): Promise<{ id: string; merchantId: string; buyerId: string; currency: Currency } | undefined> {
  const [row] = await q<{ id: string; merchantId: string; buyerId: string; currency: Currency }[]>`
    select id, merchant_id, buyer_id, trim(currency) as currency from orders where id = ${orderId} for update`;
  return row;
}

/** What an event says about the order: its status and the dates and sums behind it. */
export async function applyOrderFacts(q: Queryable, e: OrderEventRow): Promise<void> {
  const amount = e.amount ?? 0;
  switch (e.type) {
    case 'refunded':
      await q`update orders set status = 'refunded', refunded_amount = refunded_amount + ${amount},
                refunded_at = greatest(refunded_at, ${e.at}) where id = ${e.orderId}`;
      return;
    case 'shipped':
      await q`update orders set status = case when status in ('pending', 'paid') then 'shipped' else status end,
                shipped_at = coalesce(shipped_at, ${e.at}),
                tracking_number = coalesce(${e.trackingNumber}, tracking_number) where id = ${e.orderId}`;
      return;
    case 'delivered':
      await q`update orders set status = case when status in ('pending', 'paid', 'shipped') then 'delivered' else status end,
                delivered_at = coalesce(delivered_at, ${e.at}) where id = ${e.orderId}`;
      return;
    case 'cancelled':
      await q`update orders set status = 'cancelled', cancelled_at = ${e.at} where id = ${e.orderId}`;
      return;
    case 'compensated':
      await q`update orders set compensated_amount = compensated_amount + ${amount} where id = ${e.orderId}`;
      return;
    case 'callback_made':
    case 'visit_done':
      return; // facts about the service, not the order: kept as the event row itself
  }
}
