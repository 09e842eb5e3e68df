import { z } from 'zod';
import { ModerationCategorySchema, LanguageSchema, SeveritySchema } from '../../../../core/domain.js';

/** Ten years: older than anything a queue holds. */
const MAX_AGE_HOURS = 24 * 366 * 10;

export const IdParamSchema = z.object({ id: z.uuid() });

export const PageSchema = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};

export const QueueQuerySchema = z.object({
  status: z.enum(['open', 'claimed', 'decided', 'closed']).optional(),
  category: ModerationCategorySchema.optional(),
  severity: SeveritySchema.optional(),
  // Bounded: an unbounded hour count overflows the database's interval (1e308 was a 500).
  minAgeHours: z.coerce.number().min(0).max(MAX_AGE_HOURS).optional(),
  maxAgeHours: z.coerce.number().min(0).max(MAX_AGE_HOURS).optional(),
  sla: z.enum(['overdue', 'due_soon', 'on_time']).optional(),
  language: LanguageSchema.optional(),
  ...PageSchema,
});
