import { KefuError } from '../../../../core/errors.js';
import { merchantScope, type Actor } from '../../../../pipelines/moderation/actor.js';

/**
 * The one merchant a request is about: merchant staff always their own, whatever they asked for;
 * reviewers must name one.
 */
export function requiredMerchant(actor: Actor, asked: string | undefined): string {
  const own = merchantScope(actor);
  if (own !== null) return own;
  if (!asked) throw new KefuError('INPUT_INVALID', 'merchantId: required for reviewers');
  return asked;
}

/** Merchant staff read their own merchant; reviewers any, or the one they filter by. */
export function readScope(actor: Actor, asked?: string): string | null {
  return merchantScope(actor) ?? asked ?? null;
}
