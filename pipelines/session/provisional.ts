/**
 * Provisional replies (decision 0495): the replies advised on a customer's interim hypothesis are
 * sent as the speech ends, marked provisional, and settled one by one when the final transcript
 * has its own advice. What matters — what decides confirm or withdraw — is the reply itself as the
 * merchant would say it: its words, which carry the issue and intent it answers and any order,
 * amount or remedy it names, and the policies it cites, which name the remedy it relies on. A reply
 * the final's advice also offers is confirmed; one it does not offer is withdrawn, and the final's
 * other replies replace it. Refund options are never sent provisionally: they follow the final.
 */
import type { Suggestion } from '../../core/analysis.js';
import type { SuggestionWithdrawReason } from '../../core/events.js';

/** A reply's identity for settling: its words and the policies it cites, in any order. */
export function replyKey(s: Pick<Suggestion, 'text' | 'policies'>): string {
  return JSON.stringify([s.text, [...s.policies].sort()]);
}

/** Replies sent early, waiting for their final. */
export interface SentProvisional {
  suggestions: (Suggestion & { id: string })[];
  /** When they were sent (the stored trail's time of the provisional step). */
  sentAt: Date;
}

export interface Settlement {
  /** Sent replies the final's advice offers too: they stand as sent, under their ids. */
  confirmed: (Suggestion & { id: string })[];
  /** Sent replies it does not offer, or all of them when no final came (`final` undefined). */
  withdrawn: (Suggestion & { id: string })[];
  reason: SuggestionWithdrawReason;
  /** The final's replies not already standing: sent as new ones, in place of the withdrawn. */
  fresh: Suggestion[];
}

export function settleProvisional(sent: SentProvisional, final: { suggestions: Suggestion[] } | undefined): Settlement {
  if (!final) return { confirmed: [], withdrawn: sent.suggestions, reason: 'no_final', fresh: [] };
  const offered = new Set(final.suggestions.map(replyKey));
  const standing = new Set(sent.suggestions.map(replyKey));
  return {
    confirmed: sent.suggestions.filter((s) => offered.has(replyKey(s))),
    withdrawn: sent.suggestions.filter((s) => !offered.has(replyKey(s))),
    reason: 'final_differs',
    fresh: final.suggestions.filter((s) => !standing.has(replyKey(s))),
  };
}

/**
 * Why a customer's turn got no provisional reply (decision 0725), for the bot's timing log and
 * `bench bot`: the final was handled before the advice on the interim was ready; a line before it
 * was still being heard (its final not through the pipeline), so the interim's advice would read the
 * call out of order; the advice had no reply the merchant has not seen; a provisional sent earlier
 * still waits for its own final.
 */
export type ProvisionalSkip = 'final first' | 'earlier line still heard' | 'no new reply' | 'earlier provisional open';
