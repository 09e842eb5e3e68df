/**
 * Where a model's quote sits in the line it says it quotes: `[start, end)` of its first exact
 * occurrence (after trimming the quote's outer spaces), or null when the line doesn't contain it.
 * A quote that is not in the line is invented, and what rests on it is never shown.
 */
export function locateQuote(line: string, quote: string): [number, number] | null {
  const q = quote.trim();
  if (q === '') return null;
  const at = line.indexOf(q);
  return at < 0 ? null : [at, at + q.length];
}

/** A span the recall layer refused, kept so tests and logs can say why nothing was shown. */
export interface RejectedQuote {
  utterance: number;
  quote: string;
  reason: string;
}
