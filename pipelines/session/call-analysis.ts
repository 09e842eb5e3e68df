import type { FlagFinding, PromiseNote, RefundOption, Suggestion } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import type { NotesTracker } from '../notes/index.js';
import { LanguageTally } from '../language/index.js';
import { mergePromises } from '../recall/promises.js';
import { CallReading } from '../suggest/call-reading.js';
import type { CallAnalyzers, CallContext, CallFindings, CallNotes } from './analyzers.js';

/** What one line caused, for a caller to store and announce. */
export interface LineOutcome {
  index: number;
  language: 'zh' | 'en';
  languageChanged: boolean;
  /** The call's notes when this line changed them. */
  notes: CallNotes | null;
  flags: FlagFinding[];
  /** Replies not offered earlier in the call. */
  suggestions: Suggestion[];
  /** The refund options when this line changed them. */
  refundOptions: RefundOption[] | null;
}

/**
 * One call's text analysis without any storage: each line is analysed once, in order, and what
 * crosses lines lives in the state carried here (the notes tracker, the language tally, what was
 * already suggested). A live `CallSession` stores and emits what this returns; `kefu analyze`
 * runs the same class over a file, so the two cannot disagree.
 */
export class CallAnalysis {
  readonly lines: TranscriptLine[] = [];
  private readonly tracker: NotesTracker;
  private readonly tally = new LanguageTally();
  private notes: CallNotes;
  /** Promises only the LLM recall layer found, merged into the tracker's at every change. */
  private readonly recalled: PromiseNote[] = [];
  private readonly flags: FlagFinding[] = [];
  private readonly suggestions: Suggestion[] = [];
  private refundOptions: RefundOption[] = [];
  /** The transcript as advice reads it, kept across turns so each line is read once. */
  private readonly reading = new CallReading(this.lines);

  constructor(
    private readonly analyzers: CallAnalyzers,
    readonly ctx: CallContext,
  ) {
    this.tracker = analyzers.trackNotes(ctx);
    this.notes = this.tracker.notes;
  }

  /**
   * Takes a line into the carried state (transcript, language, notes) without flags or advice, as
   * a resumed call does for the lines it had already handled. True when the notes changed.
   */
  recall(line: TranscriptLine): boolean {
    this.lines.push(line);
    this.tally.add(line.text);
    this.ctx.language = this.tally.language;
    if (!this.tracker.add(line)) return false;
    this.notes = this.merged();
    return true;
  }

  private merged(): CallNotes {
    const notes = this.tracker.notes;
    return this.recalled.length === 0 ? notes : { ...notes, promises: mergePromises(notes.promises, this.recalled) };
  }

  /** Analyses the call's next line once: its notes, flags and (after a buyer's line) advice. */
  async hear(line: TranscriptLine): Promise<LineOutcome> {
    const index = this.lines.length;
    const was = this.ctx.language;
    let notesChanged = this.recall(line);
    const recalled = (await this.analyzers.recallPromises?.(this.lines, index, this.ctx)) ?? [];
    if (recalled.length > 0) {
      this.recalled.push(...recalled);
      this.notes = this.merged();
      notesChanged = true;
    }
    const flags = await this.analyzers.detectFlags(this.lines, index);
    this.flags.push(...flags);
    const outcome: LineOutcome = {
      index,
      language: this.ctx.language,
      languageChanged: was !== this.ctx.language || index === 0,
      notes: notesChanged ? this.notes : null,
      flags,
      suggestions: [],
      refundOptions: null,
    };
    if (line.speaker === 'customer') await this.advise(index, outcome);
    return outcome;
  }

  private async advise(index: number, outcome: LineOutcome): Promise<void> {
    const advice = await this.analyzers.advise(this.lines, index, {
      ...this.ctx,
      notes: this.notes,
      offered: this.suggestions,
      reading: this.reading,
    });
    // The merchant has already seen a reply it was offered earlier in this call.
    outcome.suggestions = advice.suggestions.filter((s) => !this.suggestions.some((seen) => seen.text === s.text));
    this.suggestions.push(...outcome.suggestions);
    const changed = JSON.stringify(advice.refundOptions) !== JSON.stringify(this.refundOptions);
    if (advice.refundOptions.length > 0 && changed) {
      this.refundOptions = advice.refundOptions;
      outcome.refundOptions = advice.refundOptions;
    }
  }

  findings(): CallFindings {
    return { ...this.notes, flags: this.flags, suggestions: this.suggestions, refundOptions: this.refundOptions };
  }

  summarize(): Promise<string> {
    return this.analyzers.summarize(this.lines, this.findings(), this.ctx);
  }
}
