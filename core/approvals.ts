import { z } from 'zod';
import { WireTimeSchema } from './audit.js';
import { UserRoleSchema } from './domain.js';

/** Changes one admin may only ask for; a second admin applies or refuses them (decision 0171). */
export const ApprovalKindSchema = z.enum(['user.create', 'user.role', 'rule.auto']);
export type ApprovalKind = z.infer<typeof ApprovalKindSchema>;

export const ApprovalStatusSchema = z.enum(['pending', 'approved', 'rejected']);

/**
 * A request as the API sends it. The change is an allow-list of what a second admin needs to
 * judge it: whatever else the stored payload holds (a new account's password hash) never leaves.
 */
export const ApprovalWireSchema = z.object({
  id: z.string(),
  kind: ApprovalKindSchema,
  /** The account's email (user.create), user id (user.role) or rule id (rule.auto). */
  target: z.string(),
  change: z.object({
    email: z.string().optional(),
    displayName: z.string().optional(),
    role: UserRoleSchema.optional(),
    merchantId: z.string().nullable().optional(),
    judgment: z.enum(['auto', 'review']).optional(),
    reason: z.string().optional(),
  }),
  requestedBy: z.string(),
  requestedByName: z.string().nullable(),
  requestedAt: WireTimeSchema,
  status: ApprovalStatusSchema,
  decidedBy: z.string().nullable(),
  decidedAt: WireTimeSchema.nullable(),
});
export type ApprovalWire = z.output<typeof ApprovalWireSchema>;

/** What a change that needs a second admin answers instead (HTTP 202). */
export interface ApprovalRequired {
  approvalRequired: ApprovalWire;
}
