import { z } from 'zod';
import { FlagCategorySchema, SpeakerRoleSchema } from '../core/domain.js';
import { definePrompt } from './render.js';

/**
 * Asks a model which violations one line commits, quoting its evidence word for word. The recall
 * layer: it finds phrasings the rules have never seen; every quote is checked against the line.
 */
export const complianceRecallPrompt = definePrompt({
  id: 'compliance-recall',
  version: 1,
  variables: z.object({
    /** "- <category>: <what it covers>" per category this speaker can violate. */
    categories: z.string().min(1),
    /** The earlier lines, as "[i] speaker: text" (may be empty). */
    context: z.string(),
    speaker: SpeakerRoleSchema,
    utterance: z.string().min(1),
  }),
});

export const ComplianceRecallSchema = z.object({
  violations: z
    .array(
      z.object({
        category: FlagCategorySchema,
        /** Copied exactly from the line: the words that commit the violation. */
        evidence: z.string().min(1).max(300),
        confidence: z.number().min(0).max(1),
        reason: z.string().max(500),
      }),
    )
    .max(7),
});
export type ComplianceRecall = z.infer<typeof ComplianceRecallSchema>;
