/**
 * A promise's life after the call: kept or cancelled by the platform's order events, superseded
 * by a later promise in the same call, broken when its due time passes. Every move is one
 * conditional UPDATE (only an open promise moves, once) and an audit event naming its cause,
 * in one transaction.
 */
import type { Currency } from '../../core/domain.js';
import type { CallEvent } from '../../core/events.js';
import type { OrderEvent } from '../../core/order-events.js';
import type { Sql } from '../../db/client.js';
import { setBuyerName } from '../../db/queries/buyers.js';
import type { Queryable } from '../../db/client.js';
import {
  applyOrderFacts,
  getOrderEvent,
  insertOrderEvent,
  lockOrder,
  type OrderEventRow,
} from '../../db/queries/order-events.js';
import {
  closePromise,
  insertBrokenPromiseFlag,
  getLedgerPromise,
  type LedgerPromise,
  listOpenPromisesForOrder,
  orderFacts,
  sumOrderEvents,
} from '../../db/queries/promise-ledger.js';
import { notFound, record, SYSTEM } from '../moderation/actor.js';
import { type PromiseRule, promiseRules } from './rules.js';

export interface PromiseChange {
  promiseId: string;
  callId: string;
  merchantId: string;
  status: 'kept' | 'broken' | 'cancelled' | 'superseded';
  flagId?: string;
}

/** The same answer for the first delivery and every replay: the event and what it closed. */
export interface OrderEventOutcome {
  eventId: string;
  orderId: string;
  type: OrderEvent['type'];
  promises: { id: string; status: 'kept' | 'cancelled' }[];
}

/** The live event that tells open pages a promise moved. */
export function promiseEvent(c: PromiseChange): CallEvent {
  return { type: 'promise.updated', callId: c.callId, promiseId: c.promiseId, status: c.status };
}

/**
 * Stores an order event once and applies it: the order's facts, then each open promise on the
 * order that it keeps or cancels under the promise rules. NOT_FOUND for an unknown order
 * (nothing stored). A replayed eventId changes nothing and returns the first answer.
 */
export async function applyOrderEvent(
  sql: Sql,
  e: OrderEvent,
  source: OrderEventRow['source'],
): Promise<{ outcome: OrderEventOutcome; changes: PromiseChange[]; replayed: boolean }> {
  return sql.begin(async (tx) => {
    const order = await lockOrder(tx, e.orderId);
    if (!order) throw notFound(`order ${e.orderId}`);
    const stored = await insertOrderEvent(tx, e, order.merchantId, source);
    if (!stored) {
      const first = await getOrderEvent(tx, e.eventId);
      return { outcome: await outcomeOf(tx, first!), changes: [], replayed: true };
    }
    await applyOrderFacts(tx, stored);
    if (e.buyerName) await setBuyerName(tx, order.buyerId, e.buyerName);
    const changes: PromiseChange[] = [];
    for (const p of await listOpenPromisesForOrder(tx, e.orderId)) {
      const rule = promiseRules().get(p.action);
      const to = rule && (await judge(tx, p, rule, stored, order.currency));
      if (!to) continue;
      if (!(await closePromise(tx, p.id, to, { eventId: stored.eventId, ruleRef: rule.ref }))) continue;
      await record(
        tx,
        SYSTEM,
        `promise.${to}`,
        { type: 'promise', id: p.id },
        { status: 'open' },
        {
          status: to,
          orderEventId: stored.eventId,
          orderEvent: { type: stored.type, at: stored.at, amount: stored.amount, currency: stored.currency },
          rule: rule.ref,
        },
      );
      changes.push({ promiseId: p.id, callId: p.callId, merchantId: p.merchantId, status: to });
    }
    return { outcome: await outcomeOf(tx, stored), changes, replayed: false };
  }) as Promise<{ outcome: OrderEventOutcome; changes: PromiseChange[]; replayed: boolean }>;
}

/** kept, cancelled, or nothing: what this event means for this promise under its rule. */
async function judge(
  q: Queryable,
  p: LedgerPromise,
  rule: PromiseRule,
  e: OrderEventRow,
  orderCurrency: Currency,
): Promise<'kept' | 'cancelled' | undefined> {
  // An event from before the promise was made is not what the promise was about.
  if (p.saidAt && e.at < p.saidAt) return undefined;
  if (rule.cancelledBy.includes(e.type)) return 'cancelled';
  // Late is not kept: the deadline job closes it as broken, with this event among the order's facts.
  if (p.dueAt && e.at > p.dueAt) return undefined;
  for (const k of rule.keptBy) {
    if (k.type !== e.type) continue;
    if (k.amount !== 'at_least_promised' || p.amount === null) return 'kept';
    const currency = p.currency ?? orderCurrency;
    const paid = await sumOrderEvents(q, {
      orderId: e.orderId,
      type: e.type,
      currency,
      from: p.saidAt ?? p.createdAt,
      to: e.at,
    });
    if (paid + 1e-9 >= p.amount) return 'kept';
  }
  return undefined;
}

async function outcomeOf(q: Queryable, e: OrderEventRow): Promise<OrderEventOutcome> {
  const rows = await q<{ id: string; status: 'kept' | 'cancelled' }[]>`
    select id, status from promises where closed_by_event = ${e.eventId} order by said_at, created_at, id`;
  return { eventId: e.eventId, orderId: e.orderId, type: e.type, promises: rows.map((r) => ({ ...r })) };
}

/**
 * Closes a due promise as broken and raises its flag, once: the guarded UPDATE lets exactly one
 * runner through however many processes try. The flag's moderation case is opened by the caller
 * after commit (`openCaseForCall`, idempotent).
 */
export async function breakPromise(sql: Sql, promiseId: string, now: Date): Promise<PromiseChange | undefined> {
  return sql.begin(async (tx) => {
    const p = await getLedgerPromise(tx, promiseId);
    const rule = p && promiseRules().get(p.action);
    // With no order the events can never show it kept, so the clock must not call it broken: a
    // broken promise is a flag against the merchant, and this one would be evidence of nothing.
    if (!p || !rule || !p.orderId) return undefined;
    const before = await closePromise(tx, p.id, 'broken', { ruleRef: rule.ref, dueBy: now });
    if (!before) return undefined;
    const flagId = await insertBrokenPromiseFlag(tx, before, rule);
    const facts = before.orderId ? await orderFacts(tx, before.orderId) : undefined;
    await record(
      tx,
      SYSTEM,
      'promise.broken',
      { type: 'promise', id: p.id },
      { status: 'open' },
      {
        status: 'broken',
        rule: rule.ref,
        dueAt: before.dueAt,
        dueSource: before.dueSource,
        orderFacts: facts ?? null,
        flagId: flagId ?? null,
      },
    );
    return { promiseId: p.id, callId: p.callId, merchantId: p.merchantId, status: 'broken' as const, flagId };
  }) as Promise<PromiseChange | undefined>;
}

/** A later promise in the call replaced this one; the audit event names the replacement. */
export async function supersedePromise(
  sql: Queryable,
  promiseId: string,
  by: string | undefined,
): Promise<PromiseChange | undefined> {
  const before = await closePromise(sql, promiseId, 'superseded', { supersededBy: by });
  if (!before) return undefined;
  await record(
    sql,
    SYSTEM,
    'promise.superseded',
    { type: 'promise', id: promiseId },
    { status: 'open' },
    {
      status: 'superseded',
      supersededBy: by ?? null,
    },
  );
  return { promiseId, callId: before.callId, merchantId: before.merchantId, status: 'superseded' };
}
