import type { TranscriptLine } from '../../../core/domain.js';
import { findAmountNotes } from '../amounts.js';

/** The sums a call's notes hold, as "value CURRENCY"; the lines alternate customer, merchant. */
export const callSums = (texts: readonly string[]): string[] =>
  findAmountNotes(
    texts.map(
      (text, i): TranscriptLine => ({
        speaker: i % 2 ? 'merchant' : 'customer',
        text,
        startMs: i * 4000,
        endMs: i * 4000 + 3000,
      }),
    ),
  ).map((a) => `${a.value} ${a.currency}`);
