import { randomUUID } from 'node:crypto';
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

export async function listSuggestions(
  sql: Sql,
  callId: string,
): Promise<(SuggestionRow & { feedback: FeedbackAction[] })[]> {
  return sql<(SuggestionRow & { feedback: FeedbackAction[] })[]>`
    select s.*, coalesce(array_agg(f.action order by f.at) filter (where f.action is not null), '{}') as feedback
    from suggestions s left join suggestion_feedback f on f.suggestion_id = s.id
    where s.call_id = ${callId}
    group by s.id order by s.created_at, s.id`;
}
