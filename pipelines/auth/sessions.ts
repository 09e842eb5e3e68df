import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import { appendAuditEvent } from '../../db/queries/audit.js';
import { getUserByEmail } from '../../db/queries/people.js';
import {
  deleteExpiredSessions,
  deleteSession,
  getSessionUser,
  insertSession,
  trimUserSessions,
  type SessionUser,
} from '../../db/queries/sessions.js';
import { record } from '../moderation/actor.js';
import { hashPassword, verifyPassword } from './password.js';
import { announceSessionsEnded } from './revocations.js';
import { assertMayTry, recordFailure, recordSuccess } from './throttle.js';

export const SESSION_TTL_HOURS = 12;
/** Sign-ins beyond this many live sessions end the user's oldest ones. */
export const SESSIONS_PER_USER = 5;

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const token = () => randomBytes(32).toString('base64url');

// Unknown emails still pay for one scrypt, so response time does not reveal which emails exist.
let decoyHash: Promise<string> | undefined;

export interface SignedIn {
  /** Goes into the httpOnly cookie and nowhere else; only its sha256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: Omit<SessionUser, 'sessionId' | 'csrfToken' | 'expiresAt'>;
}

/** Where a request came from, as far as the server can tell (see SecurityOptions.trustProxy). */
export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

const UNKNOWN_CLIENT: ClientInfo = { address: 'unknown', userAgent: null };

/**
 * Checks the throttle before the password; a failure counts against the account and the address
 * and is audited; a success opens a session, ends the user's oldest beyond the limit and deletes
 * expired ones.
 */
export async function signIn(
  sql: Sql,
  email: string,
  password: string,
  client: ClientInfo = UNKNOWN_CLIENT,
): Promise<SignedIn> {
  await assertMayTry(sql, email, client.address);
  const user = await getUserByEmail(sql, email);
  const ok = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyPassword(password, await (decoyHash ??= hashPassword(token()))).then(() => false);
  if (!user || !ok) {
    await sql.begin(async (tx) => {
      const { locked } = await recordFailure(tx, email, client.address);
      // Unknown emails are audited by a digest: the trail should not collect typed strangers' emails.
      const entity = user
        ? { type: 'user' as const, id: user.id }
        : { type: 'account' as const, id: sha256(email.toLowerCase()) };
      await appendAuditEvent(tx, {
        actorKind: 'system',
        actorId: 'kefu',
        action: locked ? 'user.locked' : 'session.sign_in_failed',
        entityType: entity.type,
        entityId: entity.id,
        before: null,
        after: { address: client.address },
      });
    });
    throw new KefuError('UNAUTHENTICATED', 'Email or password is wrong.');
  }
  await recordSuccess(sql, email);
  const t = token();
  const csrfToken = token();
  const { expiresAt } = await sql.begin(async (tx) => {
    const inserted = await insertSession(tx, {
      id: sha256(t),
      userId: user.id,
      csrfToken,
      ttlHours: SESSION_TTL_HOURS,
      ...client,
    });
    const actor = { kind: 'user', id: user.id, role: user.role, merchantId: user.merchantId } as const;
    await record(tx, actor, 'session.signed_in', { type: 'user', id: user.id }, null, { address: client.address });
    return inserted;
  });
  await deleteExpiredSessions(sql);
  for (const sessionId of await trimUserSessions(sql, user.id, SESSIONS_PER_USER))
    announceSessionsEnded({ userId: user.id, sessionId });
  return {
    token: t,
    csrfToken,
    expiresAt,
    user: {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      merchantId: user.merchantId,
      locale: user.locale,
    },
  };
}

/** The live session a cookie token names, or undefined (unknown, expired or signed out). */
export async function authenticate(sql: Sql, cookieToken: string | undefined): Promise<SessionUser | undefined> {
  if (!cookieToken || cookieToken.length > 200) return undefined;
  return getSessionUser(sql, sha256(cookieToken));
}

export async function signOut(sql: Sql, session: SessionUser): Promise<void> {
  await sql.begin(async (tx) => {
    await deleteSession(tx, session.sessionId);
    const actor = { kind: 'user', id: session.userId, role: session.role, merchantId: session.merchantId } as const;
    await record(tx, actor, 'session.signed_out', { type: 'user', id: session.userId }, null, null);
  });
  announceSessionsEnded({ userId: session.userId, sessionId: session.sessionId });
}

/** Constant-time comparison of the request's CSRF header with the session's token. */
export function csrfMatches(session: SessionUser, header: string | undefined): boolean {
  if (!header) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A fresh session for a user (tests, the bench, and after a password change). */
export async function createSessionFor(
  sql: Sql,
  userId: string,
  client: ClientInfo = UNKNOWN_CLIENT,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const t = token();
  const csrfToken = token();
  const { expiresAt } = await insertSession(sql, {
    id: sha256(t),
    userId,
    csrfToken,
    ttlHours: SESSION_TTL_HOURS,
    ...client,
  });
  return { token: t, csrfToken, expiresAt };
}
