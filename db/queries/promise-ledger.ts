import type { Currency } from '../../core/domain.js';
import type { DueSource, PromiseStatus } from '../../core/order-events.js';
import type { Queryable } from '../client.js';
import type { PromiseRow } from './notes.js';

/** A promise as the ledger keeps it: what was said, what it is checked against, how it ended. */
export interface LedgerPromise extends PromiseRow {
  buyerId: string;
  /** The buyer's masked display name, null until the platform sent one (core/buyer.ts). */
  buyerName: string | null;
  orderId: string | null;
  amount: number | null;
  currency: Currency | null;
  saidAt: Date | null;
  dueAt: Date | null;
  dueSource: DueSource | null;
  closedByEvent: string | null;
  supersededBy: string | null;
  ruleRef: string | null;
  createdAt: Date;
  /** Open and past its due time (the deadline job has not closed it yet). */
  overdue: boolean;
  /** The broken-promise flag and its moderation case, once broken. */
  flagId: string | null;
  caseId: string | null;
  proofs: number;
}

const COLUMNS = (q: Queryable) => q`
  p.id, p.call_id, p.merchant_id, c.buyer_id, (select b.name from buyers b where b.id = c.buyer_id) as buyer_name,
  p.utterance_id, p.speaker_role, p.action, p.text,
  to_char(p.deadline, 'YYYY-MM-DD') as deadline, p.conditional, p.status, p.order_id,
  p.amount::float8 as amount, p.currency, p.said_at, p.due_at, p.due_source, p.resolved_at,
  p.closed_by_event, p.superseded_by, p.rule_ref, p.created_at,
  coalesce(p.status = 'open' and p.order_id is not null and p.due_at < now(), false) as overdue,
  (select f.id from flags f where f.promise_id = p.id) as flag_id,
  (select f.case_id from flags f where f.promise_id = p.id) as case_id,
  (select count(*)::int from promise_proofs x where x.promise_id = p.id) as proofs`;

export async function getLedgerPromise(
  q: Queryable,
  id: string,
  merchantId: string | null = null,
): Promise<LedgerPromise | undefined> {
  const [row] = await q<LedgerPromise[]>`
    select ${COLUMNS(q)} from promises p join calls c on c.id = p.call_id
    where p.id = ${id} ${merchantId === null ? q`` : q`and p.merchant_id = ${merchantId}`}`;
  return row;
}

/**
 * Sets what a freshly stored promise is checked against: its order (the last order number said
 * at or before it that is one of the merchant's orders, else the call's first order), the sum it
 * names, when it was said, and when it falls due — the end of the day said, in the call's zone,
 * or `defaultHours` after it was said when no time was said (null hours: never due).
 */
export async function setPromiseTerms(
  q: Queryable,
  id: string,
  terms: { amount: number | null; currency: Currency | null; defaultHours: number | null },
): Promise<LedgerPromise | undefined> {
  const [row] = await q<{ id: string }[]>`
    with t as (
      select p.id,
        c.started_at + coalesce(u.start_ms, 0) * interval '1 millisecond' as said_at,
        c.time_zone,
        coalesce(
          (select o.id from call_notes n join orders o on o.id = n.value->>'value' and o.merchant_id = p.merchant_id
            where n.call_id = p.call_id and n.kind = 'order_number'
              and (p.utterance_id is null or n.utterance_id <= p.utterance_id)
            order by n.utterance_id desc nulls last limit 1),
          (select o.id from unnest(c.order_ids) with ordinality as x(id, i)
             join orders o on o.id = x.id and o.merchant_id = p.merchant_id order by x.i limit 1)
        ) as order_id
      from promises p join calls c on c.id = p.call_id left join utterances u on u.id = p.utterance_id
      where p.id = ${id}
    )
    update promises p set
      order_id = t.order_id,
      amount = ${terms.amount},
      currency = ${terms.currency},
      said_at = t.said_at,
      due_at = case
        when p.deadline is not null then ((p.deadline + 1)::timestamp at time zone t.time_zone)
        when ${terms.defaultHours}::float8 is null then null
        else t.said_at + ${terms.defaultHours}::float8 * interval '1 hour' end,
      due_source = case
        when p.deadline is not null then 'said'
        when ${terms.defaultHours}::float8 is null then null
        else 'platform_default' end
    from t where p.id = t.id
    returning p.id`;
  return row && getLedgerPromise(q, row.id);
}

/** Open promises on an order, oldest first (the ones an order event may keep or cancel). */
export async function listOpenPromisesForOrder(q: Queryable, orderId: string): Promise<LedgerPromise[]> {
  return q<LedgerPromise[]>`
    select ${COLUMNS(q)} from promises p join calls c on c.id = p.call_id
    where p.order_id = ${orderId} and p.status = 'open' order by p.said_at, p.created_at
    for update of p`;
}

