import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import { getUserByEmail } from '../../db/queries/people.js';
import {
  deleteExpiredSessions,
  deleteSession,
  getSessionUser,
  insertSession,
  trimUserSessions,
  type SessionUser,
} from '../../db/queries/sessions.js';
import { hashPassword, verifyPassword } from './password.js';
import { announceSessionsEnded } from './revocations.js';

export const SESSION_TTL_HOURS = 12;
/** Sign-ins beyond this many live sessions end the user's oldest ones. */
export const SESSIONS_PER_USER = 5;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
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

export async function signIn(sql: Sql, email: string, password: string): Promise<SignedIn> {
  const user = await getUserByEmail(sql, email);
  const ok = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyPassword(password, await (decoyHash ??= hashPassword(token()))).then(() => false);
  if (!user || !ok) throw new KefuError('UNAUTHENTICATED', 'Email or password is wrong.');
  const t = token();
  const csrfToken = token();
  const { expiresAt } = await insertSession(sql, {
    id: sha256(t),
    userId: user.id,
    csrfToken,
    ttlHours: SESSION_TTL_HOURS,
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
  await deleteSession(sql, session.sessionId);
  announceSessionsEnded({ userId: session.userId, sessionId: session.sessionId });
}

/** Constant-time comparison of the request's CSRF header with the session's token. */
export function csrfMatches(session: SessionUser, header: string | undefined): boolean {
  if (!header) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** For tests and the bench: a session without the password round trip. */
export async function createSessionFor(sql: Sql, userId: string): Promise<{ token: string; csrfToken: string }> {
  const t = token();
  const csrfToken = token();
  await insertSession(sql, { id: sha256(t), userId, csrfToken, ttlHours: SESSION_TTL_HOURS });
  return { token: t, csrfToken };
}
