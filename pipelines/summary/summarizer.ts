import type { FlagFinding, OrderNumberNote, PromiseNote, RefundOption } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import type { CallReading } from '../suggest/call-reading.js';

/** The structured results of a call, as the text pipeline produced them. */
export interface SummaryInput {
  language: 'zh' | 'en';
  lines: readonly TranscriptLine[];
  orderNumbers?: readonly OrderNumberNote[];
  promises: readonly PromiseNote[];
  flags: readonly FlagFinding[];
  /** The latest ranked refund options (recommended first). */
  refundOptions: readonly RefundOption[];
  /**
   * The call's lines as advice already read them: the issue is looked up there instead of every
   * line being read again (a long call's lines have left the per-text memos by its end).
   */
  reading?: CallReading;
}

/** Writes the end-of-call summary in the call's language. */
export interface Summarizer {
  /** e.g. 'offline-template' or 'llm:openai/gpt-4o-mini'. */
  readonly name: string;
  summarize(input: SummaryInput, options?: { signal?: AbortSignal }): Promise<string>;
}
