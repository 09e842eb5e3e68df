import type { z } from 'zod';
import type { Actor } from '../../../pipelines/moderation/actor.js';

/**
 * Moderators' identities are theirs: merchants learn that a human decided, not which one. The
 * merchant's answer is parsed through the merchant's own wire schema (core/moderation-wire.ts),
 * which names fewer keys than the staff one; neither lets through a key it does not name.
 */
export function schemaFor<S extends z.ZodType, M extends z.ZodType>(
  actor: Actor,
  schemas: { staff: S; merchant: M },
): S {
  // Typed as the staff schema, so `ok()` checks the staff answer names every field it carries;
  // the merchant schema is the staff one with keys omitted.
  return actor.kind === 'user' && actor.role === 'merchant_staff' ? (schemas.merchant as unknown as S) : schemas.staff;
}
