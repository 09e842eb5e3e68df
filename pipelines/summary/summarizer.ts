import type { FlagFinding, OrderNumberNote, PromiseNote, RefundOption } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';

/** The structured results of a call, as the text pipeline produced them. */
export interface SummaryInput {
  language: 'zh' | 'en';
  lines: readonly TranscriptLine[];
  orderNumbers?: readonly OrderNumberNote[];
  promises: readonly PromiseNote[];
  flags: readonly FlagFinding[];
  /** The latest ranked refund options (recommended first). */
  refundOptions: readonly RefundOption[];
}

/** Writes the end-of-call summary in the call's language. */
export interface Summarizer {
  /** e.g. 'offline-template' or 'llm:openai/gpt-4o-mini'. */
  readonly name: string;
  summarize(input: SummaryInput, options?: { signal?: AbortSignal }): Promise<string>;
}
