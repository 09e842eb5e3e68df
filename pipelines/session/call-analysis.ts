import type { FlagFinding, PromiseNote, RefundOption, Suggestion } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import type { NotesTracker } from '../notes/index.js';
import { LanguageTally } from '../language/index.js';
import { mergePromises } from '../recall/promises.js';
import { CallReading } from '../suggest/call-reading.js';
import type { Advice, CallAnalyzers, CallContext, CallFindings, CallNotes } from './analyzers.js';
import { gistOf } from '../speech/turn.js';
import { notesKey, type Speculation, type SpeculationStats, speculationFits } from './speculation.js';

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
  private speculation: Speculation | undefined;
  /** A line is being heard: its state is half-updated, so nothing is speculated on it. */
  private hearing = false;
  readonly speculations: SpeculationStats = { started: 0, used: 0, discarded: 0 };

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

  /**
   * Starts advice for a customer line still being spoken (an interim hypothesis), without
   * changing any state; `hear` uses it when the final says the same in everything advice reads.
   */
  speculate(line: TranscriptLine): void {
    if (line.speaker !== 'customer' || this.hearing) return;
    const index = this.lines.length;
    const gist = gistOf(line.text);
    if (this.speculation?.index === index && this.speculation.gist === gist) return;
    const lines = [...this.lines, line];
    const tracker = this.analyzers.trackNotes(this.ctx);
    for (const l of lines) tracker.add(l);
    const notes =
      this.recalled.length === 0
        ? tracker.notes
        : { ...tracker.notes, promises: mergePromises(tracker.notes.promises, this.recalled) };
    const advice = this.analyzers.advise(lines, index, { ...this.ctx, notes, offered: [...this.suggestions] });
    advice.catch(() => {});
    this.speculation = { index, language: this.ctx.language, gist, notes: notesKey(notes), advice };
    this.speculations.started++;
  }

  /**
   * Advice for a customer's line whose speech just ended, on its latest interim hypothesis, to be
   * sent ahead of the final (decision 0495): the replies not offered yet, which the final's own
   * advice confirms or not. Undefined while another line is being heard. No state changes.
   */
  async provisional(line: TranscriptLine): Promise<{ index: number; suggestions: Suggestion[] } | undefined> {
    this.speculate(line);
    const ahead = this.speculation;
    if (!ahead || ahead.index !== this.lines.length) return undefined;
    const advice = await ahead.advice;
    return { index: ahead.index, suggestions: this.unoffered(advice.suggestions) };
  }

  private unoffered(suggestions: readonly Suggestion[]): Suggestion[] {
    // The merchant has already seen a reply it was offered earlier in this call.
    return suggestions.filter((s) => !this.suggestions.some((seen) => seen.text === s.text));
  }

  /** Analyses the call's next line once: its notes, flags and (after a buyer's line) advice. */
  async hear(line: TranscriptLine): Promise<LineOutcome> {
    this.hearing = true;
    try {
      return await this.heard(line);
    } finally {
      this.hearing = false;
    }
  }

  private async heard(line: TranscriptLine): Promise<LineOutcome> {
    const index = this.lines.length;
    const language = this.ctx.language;
    const was = this.ctx.language;
    let notesChanged = this.recall(line);
    // Taken before anything is awaited, so the speculation is judged against this line's state.
    const ahead = this.speculation;
    this.speculation = undefined;
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
    if (line.speaker === 'customer') {
      const fits =
        recalled.length === 0 &&
        this.ctx.language === language &&
        speculationFits(ahead, { index, language, line, notes: this.notes });
      if (ahead) this.speculations[fits ? 'used' : 'discarded']++;
      await this.advise(index, outcome, fits ? ahead.advice : undefined);
    } else if (this.reading.touchesRemedy(index)) {
      // The merchant settling or offering a remedy after the buyer's last line changes the options,
      // or makes the first one when Kefu had none (decision 0390).
      await this.advise(index, outcome);
    }
    return outcome;
  }

  private async advise(index: number, outcome: LineOutcome, ahead?: Promise<Advice>): Promise<void> {
    const advice = await (ahead ??
      this.analyzers.advise(this.lines, index, {
        ...this.ctx,
        notes: this.notes,
        offered: this.suggestions,
        reading: this.reading,
      }));
    outcome.suggestions = this.unoffered(advice.suggestions);
    this.suggestions.push(...outcome.suggestions);
    const changed = JSON.stringify(advice.refundOptions) !== JSON.stringify(this.refundOptions);
    if (advice.refundOptions.length > 0 && changed) {
      this.refundOptions = advice.refundOptions;
      outcome.refundOptions = advice.refundOptions;
    } else if (advice.ruledOut && this.refundOptions.some((o) => o.recommended)) {
      // Shown before the facts ruled them out: still listed, none recommended.
      this.refundOptions = this.refundOptions.map((o) => ({ ...o, recommended: false }));
      outcome.refundOptions = this.refundOptions;
    }
  }

  findings(): CallFindings {
    return { ...this.notes, flags: this.flags, suggestions: this.suggestions, refundOptions: this.refundOptions };
  }

  summarize(): Promise<string> {
    return this.analyzers.summarize(this.lines, this.findings(), { ...this.ctx, reading: this.reading });
  }
}
