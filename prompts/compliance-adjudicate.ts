import { z } from 'zod';
import { FlagCategorySchema, SpeakerRoleSchema } from '../core/domain.js';
import { definePrompt } from './render.js';

/** Asks a model whether one candidate compliance flag is a real violation, in its context. */
export const complianceAdjudicatePrompt = definePrompt({
  id: 'compliance-adjudicate',
  version: 1,
  variables: z.object({
    category: FlagCategorySchema,
    rule: z.string(),
    ground: z.string(),
    speaker: SpeakerRoleSchema,
    /** The preceding lines and the flagged one, as "[i] speaker: text". */
    context: z.string(),
    utterance: z.string(),
    evidence: z.string(),
  }),
});

export const ComplianceAdjudicationSchema = z.object({
  verdict: z.enum(['violation', 'not_violation', 'unsure']),
  confidence: z.number().min(0).max(1),
  reason: z.string().max(500),
});
export type ComplianceAdjudication = z.infer<typeof ComplianceAdjudicationSchema>;