/** Open promises on a known order whose due time has passed (the deadline job's work list). */
export async function listDuePromiseIds(
  q: Queryable,
  now: Date,
  actions: readonly string[],
  limit = 500,
): Promise<string[]> {
  if (actions.length === 0) return [];
  const rows = await q<{ id: string }[]>`
    select id from promises
    where status = 'open' and due_at <= ${now} and order_id is not null and action in ${q(actions as string[])}
    order by due_at limit ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * Closes an open promise; the `status = 'open'` guard makes it happen once, whoever races for it.
 * Returns the promise as it was before, or undefined when it was no longer open.
 */
export async function closePromise(
  q: Queryable,
  id: string,
  to: Exclude<PromiseStatus, 'open'>,
  cause: { eventId?: string; supersededBy?: string; ruleRef?: string; dueBy?: Date },
): Promise<LedgerPromise | undefined> {
  const before = await q<LedgerPromise[]>`
    select ${COLUMNS(q)} from promises p join calls c on c.id = p.call_id
    where p.id = ${id} and p.status = 'open' for update of p`;
  if (!before[0]) return undefined;
  const done = await q`
    update promises set status = ${to}, resolved_at = now(), closed_by_event = ${cause.eventId ?? null},
      superseded_by = ${cause.supersededBy ?? null}, rule_ref = ${cause.ruleRef ?? null}
    where id = ${id} and status = 'open'
      ${cause.dueBy ? q`and due_at <= ${cause.dueBy}` : q``}
    returning id`;
  return done.length > 0 ? before[0] : undefined;
}

export interface LedgerFilter {
  merchantId: string;
  status?: PromiseStatus;
  orderId?: string;
  buyerId?: string;
  callId?: string;
  /** Made on or after `from`, before `to`. */
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** The merchant's ledger: open ones first by due time, then the closed ones newest first. */
export async function listLedger(q: Queryable, f: LedgerFilter): Promise<LedgerPromise[]> {
  return q<LedgerPromise[]>`
    select ${COLUMNS(q)} from promises p join calls c on c.id = p.call_id
    where p.merchant_id = ${f.merchantId}
      ${f.status ? q`and p.status = ${f.status}` : q``}
      ${f.orderId ? q`and p.order_id = ${f.orderId}` : q``}
      ${f.buyerId ? q`and c.buyer_id = ${f.buyerId}` : q``}
      ${f.callId ? q`and p.call_id = ${f.callId}` : q``}
      ${f.from ? q`and p.created_at >= ${f.from}` : q``}
      ${f.to ? q`and p.created_at < ${f.to}` : q``}
    order by (p.status = 'open') desc,
      case when p.status = 'open' then p.due_at end asc nulls last,
      p.resolved_at desc nulls last, p.created_at desc
    limit ${f.limit} offset ${f.offset}`;
}

/**
 * The flag a broken promise raises: the promise's own words in its utterance (span, audio offsets)
 * under the rule that checked it. One per promise (unique index), so a second runner adds nothing.
 */
export async function insertBrokenPromiseFlag(
  q: Queryable,
  p: LedgerPromise,
  rule: { id: string; version: number },
): Promise<string | undefined> {
  const [u] = await q<{ text: string; startMs: number; endMs: number }[]>`
    select text, start_ms, end_ms from utterances where id = ${p.utteranceId}`;
  if (!u || p.utteranceId === null) return undefined;
  const at = u.text.indexOf(p.text);
  const [start, end] = at >= 0 && p.text.length > 0 ? [at, at + p.text.length] : [0, Math.max(u.text.length, 1)];
  const [row] = await q<{ id: string }[]>`
    insert into flag_rows (call_id, merchant_id, utterance_id, category, severity, rule_id, rule_version, detector,
                       confidence, speaker_role, evidence_text, span_start, span_end, audio_start_ms, audio_end_ms,
                       promise_id)
    values (${p.callId}, ${p.merchantId}, ${p.utteranceId}, 'broken_promise', 'medium', ${rule.id}, ${rule.version},
            'promise-ledger', 1, ${p.speakerRole}, ${u.text.slice(start, end)}, ${start}, ${end},
            ${u.startMs}, ${u.endMs}, ${p.id})
    on conflict (promise_id) where promise_id is not null do nothing
    returning id`;
  return row?.id;
}

/** Sum of an order's events of one type and currency from `from` to `to` (partial refunds add up). */
export async function sumOrderEvents(
  q: Queryable,
  o: { orderId: string; type: string; currency: string; from: Date; to: Date },
): Promise<number> {
  const [row] = await q<{ total: number }[]>`
    select coalesce(sum(e.amount), 0)::float8 as total from order_events e join orders o on o.id = e.order_id
    where e.order_id = ${o.orderId} and e.type = ${o.type} and coalesce(e.currency, o.currency) = ${o.currency}
      and e.at >= ${o.from} and e.at <= ${o.to}`;
  return row?.total ?? 0;
}

/** The order's facts as a moderator reads them beside a broken promise. */
export async function orderFacts(q: Queryable, orderId: string) {
  const [row] = await q<
    {
      id: string;
      status: string;
      amount: number;
      currency: string;
      refundedAmount: number;
      refundedAt: Date | null;
      compensatedAmount: number;
      shippedAt: Date | null;
      deliveredAt: Date | null;
      cancelledAt: Date | null;
      trackingNumber: string | null;
    }[]
  >`
    select id, status, amount::float8 as amount, trim(currency) as currency, refunded_amount::float8 as refunded_amount,
           refunded_at, compensated_amount::float8 as compensated_amount, shipped_at, delivered_at, cancelled_at,
           tracking_number
    from orders where id = ${orderId}`;
  return row;
}
