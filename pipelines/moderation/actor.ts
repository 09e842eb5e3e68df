import type { AuditAction, AuditEntity } from '../../core/audit.js';
import type { UserRole } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import { appendAuditEvent } from '../../db/queries/audit.js';
import type { Queryable } from '../../db/client.js';

/** Who is acting: a signed-in user, or Kefu itself (automated judgments, rule health). */
export type Actor =
  | { kind: 'user'; id: string; role: UserRole; merchantId: string | null }
  | { kind: 'system'; id: 'kefu' };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const SYSTEM: Actor = { kind: 'system', id: 'kefu' };

export const REVIEWER_ROLES: readonly UserRole[] = ['moderator', 'admin'];

export function requireRole(actor: Actor, roles: readonly UserRole[]): asserts actor is UserActor {
  if (actor.kind !== 'user' || !roles.includes(actor.role)) {
    throw new KefuError('FORBIDDEN', `This needs the role ${roles.join(' or ')}.`);
  }
}

/**
 * The merchant a reader is confined to, or null for staff who see every merchant. Rows outside
 * it are reported as missing, never as forbidden, so ids cannot be probed for existence.
 */
export function merchantScope(actor: Actor): string | null {
  if (actor.kind === 'user' && actor.role === 'merchant_staff') return actor.merchantId ?? '\u0000none';
  return null;
}

export function notFound(what: string): KefuError {
  return new KefuError('NOT_FOUND', `No such ${what}, or not yours.`);
}

/** Every state change goes through here, in the same transaction as the change itself. */
export async function record(
  q: Queryable,
  actor: Actor,
  action: AuditAction,
  entity: { type: AuditEntity; id: string },
  before: unknown,
  after: unknown,
): Promise<void> {
  await appendAuditEvent(q, {
    actorKind: actor.kind,
    actorId: actor.id,
    action,
    entityType: entity.type,
    entityId: entity.id,
    before: before ?? null,
    after: after ?? null,
  });
}
