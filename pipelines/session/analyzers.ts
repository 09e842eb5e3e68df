import type {
  AmountNote,
  FlagFinding,
  OrderNumberNote,
  ProductNote,
  PromiseNote,
  RefundOption,
  Suggestion,
} from '../../core/analysis.js';
import type { Order, TranscriptLine } from '../../core/domain.js';
import type { NotesTracker } from '../notes/index.js';
import type { CallReading } from '../suggest/call-reading.js';

export interface CallNotes {
  orderNumbers: OrderNumberNote[];
  amounts: AmountNote[];
  products: ProductNote[];
  promises: PromiseNote[];
}

export interface CallContext {
  startedAt: Date;
  timeZone: string;
  language: 'zh' | 'en';
  /** The platform's order facts for this call (validated order numbers, refund amounts). */
  orders: Order[];
}

export interface Advice {
  suggestions: Suggestion[];
  refundOptions: RefundOption[];
  /** No options, because the facts learnt since rule out those shown (see `TurnAdvice.ruledOut`). */
  ruledOut?: boolean;
}

export interface CallFindings extends CallNotes {
  flags: FlagFinding[];
  suggestions: Suggestion[];
  refundOptions: RefundOption[];
}

/**
 * The text pipeline's stages as one call session sees them. Each works on the transcript so far;
 * `index` is the line just heard. Built from the engines in `build-analyzers.ts`.
 */
export interface CallAnalyzers {
  /** A call's notes, fed one line at a time (notes are never re-extracted from the transcript). */
  trackNotes(ctx: CallContext): NotesTracker;
  detectFlags(lines: readonly TranscriptLine[], index: number): Promise<FlagFinding[]>;
  /**
   * The LLM recall layer's promises for line `index` (verified quotes only), to be merged with the
   * offline ones; absent when no LLM is configured. Empty when the LLM failed or ran over budget.
   */
  recallPromises?(lines: readonly TranscriptLine[], index: number, ctx: CallContext): Promise<PromiseNote[]>;
  advise(
    lines: readonly TranscriptLine[],
    index: number,
    ctx: CallContext & { notes: CallNotes; offered?: readonly Suggestion[]; reading?: CallReading },
  ): Promise<Advice>;
  summarize(
    lines: readonly TranscriptLine[],
    findings: CallFindings,
    ctx: CallContext & { reading?: CallReading },
  ): Promise<string>;
  /** e.g. { notes: 'rules', compliance: 'rules + semantic (hashed-ngram-v1-512)', … } for the banner. */
  describe(): Record<string, string>;
}
