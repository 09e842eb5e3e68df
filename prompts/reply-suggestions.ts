import { z } from 'zod';
import { definePrompt } from './render.js';

/** Reply suggestions for the merchant after a customer utterance (pipelines/suggest/llm-engine.ts). */
export const replySuggestionsPrompt = definePrompt({
  id: 'reply-suggestions',
  version: 1,
  variables: z.object({
    languageName: z.enum(['Chinese (简体中文)', 'English']),
    transcript: z.string().min(1),
    facts: z.string(),
    issue: z.string(),
    refundOptions: z.string(),
    policies: z.string().min(1),
  }),
});

/** What the LLM must answer; validated before any suggestion reaches a merchant. */
export const ReplySuggestionsOutput = z.object({
  suggestions: z
    .array(z.object({ text: z.string().trim().min(1).max(400), policies: z.array(z.string()).max(6) }))
    .min(1)
    .max(3),
});
export type ReplySuggestionsOutput = z.infer<typeof ReplySuggestionsOutput>;
