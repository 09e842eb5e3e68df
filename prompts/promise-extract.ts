import { z } from 'zod';
import { PromiseActionSchema, SpeakerRoleSchema } from '../core/domain.js';
import { definePrompt } from './render.js';

/**
 * Asks a model which commitments one line makes, quoting them word for word: the recall layer
 * under the offline promise frames (pipelines/recall/promises.ts). Every quote is checked
 * against the line before anything is kept.
 */
export const promiseExtractPrompt = definePrompt({
  id: 'promise-extract',
  version: 1,
  variables: z.object({
    /** "- <action>: <what it covers>" per action class. */
    actions: z.string().min(1),
    /** The earlier lines, as "[i] speaker: text" (may be empty). */
    context: z.string(),
    speaker: SpeakerRoleSchema,
    utterance: z.string().min(1),
  }),
});

export const PromiseExtractOutput = z.object({
  promises: z
    .array(
      z.object({
        action: PromiseActionSchema,
        /** Copied exactly from the line: the words that make the commitment. */
        evidence: z.string().min(1).max(300),
        /** Copied exactly from the line: when it will be done ("明天", "within 48 hours"), or null. */
        deadline: z.string().min(1).max(60).nullable(),
        /** Kept only if something else happens first ("收到退货后给您退款", "if it's out of stock"). */
        conditional: z.boolean(),
      }),
    )
    .max(5),
});
export type PromiseExtractOutput = z.infer<typeof PromiseExtractOutput>;
