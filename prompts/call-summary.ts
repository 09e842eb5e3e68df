import { z } from 'zod';
import { definePrompt } from './render.js';

/** The optional LLM summary at call end (pipelines/summary/llm-summarizer.ts). */
export const callSummaryPrompt = definePrompt({
  id: 'call-summary',
  version: 1,
  variables: z.object({
    languageName: z.enum(['Chinese (简体中文)', 'English']),
    transcript: z.string().min(1),
    findings: z.string(),
    draft: z.string().min(1),
  }),
});

export const CallSummaryOutput = z.object({ summary: z.string().trim().min(1).max(1200) });
