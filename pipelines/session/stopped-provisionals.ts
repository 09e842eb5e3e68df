/**
 * Provisional replies a stopped bot left unsettled (decision 0530). A reply sent early is stored
 * with its `provisional` step as it goes out (0495); if the bot crashes or is killed before the
 * final, no one confirms or withdraws it. Whoever next holds the call settles it: the job that
 * resumes the call, the sweeper that ends an abandoned call (both through `CallSession.resume`), or
 * a starting worker, for calls that ended meanwhile. Each is withdrawn as `bot_stopped`: a step in
 * suggestion_states, and so an event in the audit chain (migration 0099), and a
 * `suggestions.withdrawn` event, so a merchant panel or dashboard still holding it drops it.
 */
import type { CallEvent } from '../../core/events.js';
import type { Sql } from '../../db/client.js';
import { insertSuggestionState, listUnsettledProvisionals } from '../../db/queries/suggestions.js';

type Unsettled = Awaited<ReturnType<typeof listUnsettledProvisionals>>;

/** Withdraws the given unsettled replies as `bot_stopped`, one event per call; returns how many. */
export async function withdrawStopped(
  sql: Sql,
  unsettled: Unsettled,
  emit: (merchantId: string, event: CallEvent) => void,
  at = new Date(),
): Promise<number> {
  const byCall = new Map<string, { merchantId: string; ids: string[] }>();
  for (const u of unsettled) {
    await insertSuggestionState(sql, { suggestionId: u.suggestionId, state: 'withdrawn', reason: 'bot_stopped', at });
    const call = byCall.get(u.callId) ?? { merchantId: u.merchantId, ids: [] };
    call.ids.push(u.suggestionId);
    byCall.set(u.callId, call);
  }
  for (const [callId, { merchantId, ids }] of byCall)
    emit(merchantId, {
      type: 'suggestions.withdrawn',
      callId,
      suggestionIds: ids,
      reason: 'bot_stopped',
      replacedBy: [],
    });
  return unsettled.length;
}

/** At a worker's start: the unsettled replies of calls that have ended (their bot is gone for good). */
export async function withdrawStoppedOfEndedCalls(
  sql: Sql,
  emit: (merchantId: string, event: CallEvent) => void = () => {},
): Promise<number> {
  return withdrawStopped(sql, await listUnsettledProvisionals(sql, { endedCalls: true }), emit);
}
