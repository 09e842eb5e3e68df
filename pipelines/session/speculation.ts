/**
 * Advice computed ahead, on a customer's interim hypothesis, so the suggestion is ready when the
 * turn ends. It stands for the final only if nothing the advice reads has changed: the same line
 * position, call language, gist (issues, negation, numbers, asks: `gistOf`) and notes values.
 */
import type { TranscriptLine } from '../../core/domain.js';
import { gistOf } from '../speech/turn.js';
import type { Advice, CallNotes } from './analyzers.js';

export interface Speculation {
  index: number;
  language: string;
  gist: string;
  notes: string;
  advice: Promise<Advice>;
}

/** What of the notes advice reads, without the spans that move when a word changes. */
export function notesKey(notes: CallNotes): string {
  return JSON.stringify([
    notes.orderNumbers.map((o) => [o.value, o.matched]),
    notes.amounts.map((a) => [a.value, a.currency]),
    notes.products.map((p) => p.name),
    notes.promises.map((p) => [p.speaker, p.action, p.deadline]),
  ]);
}

/** Counts for the bench and the job's log: how often speculation saved the work. */
export interface SpeculationStats {
  started: number;
  used: number;
  discarded: number;
}

export function speculationFits(
  s: Speculation | undefined,
  at: { index: number; language: string; line: TranscriptLine; notes: CallNotes },
): s is Speculation {
  return (
    s !== undefined &&
    s.index === at.index &&
    s.language === at.language &&
    s.gist === gistOf(at.line.text) &&
    s.notes === notesKey(at.notes)
  );
}
