import type { Queryable } from '../client.js';

export interface CallFacts {
  id: string;
  merchantId: string;
  buyerId: string;
  /** The platform's masked display name for the buyer, null until it sent one (core/buyer.ts). */
  buyerName: string | null;
  orderIds: string[];
  startedAt: Date;
  endedAt: Date | null;
  language: string | null;
  audioUri: string | null;
}

const CALL_FACTS = (q: Queryable) => q`
  select c.id, c.merchant_id, c.buyer_id, b.name as buyer_name, c.order_ids, c.started_at, c.ended_at,
    c.language, c.audio_uri
  from calls c left join buyers b on b.id = c.buyer_id`;

export async function listCallFacts(q: Queryable, callIds: readonly string[]): Promise<CallFacts[]> {
  return q<CallFacts[]>`${CALL_FACTS(q)} where c.id = any(${[...callIds]}::uuid[])`;
}

export async function getCallFacts(q: Queryable, callId: string): Promise<CallFacts | undefined> {
  const [row] = await q<CallFacts[]>`${CALL_FACTS(q)} where c.id = ${callId}`;
  return row;
}

/** Given utterances by id, in the shape of a flag's context lines. */
export async function listUtterancesById(
  q: Queryable,
  utteranceIds: readonly (number | string)[],
): Promise<{ id: number; seq: number; speakerRole: string; text: string; startMs: number; endMs: number }[]> {
  if (utteranceIds.length === 0) return [];
  return q`
    select id, index as seq, speaker as speaker_role, text, start_ms, end_ms from utterances
    where id = any(${utteranceIds.map(Number)}::bigint[]) order by call_id, index`;
}

/** The utterances within `around` lines of each given sequence number: a flag's context. */
export async function listUtterancesAround(
  q: Queryable,
  callId: string,
  seqs: readonly number[],
  around: number,
): Promise<{ id: number; seq: number; speakerRole: string; text: string; startMs: number; endMs: number }[]> {
  if (seqs.length === 0) return [];
  return q`
    select id, index as seq, speaker as speaker_role, text, start_ms, end_ms from utterances u
    where u.call_id = ${callId}
      and exists (select 1 from unnest(${seqs as number[]}::int[]) s where u.index between s - ${around} and s + ${around})
    order by index`;
}

export async function getMerchantName(q: Queryable, merchantId: string): Promise<string | null> {
  const [row] = await q<{ name: string }[]>`select name from merchants where id = ${merchantId}`;
  return row?.name ?? null;
}
