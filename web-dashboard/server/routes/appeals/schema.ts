import { z } from 'zod';
import { PageSchema } from '../cases/schema.js';

export {
  AppealDecisionPreviewSchema,
  AppealDecisionSchema,
  AppealInputSchema,
} from '../../../../pipelines/moderation/appeals.js';

export const AppealQuerySchema = z.object({
  status: z.enum(['open', 'claimed', 'decided', 'withdrawn']).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...PageSchema,
});
