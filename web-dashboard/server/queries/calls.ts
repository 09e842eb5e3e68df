import type { Sql } from '../../../db/client.js';
import type { CallRow } from '../../../db/queries/calls.js';

/**
 * The dashboard's read queries over calls; every one takes the reader's merchant scope (null: all).
 * A call's language is known for sure once it ends (its summary says it), so that fills a blank.
 */
export type CallListRow = Omit<ScopedCall, 'summary'> & { summary: string | null; utterances: number; flags: number };

/** A call with its buyer's masked display name (null until the platform has sent one). */
export type ScopedCall = CallRow & { buyerName: string | null };

const scope = (sql: Sql, merchantId: string | null) =>
  merchantId === null ? sql`` : sql`and c.merchant_id = ${merchantId}`;

export async function listCalls(
  sql: Sql,
  f: {
    merchantId: string | null;
    status?: 'active' | 'ended';
    q?: string;
    from?: Date;
    to?: Date;
    limit: number;
    offset: number;
  },
): Promise<CallListRow[]> {
  return sql<CallListRow[]>`
    select c.id, c.room, c.merchant_id, c.buyer_id, b.name as buyer_name, c.order_ids,
      coalesce(c.language, c.summary->>'language') as language, c.time_zone, c.status,
      c.started_at, c.ended_at, c.audio_uri, c.summary->>'text' as summary,
      (select count(*)::int from utterances u where u.call_id = c.id) as utterances,
      (select count(*)::int from flags x where x.call_id = c.id and x.status = 'raised') as flags
    from calls c left join buyers b on b.id = c.buyer_id where true ${scope(sql, f.merchantId)}
      ${f.status ? sql`and c.status = ${f.status}` : sql``}
      ${f.from ? sql`and c.started_at >= ${f.from}` : sql``}
      ${f.to ? sql`and c.started_at < ${f.to}` : sql``}
      ${
        f.q
          ? sql`and (b.name ilike ${`%${f.q}%`} or c.buyer_id = ${f.q} or array_to_string(c.order_ids, ' ') ilike ${`%${f.q}%`}
                 or c.summary->>'text' ilike ${`%${f.q}%`})`
          : sql``
      }
    order by c.started_at desc, c.id limit ${f.limit} offset ${f.offset}`;
}

export async function getScopedCall(sql: Sql, id: string, merchantId: string | null): Promise<ScopedCall | undefined> {
  const [row] = await sql<ScopedCall[]>`
    select c.*, b.name as buyer_name from calls c left join buyers b on b.id = c.buyer_id
    where c.id = ${id} ${scope(sql, merchantId)}`;
  return row;
}

/** The suggestion if it belongs to a call of the merchant (or any, for null). */
export async function findScopedSuggestion(
  sql: Sql,
  callId: string,
  suggestionId: string,
  merchantId: string | null,
): Promise<{ id: string } | undefined> {
  const [row] = await sql<{ id: string }[]>`
    select s.id from suggestions s join calls c on c.id = s.call_id
    where s.id = ${suggestionId} and s.call_id = ${callId} ${scope(sql, merchantId)}`;
  return row;
}

export interface TimelineDay {
  day: string;
  flags: number;
  upheld: number;
  overturned: number;
}

/** Flags raised, decisions upheld and decisions overturned per UTC day, oldest first. */
export async function moderationTimeline(sql: Sql, days: number): Promise<TimelineDay[]> {
  return sql<TimelineDay[]>`
    select to_char(d, 'YYYY-MM-DD') as day,
      (select count(*)::int from flags f where f.created_at >= d and f.created_at < d + interval '1 day') as flags,
      (select count(*)::int from decisions x where x.outcome = 'upheld'
         and x.decided_at >= d and x.decided_at < d + interval '1 day') as upheld,
      (select count(*)::int from decisions x where x.overturned_at >= d and x.overturned_at < d + interval '1 day') as overturned
    from generate_series(date_trunc('day', now() at time zone 'UTC') - make_interval(days => ${days - 1}),
                         date_trunc('day', now() at time zone 'UTC'), interval '1 day') as d
    order by d`;
}
