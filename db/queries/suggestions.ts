import { randomUUID } from 'node:crypto';
import type { SuggestionState, SuggestionWithdrawReason } from '../../core/events.js';
import type { Sql } from '../client.js';

export type SuggestionKind = 'reply' | 'refund_option' | 'coaching';
export type FeedbackAction = 'shown' | 'used' | 'dismissed' | 'chosen';

export interface SuggestionRow {
  id: string;
  callId: string;
  afterUtteranceId: number | null;
  kind: SuggestionKind;
  text: string;
  payload: Record<string, unknown>;
  policyIds: string[];
  engine: string;
  shownAt: Date | null;
  createdAt: Date;
}

/** `id` when the suggestion was already sent under it (the bot sends before it stores). */
export async function insertSuggestion(
  sql: Sql,
  s: Omit<SuggestionRow, 'id' | 'shownAt' | 'createdAt'> & { id?: string },
): Promise<SuggestionRow> {
  const [row] = await sql<SuggestionRow[]>`
    insert into suggestions (id, call_id, after_utterance_id, kind, text, payload, policy_ids, engine)
    values (${s.id ?? randomUUID()}, ${s.callId}, ${s.afterUtteranceId}, ${s.kind}, ${s.text}, ${sql.json(s.payload as never)},
            ${s.policyIds}, ${s.engine})
    returning *`;
  return row!;
}

/** Records what the merchant did with a suggestion; 'shown' also stamps the suggestion. */
export async function recordFeedback(
  sql: Sql,
  f: { suggestionId: string; action: FeedbackAction; actor?: string },
): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`insert into suggestion_feedback (suggestion_id, action, actor)
             values (${f.suggestionId}, ${f.action}, ${f.actor ?? null})`;
    if (f.action === 'shown') {
      await tx`update suggestions set shown_at = coalesce(shown_at, now()) where id = ${f.suggestionId}`;
    }
  });
}

/** One step of a provisional reply (decision 0495): appended, never changed. */
export async function insertSuggestionState(
  sql: Sql,
  s: {
    suggestionId: string;
    state: SuggestionState;
    reason?: SuggestionWithdrawReason;
    replacedBy?: string[];
    at: Date;
  },
): Promise<void> {
  await sql`insert into suggestion_states (suggestion_id, state, reason, replaced_by, at)
            values (${s.suggestionId}, ${s.state}, ${s.reason ?? null}, ${s.replacedBy ?? []}, ${s.at})`;
}

/** Links a reply stored when it was sent, before its line existed, to the line it followed. */
export async function linkSuggestion(sql: Sql, suggestionId: string, afterUtteranceId: number): Promise<void> {
  await sql`update suggestions set after_utterance_id = ${afterUtteranceId}
            where id = ${suggestionId} and after_utterance_id is null`;
}

/**
 * Provisional replies whose last step is still `provisional` (decision 0530): of one call, or of
 * every call that has ended. The bot that sent them stopped before settling them.
 */
export async function listUnsettledProvisionals(
  sql: Sql,
  of: { callId: string } | { endedCalls: true },
): Promise<{ suggestionId: string; callId: string; merchantId: string }[]> {
  // From the provisional steps (one per reply sent early), not from every suggestion of every call.
  return sql`
    select s.id as suggestion_id, s.call_id, c.merchant_id
    from suggestion_states t join suggestions s on s.id = t.suggestion_id join calls c on c.id = s.call_id
    where t.state = 'provisional'
      and ${'callId' in of ? sql`s.call_id = ${of.callId}` : sql`c.status = 'ended'`}
      and not exists (select 1 from suggestion_states u where u.suggestion_id = t.suggestion_id and u.id > t.id)
    order by t.id`;
}

/** The steps of every provisional reply of a call, in order. */
export async function listSuggestionStates(
  sql: Sql,
  callId: string,
): Promise<
  {
    suggestionId: string;
    state: SuggestionState;
    reason: SuggestionWithdrawReason | null;
    replacedBy: string[];
    at: Date;
  }[]
> {
  return sql`
    select t.suggestion_id, t.state, t.reason, t.replaced_by, t.at
    from suggestion_states t join suggestions s on s.id = t.suggestion_id
    where s.call_id = ${callId} order by t.id`;
}

/** `state`: where a provisional reply ended up (its last step); null for a reply sent after its final. */
export async function listSuggestions(
  sql: Sql,
  callId: string,
): Promise<(SuggestionRow & { feedback: FeedbackAction[]; state: SuggestionState | null })[]> {
  return sql<(SuggestionRow & { feedback: FeedbackAction[]; state: SuggestionState | null })[]>`
    select s.*, coalesce(array_agg(f.action order by f.at) filter (where f.action is not null), '{}') as feedback,
      (select t.state from suggestion_states t where t.suggestion_id = s.id order by t.id desc limit 1) as state
    from suggestions s left join suggestion_feedback f on f.suggestion_id = s.id
    where s.call_id = ${callId}
    group by s.id order by s.created_at, s.id`;
}
