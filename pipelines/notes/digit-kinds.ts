import { analyzeLine, type DigitRun, memoByText } from '../language/index.js';
import { digitsKnowledge } from './digits-data.js';

/** What a run of digits in a call most likely is. Only `order` becomes an order-number note. */
export type DigitKind = 'order' | 'tracking' | 'phone' | 'account' | 'amount' | 'number';

export type Cue = Exclude<DigitKind, 'amount' | 'number'>;
const CUE_CLASSES: readonly Cue[] = ['tracking', 'order', 'phone', 'account'];

/** A question about a number carried from an earlier line ("您的订单号是多少？" … "10293"). */
export interface AskedCue {
  kind: Cue;
}

interface CueHit {
  kind: Cue;
  start: number;
  end: number;
}

/**
 * The digit cues of a line: lexicon classes digits.cue.*, and the classes digits.json maps to a
 * kind (a contact channel: the number after 企鹅/vx is a handle). Where two overlap the longer
 * speaks; a digits.cue.* word outranks a mapped class on the same words.
 */
export function cuesIn(text: string): readonly CueHit[] {
  return cuesOf(text);
}

// Read twice per line (the line's kinds, then the question it leaves open).
const cuesOf = memoByText((text: string): readonly CueHit[] => {
  const mapped = digitsKnowledge().cueClasses;
  const matches = analyzeLine(text).matches;
  const own = matches
    .filter((m) => m.class.startsWith('digits.cue.'))
    .map((m) => ({ kind: m.class.slice('digits.cue.'.length) as Cue, start: m.span[0], end: m.span[1] }))
    .filter((h) => CUE_CLASSES.includes(h.kind));
  const borrowed = matches
    .filter((m) => mapped[m.class] !== undefined)
    .map((m) => ({ kind: mapped[m.class]!, start: m.span[0], end: m.span[1] }))
    .filter((h) => !own.some((o) => h.start < o.end && o.start < h.end));
  const hits = [...own, ...borrowed];
  return hits
    .filter(
      (h) => !hits.some((o) => o !== h && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start),
    )
    .sort((a, b) => a.start - b.start);
});

