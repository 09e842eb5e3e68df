/**
 * Text helpers shared by the extractors. Every extractor reports spans into the original line,
 * so normalisation here must keep string length (one UTF-16 unit in, one out).
 */

/** Fullwidth ASCII (０-９, ＄, ％…) and the ideographic space folded to ASCII, length-preserving. */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

export type Span = [number, number];

export interface Clause {
  text: string;
  start: number;
  end: number;
  /** The clause ended in a question mark. */
  question: boolean;
  /** The clause opens a new sentence (after 。.!? rather than a comma or conjunction). */
  sentenceStart: boolean;
}

// Clause boundaries: sentence and comma punctuation in both scripts, and contrastive
// and sequencing conjunctions: "不能退款，但是可以补发" holds two decisions, not one.
const CLAUSE_BREAK =
  /[，,。！!？?；;…\n]+|\.(?=\s|$)|\s*\b(?:but|however|although|though|and\s+then|and\s+also|plus)\b\s*|但是|可是|不过|只是|然后|并且|另外|同时|此外/gi;

/** Splits a line into clauses; `question` remembers a trailing '?' that the split removed. */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  let sentenceStart = true;
  const push = (end: number, question: boolean): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ text: body, start: start + lead, end: start + lead + body.length, question, sentenceStart });
  };
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    push(m.index, /[？?]/.test(m[0]));
    start = m.index + m[0].length;
    sentenceStart = /[。！!？?.\n]/.test(m[0]);
  }
  push(text.length, false);
  return out;
}
