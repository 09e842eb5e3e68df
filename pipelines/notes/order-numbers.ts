import type { OrderNumberNote } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { analyzeLine, type DigitRun, findDigitRuns } from '../language/index.js';
import { findAmounts } from './amounts.js';
import { type AskedCue, classifyDigitRuns, nextAsked } from './digit-kinds.js';

/**
 * Checks a heard order number against the platform's order ids.
 * - No list given: `matched: null`, value unchanged.
 * - Exact match (ids compared by their digits, so "240611-587736219" is known): matched.
 * - Exactly one known id one edit away (a digit misheard, dropped, doubled or two swapped, the
 *   usual speech-to-text slips): `value` becomes that known id and `matched: true`.
 * - Otherwise (no near id, or several equally near): unchanged and `matched: false`.
 */
export function matchOrderNumber(
  value: string,
  knownOrderIds?: readonly string[],
): { value: string; matched: boolean | null } {
  return matchKnown(value, knownOrders(knownOrderIds));
}

function knownDigits(ids: readonly string[]): string[] {
  return [
    ...new Set(ids.map((id) => [...id].filter((c) => c >= '0' && c <= '9').join('')).filter((d) => d.length >= 6)),
  ];
}

/** Damerau–Levenshtein distance ≤ 1, without building the full matrix. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

/** The platform's order ids by their digits, built once per call. */
export type KnownOrders = ReadonlySet<string>;

export function knownOrders(ids?: readonly string[]): KnownOrders | null {
  return ids ? new Set(knownDigits(ids)) : null;
}

/**
 * Order numbers read one line at a time. What crosses lines is the question left open ("订单号？",
 * "What's your order number?"), so an id given on a later line — a bare number, or a short id —
 * is read as its answer. A number equal to a known order id counts even where the wording suggests
 * otherwise (an 11-digit JD id looks like a phone number); near matches are only tried for numbers
 * that read as orders or as bare numbers of order-like length, never for phones, waybills or
 * account numbers. Digits inside an amount (`money` spans) are never an order number.
 */
export class OrderNumberReader {
  private carried: { asked: AskedCue; left: number } | null = null;
  /** Who asked the open question: a question is answered by the other party, not by its asker. */
  private asker: string | undefined;

  constructor(private readonly known: KnownOrders | null) {}

  read(
    text: string,
    money: readonly (readonly [number, number])[] = [],
    speaker?: string,
  ): Omit<OrderNumberNote, 'utterance'>[] {
    const runs = runsBesideMoney(text, money);
    const answerable = speaker === undefined || this.asker === undefined || speaker !== this.asker;
    const kinds = classifyDigitRuns(text, runs, answerable ? (this.carried?.asked ?? null) : null);
    const before = this.carried;
    this.carried = nextAsked(text, runs, this.carried);
    if (this.carried && this.carried.asked !== before?.asked) this.asker = asksAloud(text) ? speaker : undefined;
    const out: Omit<OrderNumberNote, 'utterance'>[] = [];
    runs.forEach((run, i) => {
      const kind = kinds[i]!;
      const known = this.known;
      const exact = known?.has(run.digits) ?? false;
      const candidate = kind === 'order' || (known !== null && kind === 'number' && run.digits.length >= 9);
      if (!exact && !candidate) return;
      const { value, matched } = matchKnown(run.digits, known);
      if (kind === 'number' && !matched) return;
      out.push({ value, span: [run.start, run.end], matched });
    });
    return out;
  }
}

/**
 * The line's digit runs outside its sums. A run a sum cuts into ("nine zero zero one five fifty
 * eight bucks") keeps the digits before the sum: the line is read again with the sum blanked.
 */
function runsBesideMoney(text: string, money: readonly (readonly [number, number])[]): readonly DigitRun[] {
  const overlaps = (r: DigitRun) => money.some(([s, e]) => r.start < e && s < r.end);
  const runs = findDigitRuns(text);
  if (!runs.some(overlaps)) return runs;
  let blanked = text;
  for (const [s, e] of money) blanked = blanked.slice(0, s) + '\ufffc'.repeat(e - s) + blanked.slice(e);
  return findDigitRuns(blanked).filter((r) => !overlaps(r));
}

/** A line with a question in it ("怎么还没到？", "what's your order number?"). */
function asksAloud(text: string): boolean {
  return analyzeLine(text).clauses.some((c) => c.marks.some((m) => m.kind === 'question'));
}

function matchKnown(value: string, known: KnownOrders | null): { value: string; matched: boolean | null } {
  if (!known) return { value, matched: null };
  if (known.has(value)) return { value, matched: true };
  const near = [...known].filter((k) => withinOneEdit(value, k));
  return near.length === 1 ? { value: near[0]!, matched: true } : { value, matched: false };
}

/** Order numbers across a call, one note per distinct number at its first mention. */
export function findOrderNumbers(
  lines: readonly TranscriptLine[],
  knownOrderIds?: readonly string[],
): OrderNumberNote[] {
  const reader = new OrderNumberReader(knownOrders(knownOrderIds));
  const notes = new Map<string, OrderNumberNote>();
  lines.forEach((line, utterance) => {
    const money = findAmounts(line.text).map((a) => [a.start, a.end] as const);
    for (const o of reader.read(line.text, money, line.speaker)) {
      if (!notes.has(o.value)) notes.set(o.value, { ...o, utterance });
    }
  });
  return [...notes.values()];
}
