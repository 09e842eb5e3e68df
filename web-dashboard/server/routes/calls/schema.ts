import { z } from 'zod';
import { DayRange, PageSchema } from '../cases/schema.js';

const MerchantId = z.string().trim().min(1).max(100);

export const CallListQuerySchema = z.object({
  status: z.enum(['active', 'ended']).optional(),
  /** Reviewers only; merchant staff always get their own merchant's calls. */
  merchantId: MerchantId.optional(),
  /** Words in the buyer's masked name, an order number or the summary; or the buyer's exact account id. */
  q: z.string().trim().min(1).max(100).optional(),
  ...DayRange,
  ...PageSchema,
});

export const LiveQuerySchema = z.object({ merchantId: MerchantId.optional(), callId: z.uuid().optional() });

export const MerchantQuerySchema = z.object({ merchantId: MerchantId.optional() });

export const FeedbackParamSchema = z.object({ id: z.uuid(), suggestionId: z.uuid() });

export const FeedbackInputSchema = z.object({ action: z.enum(['used', 'dismissed', 'chosen']) });
