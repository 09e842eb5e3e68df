import { z } from 'zod';
import { AppealStatusSchema } from '../../../../core/moderation.js';
import { checkDayRange, DayRange, PageSchema } from '../cases/schema.js';

export {
  AppealDecisionPreviewSchema,
  AppealDecisionSchema,
  AppealInputSchema,
} from '../../../../pipelines/moderation/appeals.js';

export const AppealQuerySchema = z
  .object({
    status: AppealStatusSchema.optional(),
    overdue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /** A reviewer's "whose appeals"; merchant staff always see their own. */
    merchantId: z.string().trim().min(1).max(100).optional(),
    /** The day the appeal was filed. */
    ...DayRange,
    ...PageSchema,
  })
  .superRefine(checkDayRange);
