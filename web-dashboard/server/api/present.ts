import type { Actor } from '../../../pipelines/moderation/actor.js';

/** Moderators' identities are theirs: merchants learn that a human decided, not which one. */
const STAFF_ONLY = new Set([
  'claimedBy',
  'claimExpiresAt',
  'decidedBy',
  'assignedTo',
  'originalDecidedBy',
  'updatedBy',
]);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !STAFF_ONLY.has(k))
      .map(([k, v]) => [k, strip(v)]),
  );
}

export function present<T>(actor: Actor, value: T): unknown {
  return actor.kind === 'user' && actor.role === 'merchant_staff' ? strip(value) : value;
}
