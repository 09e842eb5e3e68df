/**
 * Provisional advice (decision 0495): the replies computed on a customer's interim hypothesis are
 * sent as the speech ends, marked provisional, and settled when the final transcript has its own
 * advice. What matters — what decides confirm or withdraw — is what the merchant would be shown:
 * the replies (their words and the policies they cite, which carry the issue and the intent they
 * answer) and the refund options (kind, order, amount, currency, which is recommended). A final
 * that differs only in words the advice does not read confirms; one that changes any of these
 * withdraws, and its own replies replace the provisional ones.
 */
import type { RefundOption, Suggestion } from '../../core/analysis.js';

/** The advice for one line as the merchant would see it: replies not offered before, and the options. */
export function adviceKey(suggestions: readonly Suggestion[], refundOptions: readonly RefundOption[]): string {
  return JSON.stringify([
    suggestions.map((s) => [s.text, [...s.policies].sort()]).sort(),
    refundOptions
      .map((o) => [o.kind, o.orderId, o.amount, o.currency, o.amountToBeConfirmed ?? false, o.recommended, o.policy])
      .sort(),
  ]);
}

/** Replies sent early, waiting for their final. */
export interface SentProvisional {
  suggestions: (Suggestion & { id: string })[];
  /** `adviceKey` of the advice they came from. */
  key: string;
  /** When they were sent (the stored trail's time of the provisional state). */
  sentAt: Date;
}

export type Settlement = { state: 'confirmed' } | { state: 'withdrawn'; reason: 'final_differs' | 'no_final' };

/**
 * Judges replies sent early against the final's advice: confirmed when the advice matches in
 * everything `adviceKey` reads, withdrawn otherwise, or when no final came for them (`final` undefined).
 */
export function settleProvisional(sent: SentProvisional, final: { key: string | null } | undefined): Settlement {
  if (!final) return { state: 'withdrawn', reason: 'no_final' };
  return final.key === sent.key ? { state: 'confirmed' } : { state: 'withdrawn', reason: 'final_differs' };
}
