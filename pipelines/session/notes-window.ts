import type { TranscriptLine } from '../../core/domain.js';
import type { CallAnalyzers, CallContext, CallNotes } from './analyzers.js';

/** Cross-line context in extraction (a bare number answering "订单号？", a promise restated) spans a few lines. */
export const NOTES_WINDOW = 40;

/**
 * Re-extracts only the last NOTES_WINDOW lines after each utterance and keeps what was found
 * before them, so a long call costs linear, not quadratic, time. Within the window the result is
 * exactly a full extraction; across its edge, duplicates are dropped by the same keys.
 */
export function extractWindowed(
  analyzers: Pick<CallAnalyzers, 'extractNotes'>,
  lines: readonly TranscriptLine[],
  previous: CallNotes,
  ctx: CallContext,
): CallNotes {
  const start = Math.max(0, lines.length - NOTES_WINDOW);
  if (start === 0) return analyzers.extractNotes(lines, ctx);
  const fresh = analyzers.extractNotes(lines.slice(start), ctx);
  const shift = <T extends { utterance: number }>(items: T[]) =>
    items.map((x) => ({ ...x, utterance: x.utterance + start }));
  const before = <T extends { utterance: number }>(items: T[]) => items.filter((x) => x.utterance < start);
  const merge = <T extends { utterance: number }>(old: T[], now: T[], key: (x: T) => string) => {
    const seen = new Set(before(old).map(key));
    return [...before(old), ...shift(now).filter((x) => !seen.has(key(x)))];
  };
  return {
    orderNumbers: merge(previous.orderNumbers, fresh.orderNumbers, (o) => o.value),
    amounts: merge(previous.amounts, fresh.amounts, (a) => `${a.value} ${a.currency}`),
    products: merge(previous.products, fresh.products, (p) => p.name),
    promises: merge(
      previous.promises,
      fresh.promises,
      (p) => `${p.speaker} ${p.action} ${p.deadline} ${p.conditional}`,
    ),
  };
}