/** An EAN-13 whose prefix says book (ISBN) and whose check digit holds: a product code. */
function isProductCode(digits: string): boolean {
  if (digits.length !== 13 || !digitsKnowledge().productCodes.ean13Prefixes.includes(digits.slice(0, 3))) return false;
  const sum = [...digits.slice(0, 12)].reduce((acc, c, i) => acc + Number(c) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === Number(digits[12]);
}

function isPhoneShape(run: DigitRun): boolean {
  const k = digitsKnowledge().kinds;
  return k.mobile.test(run.digits) || k.phoneChunks.includes(run.chunks.join(','));
}

interface Reading {
  cue: Cue | null;
  /** False when the cue was carried from an earlier line's question. */
  inLine: boolean;
  /** The cue's end lies within `shortCueReach` characters before the run. */
  close: boolean;
}

/**
 * The cue word that speaks about `run`: the nearest one before it (within `cueReach` characters,
 * with no other number in between), else one right after it ("…是我的订单号"), else the question
 * carried from an earlier line when this line has no cue of its own.
 */
function cueFor(
  text: string,
  hits: readonly CueHit[],
  runs: readonly DigitRun[],
  i: number,
  asked: AskedCue | null,
): Reading {
  const k = digitsKnowledge().kinds;
  const run = runs[i]!;
  const previous = runs[i - 1]?.end ?? 0;
  // Only linking words between a cue and the run (order number for your records is …): said right after it.
  const linked = (h: CueHit) => k.cueLink.test(text.slice(h.end, run.start));
  const before = hits
    .filter((h) => h.end <= run.start && h.start >= previous && (h.end >= run.start - k.cueReach || linked(h)))
    .at(-1);
  if (before)
    return { cue: before.kind, inLine: true, close: run.start - before.end <= k.shortCueReach || linked(before) };
  const upperBound = Math.min(runs[i + 1]?.start ?? Infinity, run.end + k.cueAfterReach);
  const after = hits.find((h) => h.start >= run.end && h.end <= upperBound);
  // A cue with a number of its own right after it labels that number ("… 税号9133…"), not this one.
  const next = runs[i + 1];
  const labelsNext = after && next && next.start - after.end <= k.shortCueReach;
  if (after && !labelsNext) return { cue: after.kind, inLine: true, close: false };
  if (hits.length > 0 || asked === null) return { cue: null, inLine: true, close: false };
  return { cue: asked.kind, inLine: false, close: false };
}

/**
 * Classifies each run of one line; `asked` is the question about a number carried from an earlier
 * line. An order number is 10–24 digits, or a short id (4–9 digits) said right after an order cue
 * or given as a line that is little more than the answer to an order question, unless it reads as
 * a year or the speaker says it is incomplete (…后面记不清了).
 */
export function classifyDigitRuns(text: string, runs: readonly DigitRun[], asked: AskedCue | null = null): DigitKind[] {
  const k = digitsKnowledge().kinds;
  const hits = cuesIn(text);
  const found = runs.map((_, i) => cueFor(text, hits, runs, i, asked));
  // "FC-2026…, no, that's the label. The order number is 5560…": once the line names its order
  // number, a number without a cue of its own is something else.
  const namedOrder = found.some((f, i) => f.cue === 'order' && f.inLine && runs[i]!.digits.length >= k.orderLength[0]);
  const within = (n: number, [lo, hi]: readonly [number, number]) => n >= lo && n <= hi;
  return runs.map((run, i) => {
    const before = text.slice(0, run.start);
    const after = text.slice(run.end);
    if (k.carrierPrefix.test(before)) return 'tracking';
    if (k.letterBefore.test(before) || k.letterAfter.test(after)) return 'account';
    if (k.phoneBefore.test(before)) return 'phone';
    if (k.currencyBefore.test(before) || k.unitAfter.test(after)) return 'amount';
    if (k.addressAfter.test(after)) return 'number';
    if (isProductCode(run.digits)) return 'account';
    const length = run.digits.length;
    const orderLength = within(length, k.orderLength);
    const { cue, inLine, close } = found[i]!;
    if (cue === 'tracking' || cue === 'account') return cue;
    // A mainland mobile number is a phone whatever cue precedes it (a known order id still counts).
    if (k.mobile.test(run.digits)) return 'phone';
    // A US-grouped phone ("312 555 0147") in reply to an order question is still a phone.
    if (!inLine && isPhoneShape(run) && run.chunks.length > 1) return 'phone';
    if (cue === 'order') {
      if (orderLength) return 'order';
      // The answer is the line, or opens it ("nine zero zero one five, fifty eight bucks for this junk").
      const opens = before.trim().length <= k.shortAnswerSlack / 4;
      const answer = !inLine && (opens || text.trim().length - (run.end - run.start) <= k.shortAnswerSlack);
      const whole = !k.partialAfter.test(after) && !(length === 4 && k.yearShape.test(run.digits));
      return within(length, k.shortOrderLength) && (close || answer) && whole ? 'order' : 'number';
    }
    // A phone cue with a number that cannot be a phone falls through: "订单号和电话是 X 和 Y".
    if (cue === 'phone' && (isPhoneShape(run) || within(length, k.phoneLength))) return 'phone';
    if (isPhoneShape(run)) return 'phone';
    if (cue === null && namedOrder) return 'number';
    return orderLength ? 'order' : 'number';
  });
}

const ASKING = new Set(['question', 'request', 'addressee']);

/**
 * A line that names a cue asks for the number when it is put to the other party (a question, a
 * request, 您/you) or is little more than the cue ("单号"); "快递显示签收了" asks for nothing, and
 * neither does a cue named as where something goes (小妹今天发到您账户里, back to your card).
 */
function asks(text: string, cue: CueHit): boolean {
  const k = digitsKnowledge().kinds;
  const before = text.slice(0, cue.start);
  if (k.destinationBefore.test(before)) return false;
  if (text.trim().length - (cue.end - cue.start) <= k.shortAnswerSlack / 2 || k.askBefore.test(before)) return true;
  return analyzeLine(text).clauses.some((c) => c.marks.some((m) => ASKING.has(m.kind)));
}

/**
 * The cue a line asks about: the last cue inside a clause put to the other party (a question, a
 * request, 您/you), else the line's last cue. "您说一下手机的IMEI号吗 就在设置 关于手机里面" asks for the
 * IMEI, not a phone; "麻烦报一下订单号 手机号我这边有" asks for the order (0880: blind-s zh11).
 */
function askedIn(text: string): CueHit | undefined {
  const cues = cuesIn(text);
  const asking = analyzeLine(text).clauses.filter((c) => c.marks.some((m) => ASKING.has(m.kind)));
  const inAsking = cues.filter((h) => asking.some((c) => h.start >= c.span[0] && h.end <= c.span[1]));
  return inAsking.at(-1) ?? cues.at(-1);
}

/**
 * The question a line leaves open for the next ones: its last cue when no number follows that cue
 * in the line ("What's your order number?"), carried for `askedLines` lines; a line with digits
 * answers it, a line asking about another number replaces it.
 */
export function nextAsked(
  text: string,
  runs: readonly DigitRun[],
  carried: { asked: AskedCue; left: number } | null,
): { asked: AskedCue; left: number } | null {
  const k = digitsKnowledge().kinds;
  // A lone digit ("发我一下", "one sec") answers nothing.
  const answers = runs.filter((r) => r.digits.length >= k.answerLength);
  const last = askedIn(text);
  if (last) {
    if (answers.some((r) => r.start >= last.end)) return null;
    if (asks(text, last)) return { asked: { kind: last.kind }, left: k.askedLines };
    // A cue said in passing ("it's in my email somewhere") neither asks nor answers: the open question stays.
  }
  if (answers.length > 0 || !carried || carried.left <= 1) return null;
  return { asked: carried.asked, left: carried.left - 1 };
}
