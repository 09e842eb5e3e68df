/**
 * Stage 1 of the text pipeline: a call's transcript → structured notes (order numbers, amounts,
 * products, promises) in the core/analysis.ts shapes. Pure functions, no I/O.
 */
import type { TranscriptLine } from '../../core/domain.js';
import { type ExtractedNotes, type NotesContext, NotesTracker } from './tracker.js';

/** Everything stage 1 notes about a call. Throws INPUT_INVALID for a bad zone or start time. */
export function extractNotes(lines: readonly TranscriptLine[], context: NotesContext): ExtractedNotes {
  const tracker = new NotesTracker(context);
  for (const line of lines) tracker.add(line);
  return tracker.notes;
}

export { NotesTracker, type ExtractedNotes, type NotesContext } from './tracker.js';
export { findAmounts, findAmountNotes, type AmountMatch } from './amounts.js';
export { findDeadlines, resolveDeadline, type DeadlineMatch } from './deadlines.js';
export { findOrderNumbers, matchOrderNumber } from './order-numbers.js';
export { findProducts } from './products.js';
export { findPromises, findPromisesInLine, type PromiseContext } from './promises.js';
export { promiseKey } from './promise-ledger.js';
