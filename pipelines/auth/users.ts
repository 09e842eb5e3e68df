import { z } from 'zod';
import { UserRoleSchema } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import { getMerchant, getUserByEmail, upsertUser } from '../../db/queries/people.js';
import {
  deleteUserSessions,
  getAccount,
  listAccounts,
  updateAccount,
  type AccountRow,
} from '../../db/queries/sessions.js';
import { notFound, record, requireRole, type Actor } from '../moderation/actor.js';
import { hashPassword } from './password.js';
import { announceSessionsEnded } from './revocations.js';

const RoleFields = {
  role: UserRoleSchema,
  merchantId: z.string().trim().min(1).nullable().default(null),
};
const roleMatchesMerchant = (u: { role: string; merchantId: string | null }) =>
  (u.role === 'merchant_staff') === (u.merchantId !== null);
const roleMismatch = {
  message: 'merchant staff need a merchantId; moderators and admins must have none',
  path: ['merchantId'],
};

export const NewUserSchema = z
  .object({
    ...RoleFields,
    email: z.email().transform((e) => e.toLowerCase()),
    displayName: z.string().trim().min(1).max(100),
    password: z.string().min(10).max(200),
    locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  })
  .refine(roleMatchesMerchant, roleMismatch);

export const UserUpdateSchema = z
  .object({
    ...RoleFields,
    displayName: z.string().trim().min(1).max(100),
  })
  .refine(roleMatchesMerchant, roleMismatch);

export async function listUsers(sql: Sql, actor: Actor): Promise<AccountRow[]> {
  requireRole(actor, ['admin']);
  return listAccounts(sql);
}

export async function createUser(sql: Sql, actor: Actor, input: z.infer<typeof NewUserSchema>): Promise<AccountRow> {
  requireRole(actor, ['admin']);
  if (await getUserByEmail(sql, input.email)) throw new KefuError('CONFLICT', 'A user with this email exists.');
  if (input.merchantId && !(await getMerchant(sql, input.merchantId))) throw notFound('merchant');
  const passwordHash = await hashPassword(input.password);
  return sql.begin(async (tx) => {
    const u = await upsertUser(tx as unknown as Sql, { ...input, passwordHash });
    const row = (await getAccount(tx, u.id))!;
    await record(tx, actor, 'user.created', { type: 'user', id: row.id }, null, {
      role: row.role,
      merchantId: row.merchantId,
    });
    return row;
  }) as Promise<AccountRow>;
}

/** A role or merchant change ends the user's sessions: they carried the old reach. */
export async function updateUser(
  sql: Sql,
  actor: Actor,
  id: string,
  input: z.infer<typeof UserUpdateSchema>,
): Promise<AccountRow> {
  requireRole(actor, ['admin']);
  if (input.merchantId && !(await getMerchant(sql, input.merchantId))) throw notFound('merchant');
  let ended = false;
  const updated = (await sql.begin(async (tx) => {
    const before = await getAccount(tx, id);
    if (!before) throw notFound('user');
    const after = (await updateAccount(tx, id, input))!;
    ended = before.role !== after.role || before.merchantId !== after.merchantId;
    if (ended) await deleteUserSessions(tx, id);
    await record(
      tx,
      actor,
      'user.updated',
      { type: 'user', id },
      { role: before.role, merchantId: before.merchantId },
      { role: after.role, merchantId: after.merchantId },
    );
    return after;
  })) as AccountRow;
  if (ended) announceSessionsEnded({ userId: id });
  return updated;
}
