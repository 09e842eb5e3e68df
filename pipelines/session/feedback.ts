import type { CopilotFeedback } from '../../core/copilot.js';
import type { Sql } from '../../db/client.js';
import { listSuggestions, recordFeedback } from '../../db/queries/suggestions.js';

/**
 * Stores what the merchant did with the bot's advice (from the bot's data channel or the dashboard): the product's feedback loop. Only
 * suggestions of this call are accepted; a refund option is the latest one offered of its kind.
 * Returns false when the message names nothing of this call.
 */
export async function storeFeedback(
  sql: Sql,
  callId: string,
  feedback: CopilotFeedback,
  actor: string,
): Promise<boolean> {
  const offered = await listSuggestions(sql, callId);
  const target =
    feedback.type === 'refund_option.chosen'
      ? offered
          .filter(
            (s) =>
              s.kind === 'refund_option' &&
              s.payload.kind === feedback.kind &&
              (feedback.orderId === null || s.payload.orderId === feedback.orderId),
          )
          .at(-1)
      : offered.find((s) => s.kind === 'reply' && s.id === feedback.suggestionId);
  if (!target) return false;
  const action =
    feedback.type === 'suggestion.used' ? 'used' : feedback.type === 'suggestion.dismissed' ? 'dismissed' : 'chosen';
  await recordFeedback(sql, { suggestionId: target.id, action, actor });
  return true;
}
