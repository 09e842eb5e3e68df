import { z } from 'zod';
import { PromiseStatusSchema } from '../../../../core/order-events.js';
import { checkDayRange, DayRange, PageSchema } from '../cases/schema.js';

/** A proof's file, as the browser reads it: at most this many bytes once decoded. */
export const PROOF_FILE_MAX_BYTES = 256 * 1024;
/** The JSON body of a proof: the file in base64 (4/3 of its size) plus the text. */
export const PROOF_BODY_MAX_BYTES = 512 * 1024;

export const LedgerQuerySchema = z
  .object({
    /** Reviewers only; merchant staff always get their own merchant's promises. */
    merchantId: z.string().trim().min(1).max(100).optional(),
    status: PromiseStatusSchema.optional(),
    orderId: z.string().trim().min(1).max(100).optional(),
    buyerId: z.string().trim().min(1).max(100).optional(),
    callId: z.uuid().optional(),
    /** The day the promise was made. */
    ...DayRange,
    ...PageSchema,
  })
  .superRefine(checkDayRange);

export const PromiseParamSchema = z.object({ id: z.uuid() });
export const ProofParamSchema = z.object({ id: z.uuid(), proofId: z.uuid() });

export const ProofInputSchema = z
  .object({
    text: z.string().trim().min(1).max(4000),
    file: z
      .object({
        name: z.string().trim().min(1).max(200),
        type: z
          .string()
          .trim()
          .regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'a MIME type such as image/png')
          .max(100),
        base64: z.base64().max(Math.ceil(PROOF_FILE_MAX_BYTES / 3) * 4, `at most ${PROOF_FILE_MAX_BYTES} bytes`),
      })
      .strict()
      .optional(),
  })
  .strict();
