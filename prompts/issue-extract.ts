import { z } from 'zod';
import { definePrompt } from './render.js';

/**
 * Asks a model what after-sales problem the buyer describes, quoting their words: the recall
 * layer under the offline issue detector (pipelines/recall/issues.ts), asked only when that
 * detector found none. Every quote is checked against the transcript line it names.
 */
export const issueExtractPrompt = definePrompt({
  id: 'issue-extract',
  version: 1,
  variables: z.object({
    /** "- <kind>: <what it covers>" per problem class. */
    kinds: z.string().min(1),
    /** The conversation so far, as "[i] speaker: text", the buyer's latest line last. */
    transcript: z.string().min(1),
  }),
});

export const IssueExtractOutput = z.object({
  issue: z
    .object({
      kind: z.string().min(1),
      /** The 0-based index of the buyer's line that describes it. */
      utterance: z.number().int().nonnegative(),
      /** Copied exactly from that line: the words that describe the problem. */
      evidence: z.string().min(1).max(300),
      /** Copied exactly from the transcript: the goods concerned, or null. */
      product: z.string().min(1).max(60).nullable(),
      count: z.number().int().positive().nullable(),
      total: z.number().int().positive().nullable(),
      preference: z.enum(['refund', 'replacement']).nullable(),
    })
    .nullable(),
});
export type IssueExtractOutput = z.infer<typeof IssueExtractOutput>;
