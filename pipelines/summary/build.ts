import type { LlmClient } from '../llm/contract.js';
import { LlmSummarizer } from './llm-summarizer.js';
import { OfflineSummarizer } from './offline-summary.js';
import type { Summarizer } from './summarizer.js';

/** The LLM summarizer (template as its fallback) when an LLM is configured, else the template. */
export function buildSummarizer(llm: LlmClient | null, onFallback?: (reason: string) => void): Summarizer {
  return llm ? new LlmSummarizer(llm, onFallback) : new OfflineSummarizer();
}
