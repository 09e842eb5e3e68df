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
import type { Queryable } from '../../db/client.js';
import { notFound, REVIEWER_ROLES, record, requireRole, type Actor } from '../moderation/actor.js';
import { onApproved, requestApproval, type ApprovalRequired } from '../moderation/approvals.js';
import { hashPassword } from './password.js';
import { lockedEmails } from './throttle.js';
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

/** Why an admin acts on someone else's account: kept in the audit event and shown to the approver. */
export const AdminReasonSchema = z.string().trim().min(1).max(500);

export const UserUpdateSchema = z
  .object({
    ...RoleFields,
    displayName: z.string().trim().min(1).max(100),
    reason: AdminReasonSchema.optional(),
  })
  .refine(roleMatchesMerchant, roleMismatch);

/** Every account, and whether a sign-in lockout waits for an admin to lift it. */
export async function listUsers(sql: Sql, actor: Actor): Promise<(AccountRow & { locked: boolean })[]> {
  requireRole(actor, ['admin']);
  const accounts = await listAccounts(sql);
  const locked = await lockedEmails(
    sql,
    accounts.map((a) => a.email),
  );
  return accounts.map((a) => ({ ...a, locked: locked.has(a.email.toLowerCase()) }));
}

type NewUser = Omit<z.infer<typeof NewUserSchema>, 'password'> & { passwordHash: string };

async function insertNewUser(tx: Queryable, actor: Actor, input: NewUser): Promise<AccountRow> {
  if (await getUserByEmail(tx as Sql, input.email)) throw new KefuError('CONFLICT', 'A user with this email exists.');
  const u = await upsertUser(tx as Sql, input);
  const row = (await getAccount(tx, u.id))!;
  await record(tx, actor, 'user.created', { type: 'user', id: row.id }, null, {
    role: row.role,
    merchantId: row.merchantId,
  });
  return row;
}

/** A new reviewer (moderator or admin) account needs a second admin's approval (decision 0171). */
export async function createUser(
  sql: Sql,
  actor: Actor,
  input: z.infer<typeof NewUserSchema>,
): Promise<AccountRow | ApprovalRequired> {
  requireRole(actor, ['admin']);
  if (await getUserByEmail(sql, input.email)) throw new KefuError('CONFLICT', 'A user with this email exists.');
  if (input.merchantId && !(await getMerchant(sql, input.merchantId))) throw notFound('merchant');
  const { password, ...rest } = input;
  const user: NewUser = { ...rest, passwordHash: await hashPassword(password) };
  if (REVIEWER_ROLES.includes(input.role)) {
    return requestApproval(sql, actor, { kind: 'user.create', target: input.email, payload: { ...user } });
  }
  return sql.begin((tx) => insertNewUser(tx, actor, user)) as Promise<AccountRow>;
}

onApproved('user.create', (tx, approval, approver) =>
  insertNewUser(tx, approver, approval.payload as unknown as NewUser),
);
onApproved('user.role', (tx, approval, approver) =>
  applyUpdate(tx, approver, approval.target, approval.payload as unknown as z.infer<typeof UserUpdateSchema>),
);

async function applyUpdate(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: z.infer<typeof UserUpdateSchema>,
): Promise<AccountRow> {
  const before = await getAccount(tx, id);
  if (!before) throw notFound('user');
  const after = (await updateAccount(tx, id, input))!;
  const ended = before.role !== after.role || before.merchantId !== after.merchantId;
  if (ended) {
    await deleteUserSessions(tx, id);
    // After commit would be exact; announcing early only closes this process's streams a moment sooner.
    announceSessionsEnded({ userId: id });
  }
  await record(
    tx,
    actor,
    'user.updated',
    { type: 'user', id },
    { role: before.role, merchantId: before.merchantId },
    { role: after.role, merchantId: after.merchantId, ...(input.reason ? { reason: input.reason } : {}) },
  );
  return after;
}

/**
 * A role or merchant change ends the user's sessions: they carried the old reach. Nobody changes
 * their own role or merchant, and granting a reviewer role needs a second admin's approval.
 */
export async function updateUser(
  sql: Sql,
  actor: Actor,
  id: string,
  input: z.infer<typeof UserUpdateSchema>,
): Promise<AccountRow | ApprovalRequired> {
  requireRole(actor, ['admin']);
  if (input.merchantId && !(await getMerchant(sql, input.merchantId))) throw notFound('merchant');
  const current = await getAccount(sql, id);
  if (!current) throw notFound('user');
  const reach = current.role !== input.role || current.merchantId !== input.merchantId;
  if (reach && actor.id === id) throw new KefuError('DUTY_SEPARATION', 'You cannot change your own role or merchant.');
  if (current.role !== input.role && REVIEWER_ROLES.includes(input.role)) {
    return requestApproval(sql, actor, { kind: 'user.role', target: id, payload: { ...input } });
  }
  return sql.begin((tx) => applyUpdate(tx, actor, id, input)) as Promise<AccountRow>;
}
