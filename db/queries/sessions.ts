import type { UserRole } from '../../core/domain.js';
import type { Queryable } from '../client.js';

export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
  email: string;
  displayName: string;
  role: UserRole;
  merchantId: string | null;
  locale: string;
}

/** `id` is the sha256 of the cookie token: a stolen table row cannot be replayed as a cookie. */
export async function insertSession(
  q: Queryable,
  s: { id: string; userId: string; csrfToken: string; ttlHours: number; address?: string; userAgent?: string | null },
): Promise<{ expiresAt: Date }> {
  const [row] = await q<{ expiresAt: Date }[]>`
    insert into sessions (id, user_id, csrf_token, expires_at, address, user_agent)
    values (${s.id}, ${s.userId}, ${s.csrfToken}, now() + make_interval(hours => ${s.ttlHours}),
      ${s.address ?? null}, ${s.userAgent?.slice(0, 300) ?? null})
    returning expires_at`;
  return row!;
}

export async function getSessionUser(q: Queryable, id: string): Promise<SessionUser | undefined> {
  const [row] = await q<SessionUser[]>`
    select s.id as session_id, s.csrf_token, s.expires_at, u.id as user_id, u.email, u.display_name,
      u.role, u.merchant_id, u.locale
    from sessions s join users u on u.id = s.user_id
    where s.id = ${id} and s.expires_at > now()`;
  return row;
}

export async function deleteSession(q: Queryable, id: string): Promise<void> {
  await q`delete from sessions where id = ${id}`;
}

/** After a role change: sessions carry the old role's reach, so they end. */
export async function deleteUserSessions(q: Queryable, userId: string): Promise<number> {
  const rows = await q`delete from sessions where user_id = ${userId} returning id`;
  return rows.length;
}

export async function deleteExpiredSessions(q: Queryable): Promise<number> {
  const rows = await q`delete from sessions where expires_at <= now() returning id`;
  return rows.length;
}

export interface AccountRow {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  merchantId: string | null;
  locale: string;
  createdAt: Date;
}

export async function listAccounts(q: Queryable): Promise<AccountRow[]> {
  return q<AccountRow[]>`
    select id, email, display_name, role, merchant_id, locale, created_at from users order by email`;
}

export async function getAccount(q: Queryable, id: string): Promise<AccountRow | undefined> {
  const [row] = await q<AccountRow[]>`
    select id, email, display_name, role, merchant_id, locale, created_at from users where id = ${id}`;
  return row;
}

export async function updateAccount(
  q: Queryable,
  id: string,
  u: { role: UserRole; merchantId: string | null; displayName: string },
): Promise<AccountRow | undefined> {
  const [row] = await q<AccountRow[]>`
    update users set role = ${u.role}, merchant_id = ${u.merchantId}, display_name = ${u.displayName}
    where id = ${id}
    returning id, email, display_name, role, merchant_id, locale, created_at`;
  return row;
}

/** Keeps a user's newest `keep` sessions and ends the rest; returns the ended ids. */
export async function trimUserSessions(q: Queryable, userId: string, keep: number): Promise<string[]> {
  const rows = await q<{ id: string }[]>`
    delete from sessions where user_id = ${userId} and id not in (
      select id from sessions where user_id = ${userId} order by created_at desc, id limit ${keep})
    returning id`;
  return rows.map((r) => r.id);
}

export interface SessionListRow {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  address: string | null;
  userAgent: string | null;
}

export async function listUserSessions(q: Queryable, userId: string): Promise<SessionListRow[]> {
  return q<SessionListRow[]>`
    select id, created_at, expires_at, address, user_agent from sessions
    where user_id = ${userId} and expires_at > now() order by created_at desc`;
}
