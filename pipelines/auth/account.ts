import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import {
  deleteSession,
  deleteUserSessions,
  getAccount,
  listUserSessions,
  type SessionUser,
} from '../../db/queries/sessions.js';
import { setPasswordHash, getPasswordHash } from '../../db/queries/passwords.js';
import { notFound, record, requireRole, type Actor } from '../moderation/actor.js';
import { hashPassword, verifyPassword } from './password.js';
import { announceSessionsEnded } from './revocations.js';
import { createSessionFor, type ClientInfo } from './sessions.js';
import { assertMayTry, liftLock, recordFailure } from './throttle.js';

export const PasswordSchema = z.string().min(10).max(200);

export const PasswordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});

const actorOfSession = (s: SessionUser): Actor => ({
  kind: 'user',
  id: s.userId,
  role: s.role,
  merchantId: s.merchantId,
});

/**
 * A user changes their own password: the current one is checked (and throttled like a sign-in),
 * every session of theirs ends, and a fresh one is returned for the caller.
 */
export async function changePassword(
  sql: Sql,
  session: SessionUser,
  input: z.infer<typeof PasswordChangeSchema>,
  client: ClientInfo,
) {
  await assertMayTry(sql, session.email, client.address);
  const stored = await getPasswordHash(sql, session.userId);
  if (!stored || !(await verifyPassword(input.currentPassword, stored))) {
    await recordFailure(sql, session.email, client.address);
    throw new KefuError('PASSWORD_WRONG', 'The current password is wrong.');
  }
  const hash = await hashPassword(input.newPassword);
  const fresh = await sql.begin(async (tx) => {
    await setPasswordHash(tx, session.userId, hash);
    await deleteUserSessions(tx, session.userId);
    await record(
      tx,
      actorOfSession(session),
      'user.password_changed',
      { type: 'user', id: session.userId },
      null,
      null,
    );
    return createSessionFor(tx as unknown as Sql, session.userId, client);
  });
  announceSessionsEnded({ userId: session.userId });
  return fresh;
}

/**
 * An admin issues a temporary password for another user (shown once, never stored in clear):
 * their sessions end and a lockout is lifted. An admin changes their own password themselves.
 */
export async function resetPassword(
  sql: Sql,
  actor: Actor,
  userId: string,
  reason?: string,
): Promise<{ temporaryPassword: string }> {
  requireRole(actor, ['admin']);
  if (actor.id === userId)
    throw new KefuError('DUTY_SEPARATION', 'Change your own password with POST /api/auth/password.');
  const account = await getAccount(sql, userId);
  if (!account) throw notFound('user');
  const temporaryPassword = randomBytes(12).toString('base64url');
  const hash = await hashPassword(temporaryPassword);
  await sql.begin(async (tx) => {
    await setPasswordHash(tx, userId, hash);
    await deleteUserSessions(tx, userId);
    await liftLock(tx, account.email);
    await record(tx, actor, 'user.password_reset', { type: 'user', id: userId }, null, reason ? { reason } : null);
  });
  announceSessionsEnded({ userId });
  return { temporaryPassword };
}

/** An admin lifts a sign-in lockout; audited even when there was none to lift. */
export async function unlockUser(
  sql: Sql,
  actor: Actor,
  userId: string,
  reason?: string,
): Promise<{ wasLocked: boolean }> {
  requireRole(actor, ['admin']);
  const account = await getAccount(sql, userId);
  if (!account) throw notFound('user');
  return sql.begin(async (tx) => {
    const wasLocked = await liftLock(tx, account.email);
    await record(
      tx,
      actor,
      'user.unlocked',
      { type: 'user', id: userId },
      { locked: wasLocked },
      { locked: false, ...(reason ? { reason } : {}) },
    );
    return { wasLocked };
  }) as Promise<{ wasLocked: boolean }>;
}

/** A short public handle for a session: never the stored id, which a cookie must never be derived from. */
export const sessionHandle = (sessionId: string) => sessionId.slice(0, 16);

export async function mySessions(sql: Sql, session: SessionUser) {
  const rows = await listUserSessions(sql, session.userId);
  return rows.map((r) => ({
    id: sessionHandle(r.id),
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    address: r.address,
    userAgent: r.userAgent,
    current: r.id === session.sessionId,
  }));
}

/** Ends one of the caller's own sessions by handle, or with 'others' every other one. */
export async function revokeMySessions(sql: Sql, session: SessionUser, handle: string | 'others'): Promise<number> {
  const rows = await listUserSessions(sql, session.userId);
  const ended = rows.filter((r) => (handle === 'others' ? r.id !== session.sessionId : sessionHandle(r.id) === handle));
  if (handle !== 'others' && ended.length === 0) throw notFound('session');
  await sql.begin(async (tx) => {
    for (const r of ended) await deleteSession(tx, r.id);
    await record(tx, actorOfSession(session), 'session.revoked', { type: 'user', id: session.userId }, null, {
      sessions: ended.length,
    });
  });
  for (const r of ended) announceSessionsEnded({ userId: session.userId, sessionId: r.id });
  return ended.length;
}
