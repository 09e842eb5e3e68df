import type { Queryable } from '../client.js';

export async function getPasswordHash(q: Queryable, userId: string): Promise<string | undefined> {
  const [row] = await q<{ passwordHash: string }[]>`select password_hash from users where id = ${userId}`;
  return row?.passwordHash;
}

export async function setPasswordHash(q: Queryable, userId: string, hash: string): Promise<void> {
  await q`update users set password_hash = ${hash}, password_changed_at = now() where id = ${userId}`;
}
