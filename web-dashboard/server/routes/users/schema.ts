import { z } from 'zod';
import { AdminReasonSchema } from '../../../../pipelines/auth/users.js';

export { NewUserSchema, UserUpdateSchema } from '../../../../pipelines/auth/users.js';

/** A reset or unlock may say why (kept in the audit event); an empty body says nothing. */
export const AdminActionSchema = z.object({ reason: AdminReasonSchema.optional() }).strict();
