import { z } from 'zod';
import { ModerationCategorySchema, LanguageSchema, SeveritySchema } from '../../../../core/domain.js';

/** Ten years: older than anything a queue holds. */
const MAX_AGE_HOURS = 24 * 366 * 10;

export const IdParamSchema = z.object({ id: z.uuid() });

/**
 * A list's date bound: the instant the dashboard sends (`2026-12-05T16:00:00.000Z`, the browser's
 * midnight, so a day is the day its user sees), or a bare day (`2026-12-06`, read as UTC midnight)
 * for API callers. A list shows rows from `from` (inclusive) to `to` (exclusive). Anything else is
 * a 400 naming the parameter.
 */
export const DayParam = z.union([
  z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD or an ISO instant')
    .transform((v, ctx) => {
      const d = new Date(`${v}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
        ctx.addIssue({ code: 'custom', message: 'not a calendar day' });
        return z.NEVER;
      }
      return d;
    }),
]);

/** `from`/`to` day filters, refusing a range that ends before it starts. */
export const DayRange = { from: DayParam.optional(), to: DayParam.optional() };

export function checkDayRange(v: { from?: Date; to?: Date }, ctx: z.RefinementCtx) {
  if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'before from' });
}

export const PageSchema = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};

export const QueueQuerySchema = z
  .object({
    status: z.enum(['open', 'claimed', 'decided', 'closed']).optional(),
    category: ModerationCategorySchema.optional(),
    severity: SeveritySchema.optional(),
    // Bounded: an unbounded hour count overflows the database's interval (1e308 was a 500).
    minAgeHours: z.coerce.number().min(0).max(MAX_AGE_HOURS).optional(),
    maxAgeHours: z.coerce.number().min(0).max(MAX_AGE_HOURS).optional(),
    sla: z.enum(['overdue', 'due_soon', 'on_time']).optional(),
    language: LanguageSchema.optional(),
    /** The day the case was opened. */
    ...DayRange,
    ...PageSchema,
  })
  .superRefine(checkDayRange);
