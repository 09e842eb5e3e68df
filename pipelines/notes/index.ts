/**
 * Stage 1 of the text pipeline: a call's transcript → structured notes (order numbers, amounts,
 * products, promises) in the core/analysis.ts shapes. Pure functions, no I/O.
 */
import type { AmountNote, OrderNumberNote, ProductNote, PromiseNote } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import { findAmountNotes } from './amounts.js';
import { isValidTimeZone } from './calendar.js';
import { findOrderNumbers } from './order-numbers.js';
import { findProducts } from './products.js';
import { findPromises } from './promises.js';

export interface NotesContext {
  /** When the call started; each line's startMs is counted from here. */
  startedAt: Date;
  /** IANA zone ("Asia/Shanghai") or fixed offset ("+08:00"); deadlines are dates in this zone. */
  timeZone: string;
  /** The platform's order ids for this buyer; when given, order numbers are checked against them. */
  knownOrderIds?: readonly string[];
  /** Item names from the orders, so "苹果" can be named as "烟台红富士苹果5斤装". */
  catalogue?: readonly string[];
}

export interface ExtractedNotes {
  orderNumbers: OrderNumberNote[];
  amounts: AmountNote[];
  products: ProductNote[];
  promises: PromiseNote[];
}

/** Everything stage 1 notes about a call. Throws INPUT_INVALID for a bad zone or start time. */
export function extractNotes(lines: readonly TranscriptLine[], context: NotesContext): ExtractedNotes {
  if (Number.isNaN(context.startedAt.getTime())) throw new KefuError('INPUT_INVALID', 'startedAt is not a valid date');
  if (!isValidTimeZone(context.timeZone)) {
    throw new KefuError(
      'INPUT_INVALID',
      `unknown time zone "${context.timeZone}" (use an IANA name or an offset like +08:00)`,
    );
  }
  return {
    orderNumbers: findOrderNumbers(lines, context.knownOrderIds),
    amounts: findAmountNotes(lines),
    products: findProducts(lines, context.catalogue),
    promises: findPromises(lines, context),
  };
}

export { findAmounts, findAmountNotes, type AmountMatch } from './amounts.js';
export { findDeadlines, resolveDeadline, type DeadlineMatch } from './deadlines.js';
export { findOrderNumbers, matchOrderNumber } from './order-numbers.js';
export { findProducts } from './products.js';
export { findPromises, findPromisesInLine, type PromiseContext } from './promises.js';
