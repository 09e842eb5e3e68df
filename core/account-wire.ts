import { z } from 'zod';
import { ApprovalWireSchema } from './approvals.js';
import { WireTimeSchema } from './audit.js';
import { UserRoleSchema } from './domain.js';
import { RulePolicyWireSchema } from './rule-wire.js';

/**
 * Wire shapes of accounts, sessions and the small answers around them (README, "Dashboard API").
 * Every answer is parsed through its schema on the way out, so only what is named here leaves.
 */

/** An account as admins list it; the password hash and lockout state never leave. */
export const AccountWireSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: UserRoleSchema,
  merchantId: z.string().nullable(),
  locale: z.string(),
  createdAt: WireTimeSchema,
  /** Locked out after too many failed sign-ins, until an admin unlocks (the users list). */
  locked: z.boolean().optional(),
});

/** A change that needs a second admin answers 202 with the request instead (decision 0171). */
export const AccountChangeWireSchema = z.union([z.object({ approvalRequired: ApprovalWireSchema }), AccountWireSchema]);

/** Who is signed in: what `GET /api/auth/me` and sign-in return. */
export const SessionUserWireSchema = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: UserRoleSchema,
  merchantId: z.string().nullable(),
  locale: z.string(),
  csrfToken: z.string(),
  expiresAt: WireTimeSchema,
});

export const SignedInWireSchema = z.object({
  user: SessionUserWireSchema.omit({ csrfToken: true, expiresAt: true }),
  csrfToken: z.string(),
  expiresAt: WireTimeSchema,
});

export const FreshTokenWireSchema = z.object({ csrfToken: z.string(), expiresAt: WireTimeSchema });
export const SignedOutWireSchema = z.object({ signedOut: z.literal(true) });

/** One of the caller's own sessions, by a handle that is not the session's secret. */
export const OwnSessionWireSchema = z.object({
  id: z.string(),
  createdAt: WireTimeSchema,
  expiresAt: WireTimeSchema,
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const RevokedWireSchema = z.object({ revoked: z.number() });
export const TemporaryPasswordWireSchema = z.object({ temporaryPassword: z.string() });
export const UnlockedWireSchema = z.object({ wasLocked: z.boolean() });

/** A second admin's approval or refusal, and what an approval applied (an account or a rule's policy). */
export const ApprovalDecidedWireSchema = z.object({
  approval: ApprovalWireSchema,
  applied: z.union([AccountWireSchema, RulePolicyWireSchema]).nullish(),
});
