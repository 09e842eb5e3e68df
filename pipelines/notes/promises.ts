import type { PromiseNote } from '../../core/analysis.js';
import type { PromiseAction, SpeakerRole, TranscriptLine } from '../../core/domain.js';
import {
  analyzeLine,
  type Clause,
  classMatches,
  clauseHas,
  foldWidth,
  hasMark,
  markOf,
  memoByText,
} from '../language/index.js';
import type { PromiseVeto } from '../learn/promise-veto.js';
import { formatYmd } from './calendar.js';
import { clockAt, today as localDay } from './deadline-clock.js';
import { clauseDeadlines, type DeadlineMatch } from './deadlines.js';
import {
  actionsOf,
  actionWords,
  closedCondition,
  joinedBeforeTrailing,
  namesArrival,
  namesPayout,
  type Range,
  timesAct,
} from './promise-actions.js';
import { addPromise, asksTheListener, embeddedQuestionAt, judgePromises, loadFrames } from './promise-frames.js';
import { PromiseLedger } from './promise-ledger.js';
import { AFTER_EVENT, type Cue, cueHits, dateOf, elapsed, firstCue, hasCue, negatesEventOnly } from './promise-cues.js';

export interface PromiseContext {
  startedAt: Date;
  timeZone: string;
  /** The trained promise-line veto (decision 0340); off unless given. */
  veto?: PromiseVeto;
}

const NO_NEED = 'promise.no_need';
/** Words of a review (好评, five stars): money for one is compensation, not a refund. */
const REVIEW = 'review_cue';
/** A pickup the agent arranges: done by the courier, vouched for by the agent. */
const PICKUP = 'action.pickup';
/** What a booked pickup promises (0446: someone comes to the buyer, a visit). */
const pickupAction = (): PromiseAction | undefined =>
  loadFrames().actionClasses.find((c) => c.class === PICKUP)?.action;
/** A generic act (处理, take care of it): names no act of its own. */
const GENERIC = 'promise.generic_act';
/** The buyer ordering or paying (下单后, 四点前拍的话, within 48 hours of payment). */
const ORDER_EVENT = 'promise.order_event';
/** A form of address (亲, 宝子): greets the buyer without naming whom an act is for. */
const FORM_OF_ADDRESS = 'promise.form_of_address';

interface Reading {
  actions: PromiseAction[];
  condition: boolean;
  promise: boolean;
  /** Committed only by following a promise in the same sentence. */
  inherited: boolean;
  /** Refused only because it is said as done ("I've refunded the $32"): its payout may still be owed. */
  done?: boolean;
  /**
   * Acts joined by "and" before the act a trailing condition hangs on ("I'll email the label right now
   * and refund you once it's back"): the condition is the last act's only (0855).
   */
  unconditioned?: PromiseAction[];
}

/**
 * Where the promise of a conditional clause starts, as an offset into its text: "如果没货就给您退款"
 * → at "给您退款". The condition is the language layer's mark; 0 when the clause has none.
 */
function consequentStart(clause: Clause, text: string, speaker: SpeakerRole): number {
  const cond = markOf(clause, 'condition');
  if (!cond) return 0;
  const at = cond.span[0] - clause.span[0];
  const end = cond.span[1] - clause.span[0];
  if (at < 0 || end > text.length) return 0;
  const cue = text.slice(at, end);
  const rest = text.slice(end);
  // 的话 closes its condition ("没货的话，三天内退款"): what follows it is the consequent.
  if (cue === '的话') {
    let skip = 0;
    while (skip < rest.length && '，, '.includes(rest[skip]!)) skip++;
    const lead = firstCue(clause, 'consequent', [end + skip, text.length]);
    return lead?.at === end + skip ? lead.end : end + skip;
  }
  // "确认是质量问题就给您退款": a condition that ends in 就 is followed by its consequent.
  if (cue.endsWith('就')) return end;
  const zh = firstCue(clause, 'consequent', [end, text.length]);
  if (zh) return zh.end;
  if (trailing(clause, at, speaker)) return 0;
  return firstCue(clause, `commitment.${speaker}`, [end, text.length])?.at ?? end;
}

/** A condition after the act it conditions ("I'll refund you if it's broken"), not one led by "and". */
function trailing(clause: Clause, at: number, speaker: SpeakerRole): boolean {
  return at > 0 && actionsOf(clause, speaker, [0, at]).length > 0;
}

/** Where the consequent lies in the clause's text: before a trailing condition, else from its start. */
function consequent(clause: Clause, text: string, speaker: SpeakerRole): Range {
  const cond = markOf(clause, 'condition');
  if (!cond) return [0, text.length];
  const at = cond.span[0] - clause.span[0];
  const start = consequentStart(clause, text, speaker);
  return start === 0 && trailing(clause, at, speaker) ? [0, at] : [start, text.length];
}

/** The length of the clause's text without a trailing tag question (…好吗, …ok?). */
function bodyEnd(clause: Clause): number {
  const tag = clauseHas(clause, 'question_tag');
  return tag ? Math.max(0, tag.span[0] - clause.span[0]) : clause.text.length;
}

/** Where the first act promised in `range` is named (the range's end when none is). */
function firstActAt(clause: Clause, speaker: SpeakerRole, range: Range): number {
  const acts = actionWords(clause, range);
  return actionsOf(clause, speaker, range).length === 0 || acts.length === 0 ? range[1] : acts[0]!.at;
}

/** Something already done ("已经给您退了", "I've refunded it"), unless a future outweighs it. */
function isPast(clause: Clause, body: Range): boolean {
  if (hasCue(clause, 'past.strong', body)) return !hasCue(clause, 'future.strong', body);
  return hasCue(clause, 'past.weak', body) && !hasCue(clause, 'future.weak', body);
}

/**
 * The layer's negation over the consequent: a negation whose scope reaches an action named there,
 * or one said after the action ("退货一周了钱还没退", "the refund hasn't come"). A negation that
 * names an act not needed (不用维修, "without service") negates only what follows it.
 */
function negated(clause: Clause, [from, to]: Range): boolean {
  const starts = actionWords(clause, [from, to]).map((h) => clause.span[0] + h.at);
  const noNeed = classMatches(clause, NO_NEED);
  // "refund the fee since they didn't finish the job": a negation in a reason said after the act is the reason's.
  const reasons = cueHits(clause, 'reason', [from, to]).map((h) => clause.span[0] + h.at);
  const inReason = (p: number, at: number) => reasons.some((r) => p < r && r < at);
  return clause.marks.some(
    (m) =>
      m.kind === 'negation' &&
      !negatesEventOnly(clause, m) &&
      m.span[0] >= clause.span[0] + from &&
      m.span[0] < clause.span[0] + to &&
      m.scope !== undefined &&
      starts.length > 0 &&
      // Every act named is refused ("不能退款"); one not needed beside another offered is not ("给您换新的不用寄回").
      starts.every(
        (p) =>
          (m.scope!.span[0] <= p && p < m.scope!.span[1]) ||
          (p < m.span[0] &&
            !inReason(p, m.span[0]) &&
            !noNeed.some((n) => n.span[0] <= m.span[0] && m.span[0] < n.span[1])),
      ),
  );
}

function read(
  clause: Clause,
  speaker: SpeakerRole,
  previous: Reading | null,
  deadline: boolean,
  /** The sentence so far relays someone's words (快递那边说, the warehouse said). */
  relayed: boolean,
  /** The clause's time phrase, if any. */
  time?: DeadlineMatch | null,
): Reading {
  const text = foldWidth(clause.text).slice(0, bodyEnd(clause));
  const body: Range = [0, text.length];
  const cue = (name: Cue, range: Range = body) => hasCue(clause, name, range);
  const conditional = hasMark(clause, 'condition');
  // "您拍下后小妹明天给您发出", "我们收到后退您": the act waits on an event the speaker does not control.
  const after = speaker === 'merchant' ? clauseHas(clause, AFTER_EVENT) : undefined;
  const condition = conditional || cue('event_trigger') || after !== undefined;
  // "跟仓库确认一下能不能今天发": what the check asks about is not promised.
  // "小妹收到后明天给您出效果图": the arrival the promise waits on (收到后) is its event, not an act promised.
  const eventAt = after ? after.span[0] - clause.span[0] : 0;
  const from = after && actionsOf(clause, speaker, [0, eventAt]).length === 0 ? after.span[1] - clause.span[0] : 0;
  const whole: Range = [Math.min(from, text.length), Math.min(text.length, embeddedQuestionAt(clause) ?? text.length)];
  // "比退款还多": a comparison names an action without doing it.
  let actions = cue('comparison') ? [] : actionsOf(clause, speaker, whole);
  // In "If you return it I'll report you", the action named is the condition's, not the promise's.
  const then = conditional ? consequent(clause, text, speaker) : whole;
  // "Send the video here then and I'll reply by tomorrow": the buyer's act in the condition is no promise either.
  if (conditional && (then[0] !== 0 || then[1] !== text.length) && actions.length > 0) {
    const promised = actionsOf(clause, speaker, then);
    actions = actions.filter((a) => promised.includes(a));
  }
  const unconditioned = conditional ? joinedBeforeTrailing(clause, speaker, time) : [];
  // A forecast of delivery ("should arrive by Friday") or someone else's act ("平台会通知你") binds nobody here.
  const arrivalOnly =
    actions.length > 0 &&
    namesArrival(clause, whole) &&
    actionsOf(clause, speaker, whole, { arrival: true }).length === 0;
  // A relayed commitment is the merchant's, vouched for ("师傅说明天上午过去", decision 0415); a relayed
  // arrival is the courier's forecast ("快递那边说是今天爆仓了 明天一定送到").
  if (arrivalOnly && (cue('estimate') || relayed)) actions = [];
  // A pickup the agent arranges is vouched for ("the carrier will pick it up Friday"); the courier's
  // own calls, the platform or the bank acting by itself bind nobody here.
  if (cue('third_party'))
    actions = cue('machinery') ? [] : actions.filter((a) => a === pickupAction() && clauseHas(clause, PICKUP));
  // "…给您补八十元，马上给您打款": the payout belongs to the promise just made.
  const payoutOnly =
    actions.length === 1 &&
    actions[0] === 'refund' &&
    namesPayout(clause, whole) &&
    actionsOf(clause, speaker, whole, { payout: true }).length === 0;
  const carried = previous?.actions.at(-1);
  if (payoutOnly && previous?.promise && carried && loadFrames().payoutOf.includes(carried)) actions = [carried];
  const none = { actions, condition, promise: false, inherited: false };
  if (actions.length === 0 || asksTheListener(clause)) return none;
  if (hasMark(clause, 'in_call') && actions.every((a) => a === 'other')) return none;
  // A trailing condition ("I'll refund you if it's not back") leaves the consequent before it.
  // The buyer's act in the event ("您拍下后") is the condition, not a request.
  const main: Range = [Math.max(then[0], after ? after.span[1] - clause.span[0] : 0), then[1]];
  const recipient = speaker === 'merchant' && cue('recipient');
  // A request refuses the act it asks for, not one promised before it ("I'll send the hardcover and you can keep the paperback").
  const requested = cueHits(clause, `request.${speaker}`, main).filter(
    (r) => r.at <= firstActAt(clause, speaker, main),
  );
  // "您寄回来我们给您换一副新的": the buyer's act asked, then the speaker's own act answering it — the
  // request is the promise's condition (0820, blind-r zh41).
  const lastAsk = requested.at(-1);
  const answerer = lastAsk && clause.marks.find((m) => m.kind === 'self' && m.span[0] - clause.span[0] >= lastAsk.end);
  // Only a return or an application asked of the buyer is waited on ("you can report it, we'll report
  // it too", "DM us and we'll look into it" are asks beside the act, not its condition).
  const waitedOn =
    lastAsk !== undefined &&
    answerer !== undefined &&
    (['return_goods', 'apply'] as const).some((c) =>
      hasCue(clause, c, [lastAsk.at, answerer.span[0] - clause.span[0]]),
    );
  const answer: Range | undefined = answerer && waitedOn ? [answerer.span[0] - clause.span[0], main[1]] : undefined;
  const answered = answer !== undefined && actionsOf(clause, speaker, answer).length > 0;
  if (answer && answered) actions = actionsOf(clause, speaker, answer);
  const asked = requested.length > 0 && !answered;
  // "I've arranged for the missing items to be redelivered this afternoon", 已经给您约了明天上门: an
  // arrangement made for a time to come leaves the act itself owed.
  const arranged = deadline && cue('arranged');
  // "仓库收到后小妹给您把钱退了": an act that waits on an event is still to come, whatever its 了 says.
  const waits = after !== undefined || cue('event_trigger');
  const past = isPast(clause, body) && !arranged && !waits;
  const denied = negated(clause, then);
  const unasked = asked && !recipient;
  const refused = denied || past || unasked;
  // A clause joined to a promise shares its commitment ("先给您退款，然后补发一个"), unless it
  // starts a new sentence or is itself a condition.
  // An event-timed follow-on ("…, and once it's scanned back in you get the refund") still shares it.
  const event = firstCue(clause, 'event_trigger', body);
  const cond = markOf(clause, 'condition');
  const condAt = cond ? cond.span[0] - clause.span[0] : -1;
  const eventOnly = event !== undefined && (cond === undefined || (condAt >= event.at && condAt < event.end));
  const inherited = previous?.promise === true && !clause.sentenceStart && (!condition || eventOnly);
  const committed = cue(`commitment.${speaker}`);
  // "Usually 3-5 working days, depends on the bank", "按规定十五天内换新": describing, not committing;
  // nor is a forecast nobody here makes ("you should see it in 3-5 days", "一般隔天就到").
  const hedged = cue('hedge') || cue('estimate');
  // Usual practice ("我们这边一般是下单后48小时内发货", "we'll usually ship within 2 days") is the shop's
  // habit said with its generic "we": only a commitment to this buyer beats it, for a day (I'll usually…
  // today) or addressed to them (给您, yours) with no time — a span or an order's same day, even 给您,
  // is the habit's own time (我们这边通常48小时内给您发货) (0805).
  const day = deadline && !cue('span') && !cue('counted_span') && !cue('same_day');
  const forBuyer = committed && (day || (hasMark(clause, 'addressee') && !deadline));
  const described =
    ((cue('hedge') || hasMark(clause, 'policy')) && !committed) ||
    (cue('usual') && !forBuyer) ||
    (hedged && !hasMark(clause, 'self'));
  // The buyer is bound by saying they will, or by a time for their own act (我周五前寄回去);
  // a time in their complaint ("waiting 3 weeks for my refund") binds nobody.
  const own =
    speaker === 'merchant' ? deadline || recipient || committed : committed || (deadline && hasMark(clause, 'self'));
  return {
    actions,
    condition: condition || answered,
    promise: !refused && !described && (own || inherited),
    inherited: inherited && !own,
    done: past && !denied && !unasked && !described,
    unconditioned,
  };
}

/**
 * Acts offered as one way the buyer may choose (0855): a clause that names an act and ends in
 * 也行/也可以/"if you'd rather" (我顺丰寄您也行), or a sentence whose alternatives (或者您到店自提) close in
 * a clause that only says either is fine (…，都可以的). Returns the clause indices offered.
 */
function offeredWays(clauses: readonly Clause[], speaker: SpeakerRole): Set<number> {
  const out = new Set<number>();
  clauses.forEach((clause, i) => {
    const tail = firstCue(clause, 'option_tail');
    if (!tail) return;
    if (actionsOf(clause, speaker, [0, tail.at]).length > 0) {
      out.add(i);
      return;
    }
    if (tail.at > 0 || clause.sentenceStart) return;
    const start = clauses.slice(0, i + 1).findLastIndex((c) => c.sentenceStart);
    const sentence = clauses.slice(Math.max(start, 0), i);
    if (sentence.some((c) => hasCue(c, 'alternative'))) for (const c of sentence) out.add(c.index);
  });
  return out;
}

/** The clause after an act says it delivered already (…，已经发到您账户了哦): the act was done in the call (0855). */
function deliveredNext(
  clauses: readonly Clause[],
  i: number,
  speaker: SpeakerRole,
  acts: readonly PromiseAction[],
): boolean {
  const next = clauses[i + 1];
  return (
    next !== undefined &&
    !next.sentenceStart &&
    hasCue(next, 'delivered_done') &&
    actionsOf(next, speaker).every((a) => acts.includes(a))
  );
}

/**
 * Promises made in one line. A clause is a promise when it names an action, commits to it (a
 * future or intention marker, acting 给您/for the listener, or a time), and is not a question, a
 * request, a refusal or something already done. A clause after a promise in the same line shares
 * its commitment ("先给您退款，然后补发一个"); one after an "if" clause is conditional. A time said
 * in a neighbouring clause without its own action is borrowed ("明天吧，我给您补发"), but never from
 * the condition ("要是明天还没到，我给您补发" has no deadline).
 */
export function findPromisesInLine(
  line: TranscriptLine,
  utterance: number,
  ctx: PromiseContext,
  /** Receives the acts withheld as violations, for the ledger (see `judgePromises`). */
  withheld: PromiseNote[] = [],
  /** Receives a booking said for a time without naming its act (you're booked for Thursday 8-12), for the ledger. */
  booked: Booking[] = [],
): PromiseNote[] {
  const now = new Date(ctx.startedAt.getTime() + line.startMs);
  const clock = clockAt(now, ctx.timeZone);
  // Each clause's time is read once here and shared by the reader and the frames.
  const due = clauseDeadlines(analyzeLine(line.text), now, ctx.timeZone, elapsed);
  const today = formatYmd(localDay(clock));
  // Nothing else of the moment reaches the judgment: the same words on the same terms are judged once.
  const terms = `${ctx.veto?.key ?? ''}|${line.speaker}|${today}|${due.map((d) => (d ? `${d.date}@${d.start}-${d.end}` : '')).join(',')}`;
  const seen = judgedLines(line.text);
  let judged = seen.get(terms);
  if (!judged) {
    const held: PromiseNote[] = [];
    const read = judgePromises(line, utterance, readPromises(line, utterance, due), due, today, held);
    const found = ctx.veto ? ctx.veto.keep(line, read) : read;
    judged = {
      found: found.map((p) => ({ ...p })),
      withheld: held.map((p) => ({ ...p })),
      booking: bookingOf(line, due),
    };
    seen.set(terms, judged);
  }
  for (const p of judged.withheld) withheld.push({ ...p, utterance });
  if (judged.booking) booked.push({ ...judged.booking, utterance });
  return judged.found.map((p) => ({ ...p, utterance }));
}

/** A line's judged promises by its terms (speaker, day, its clauses' dates), kept as copies (decision 0320). */
const judgedLines = memoByText(
  (_text: string) =>
    new Map<
      string,
      { found: readonly PromiseNote[]; withheld: readonly PromiseNote[]; booking: Omit<Booking, 'utterance'> | null }
    >(),
);

/** A booking confirmed for a time without its act (decision 0685): the ledger gives it the act proposed before. */
export interface Booking {
  speaker: TranscriptLine['speaker'];
  deadline: string;
  /** The visit or shipment the booking names in its clause or the next (排咗星期四 | 送到), if any. */
  act: PromiseAction | null;
  utterance: number;
  text: string;
}

/** The `promise.booked` cue: an arrangement confirmed for a time (you're booked for, 那就约这周六, 排咗星期四). */
const BOOKED = 'promise.booked';
/** Acts a booking confirms: someone comes, or goods do. */
export const BOOKABLE: readonly PromiseAction[] = ['visit', 'ship'];

/** The merchant's line confirms a booking for the time said in the booking's own clause. */
function bookingOf(line: TranscriptLine, due: readonly (DeadlineMatch | null)[]): Omit<Booking, 'utterance'> | null {
  if (line.speaker !== 'merchant') return null;
  const clauses = analyzeLine(line.text).clauses;
  for (const c of clauses) {
    const d = due[c.index];
    if (
      !d ||
      !clauseHas(c, BOOKED) ||
      hasMark(c, 'question') ||
      hasMark(c, 'condition') ||
      clauseHas(c, 'question_tag')
    )
      continue;
    const date = dateOf(c, d);
    // The act may follow in the next clause (排咗星期四下晝 | 二點至六點送到).
    const act =
      [c, clauses[c.index + 1]]
        .filter((x): x is Clause => x !== undefined && (x === c || !x.sentenceStart))
        .flatMap((x) => actionWords(x))
        .find((h) => BOOKABLE.includes(h.action))?.action ?? null;
    if (date) return { speaker: line.speaker, deadline: date, act, text: c.text };
  }
  return null;
}

function readPromises(line: TranscriptLine, utterance: number, due: readonly (DeadlineMatch | null)[]): PromiseNote[] {
  const clauses = analyzeLine(line.text).clauses;
  const out: PromiseNote[] = [];
  let previous: Reading | null = null;
  // "We can send a new one, or" — cut off: the last sentence's offer was never completed.
  const lastSentence = clauses.findLastIndex((c) => c.sentenceStart);
  const interruptedFrom =
    clauses.length > 0 && hasCue(clauses.at(-1)!, 'dangling_or') ? Math.max(lastSentence, 0) : clauses.length;
  // A condition holds until its sentence ends ("要是赶不上，您跟我说，我给您退款").
  let conditionOpen = false;
  // Terms for any fault to come (If anything goes wrong within a year, we'll repair it) hold until the sentence ends.
  let termsOpen = false;
  const offered = offeredWays(clauses, line.speaker);
  // Money said paid ("I've refunded the $32", "I've issued a $20 credit"), whose payout a later clause
  // may still owe: the clause and the act (refund or compensate, the frames' payoutOf) (0875).
  let moneyDone: { at: number; action: PromiseAction } | undefined;
  clauses.forEach((clause, i) => {
    if (clause.sentenceStart) {
      conditionOpen = false;
      termsOpen = false;
    }
    if (hasMark(clause, 'condition') && hasCue(clause, 'any_fault')) termsOpen = true;
    const relayed = sentenceSoFar(clauses, i).some((c) => hasMark(c, 'reported'));
    const reading = read(clause, line.speaker, previous, due[i] !== null, relayed, due[i]);
    if (
      i >= interruptedFrom ||
      termsOpen ||
      offered.has(i) ||
      (reading.promise &&
        (timingPolicy(clauses, i, line.speaker, due) || deliveredNext(clauses, i, line.speaker, reading.actions)))
    )
      reading.promise = false;
    // An "if" clause that promises nothing itself ("If it doesn't arrive by Friday,") conditions the next,
    // unless it said its own consequent (布料换的话可能要加一点钱).
    const antecedent = previous?.condition && !previous.promise && !closedCondition(clauses[i - 1]!);
    // "您把差评删了，我给您返五块": an instruction to the buyer, then a reward for it.
    const instructed =
      i > 0 && !clause.sentenceStart && hasCue(clauses[i - 1]!, 'imperative_lead') && hasCue(clause, 'reward_after');
    // "您直接申请退款，不用寄回，我这边同意": agreeing to what the buyer applies for promises it.
    if (line.speaker === 'merchant' && !reading.promise && reading.actions.length === 0 && hasCue(clause, 'agree')) {
      const asked = clauses
        .slice(0, i)
        .map((c, j) => ({ j, acts: actionsOf(c, 'merchant') }))
        .filter(({ j, acts }) => acts.length > 0 && hasCue(clauses[j]!, 'apply'))
        .at(-1);
      for (const action of asked?.acts ?? []) {
        addPromise(out, {
          speaker: line.speaker,
          action,
          deadline: dateOf(clause, due[i]),
          // "您申请退款 小妹看到就同意": the agreement waits on seeing the application.
          conditional: clauseHas(clause, AFTER_EVENT) !== undefined,
          utterance,
          text: line.text.slice(clauses[asked!.j]!.span[0], clause.span[1]),
        });
      }
    }
    // "给您退款，明天之前处理好": a clause that only says the act will be done is the promise before
    // it, finished by its date, not a second promise of its own.
    const done = out.at(-1);
    if (reading.promise && done && completesOnly(clause)) {
      if (due[i])
        Object.assign(done, {
          deadline: dateOf(clause, due[i]),
          text: line.text.slice(line.text.indexOf(done.text), clause.span[1]),
        });
      previous = reading;
      return;
    }
    for (const action of reading.promise ? reading.actions : []) {
      // A neighbour lends its time within the sentence only ("…Saturday 9-1. I'm also adding a credit").
      const neighbour = [i - 1, i + 1].find((j) => {
        const other = clauses[j];
        return (
          other &&
          due[j] &&
          !clauses[Math.max(i, j)]!.sentenceStart &&
          actionsOf(other, line.speaker).length === 0 &&
          !hasMark(other, 'condition') &&
          !hasCue(other, 'passed') &&
          // A forecast's time ("正常两三天能到") is not the time of the act said beside it.
          !hasCue(other, 'estimate') &&
          !hasCue(other, 'hedge')
        );
      });
      const deadlineFrom = due[i] ? i : neighbour;
      const first = Math.min(i, antecedent || instructed ? i - 1 : i, deadlineFrom ?? i);
      const last = Math.max(i, deadlineFrom ?? i);
      const conditional =
        (reading.condition && !reading.unconditioned?.includes(action)) ||
        antecedent ||
        conditionOpen ||
        instructed ||
        (reading.inherited && (out.at(-1)?.conditional ?? false));
      // Timed by an event ("once the coat's back, … within three business days", 您下单付款之后 |
      // 三个工作日内开好, 检测完两个工作日内): the span runs from the event, whose date is unknown. The
      // event may be said in an earlier clause of the sentence, before the time.
      const timed = deadlineFrom === undefined ? null : { at: deadlineFrom, due: due[deadlineFrom]! };
      const byEvent =
        timed !== null &&
        sentenceSoFar(clauses, Math.max(i, timed.at)).some(
          (c) =>
            c.index <= timed.at &&
            (hasCue(c, 'event_trigger') || (line.speaker === 'merchant' && clauseHas(c, AFTER_EVENT) !== undefined)),
        );
      // "马上"/"right away"/"now" says how keen, not when: no deadline, under a condition or not (0905:
      // C–R, v, X label acts said at once undated, 56 to 8); its time still commits the act.
      const immediate = timed !== null && hasCue(clauses[timed.at]!, 'immediate', [timed.due.start, timed.due.end]);
      // Under a condition, a span timed by an event counts from the event, not from today.
      const relative =
        immediate ||
        (conditional &&
          timed !== null &&
          byEvent &&
          hasCue(clauses[timed.at]!, 'span', [timed.due.start, timed.due.end]));
      addPromise(out, {
        speaker: line.speaker,
        // Money for a review, or for something the buyer was asked to do, is compensation.
        action: action === 'refund' && (clauseHas(clause, REVIEW) !== undefined || instructed) ? 'compensate' : action,
        deadline:
          deadlineFrom === undefined ||
          relative ||
          (deadlineFrom === i && !timesAct(clause, reading.actions, action, due[i]!))
            ? null
            : dateOf(clauses[deadlineFrom]!, due[deadlineFrom]),
        conditional,
        utterance,
        text: line.text.slice(clauses[first]!.span[0], clauses[last]!.span[1]),
      });
    }
    // "I've refunded the $32, it'll show in 5-7 business days", 退款已经提交了 明天之前会到您账户: the
    // refund is done, the money reaching the buyer is still owed by that time (0525); so for a credit
    // or compensation said paid ("I've issued a $20 store credit, you'll see it in 3 days"): 0875.
    // In one unpunctuated clause too ("has been refunded on my end you should see it back within a week").
    const doneHere = line.speaker === 'merchant' ? moneyDoneBeforePayout(clause) : undefined;
    const paid = moneyDone?.action ?? doneHere;
    if (paid !== undefined && !reading.promise && due[i] && owesPayout(clause))
      addPromise(out, {
        speaker: line.speaker,
        action: paid,
        deadline: dateOf(clause, due[i]),
        conditional: false,
        utterance,
        text: line.text.slice(clauses[moneyDone?.at ?? i]!.span[0], clause.span[1]),
      });
    const paidHere = line.speaker === 'merchant' && reading.done ? moneyAct(reading.actions) : undefined;
    if (paidHere !== undefined) moneyDone = { at: i, action: paidHere };
    if (reading.condition && !reading.promise && !closedCondition(clause)) conditionOpen = true;
    previous = reading;
  });
  return out;
}

/**
 * A clause that only says when money reaches the buyer (it'll show in 5 days, it should post within
 * 3-5 business days, 明天之前会到您账户): after a refund said done the shop owes its payout, even
 * forecast with "should" (C–P: 5 such lines dated, none left out, 0735); not a usual duration
 * (hedge: usually, 一般) nor a doubt (might, 可能).
 */
function owesPayout(clause: Clause): boolean {
  return (
    hasCue(clause, 'payout') &&
    actionWords(clause).every((h) => loadFrames().payoutOf.includes(h.action)) &&
    !hasCue(clause, 'doubt') &&
    !hasCue(clause, 'hedge') &&
    !hasMark(clause, 'question') &&
    !hasMark(clause, 'negation')
  );
}

/**
 * The clause says money paid, then its arrival (has been refunded … you should see it back; a credit
 * issued … you'll see it): the part before the payout is read alone, so the payout's "should" does
 * not make the act a forecast. Returns the act paid (refund or compensate), if any (0875).
 */
function moneyDoneBeforePayout(clause: Clause): PromiseAction | undefined {
  const payout = firstCue(clause, 'payout');
  if (payout === undefined) return undefined;
  const before: Range = [0, payout.at];
  if (!isPast(clause, before) || negated(clause, before) || hasMark(clause, 'question')) return undefined;
  return moneyAct(actionWords(clause, before).map((h) => h.action));
}

/** The first act among these whose money a payout can carry (refund, compensate: the frames' payoutOf). */
function moneyAct(actions: readonly PromiseAction[]): PromiseAction | undefined {
  return actions.find((a) => loadFrames().payoutOf.includes(a));
}

/** The clauses of clause i's sentence up to and including it. */
function sentenceSoFar(clauses: readonly Clause[], i: number): readonly Clause[] {
  return clauses.slice(
    Math.max(
      0,
      clauses.slice(0, i + 1).findLastIndex((c) => c.sentenceStart),
    ),
    i + 1,
  );
}

/**
 * The shop's timing policy, not a promise (decision 0415): an act timed from the buyer's own order
 * or payment, with nobody named — no self, no addressee in its sentence so far — and no time but one
 * counted from the order ("下午四点前拍的话当天就能发出", "预售款下单后7天内发货", "orders ship within 48
 * hours of payment"). A named day or a person keeps it a promise ("今天拍下明天就给您发", "yours ships tomorrow").
 */
function timingPolicy(
  clauses: readonly Clause[],
  i: number,
  speaker: SpeakerRole,
  due: readonly (DeadlineMatch | null)[],
): boolean {
  if (speaker !== 'merchant') return false;
  const sentence = sentenceSoFar(clauses, i);
  const from = i + 1 - sentence.length;
  if (!sentence.some((c) => clauseHas(c, ORDER_EVENT))) return false;
  // A form of address (亲, 好的亲~) greets the buyer; it names nobody the act is for (0820).
  const named = (c: Clause) => {
    const greets = classMatches(c, FORM_OF_ADDRESS);
    return c.marks.some(
      (m) =>
        m.kind === 'self' ||
        (m.kind === 'addressee' &&
          (m.span[0] !== c.span[0] || m.span[1] !== c.span[1]) &&
          !greets.some((g) => g.span[0] <= m.span[0] && m.span[1] <= g.span[1])),
    );
  };
  if (sentence.some(named)) return false;
  return sentence.every((c, k) => {
    const d = due[from + k];
    if (!d) return true;
    const range: Range = [d.start, d.end];
    // The order's cut-off (四点前拍, placed before 4pm) names no day for the act.
    const cutOff = classMatches(c, ORDER_EVENT).some(
      (m) => m.span[0] - c.span[0] <= d.start && d.end <= m.span[1] - c.span[0],
    );
    return cutOff || (['same_day', 'span', 'counted_span', 'immediate'] as const).some((cue) => hasCue(c, cue, range));
  });
}

/** Every act the clause names is a generic completion (处理好, get it sorted): it names no act of its own. */
function completesOnly(clause: Clause): boolean {
  const generic = classMatches(clause, GENERIC).map(
    (m): Range => [m.span[0] - clause.span[0], m.span[1] - clause.span[0]],
  );
  return generic.length > 0 && actionWords(clause).every((h) => generic.some(([a, b]) => a <= h.at && h.end <= b));
}

/**
 * Promises across a call. Exact repeats (same speaker, action, deadline, condition) keep the first;
 * an open-ended promise restated with a time within the next four lines by the same speaker
 * ("我给您补发" … "明天上午给您发出") is one promise, kept where the time was given.
 */
export function findPromises(lines: readonly TranscriptLine[], ctx: PromiseContext): PromiseNote[] {
  const ledger = new PromiseLedger();
  lines.forEach((line, i) => {
    const withheld: PromiseNote[] = [];
    const booked: Booking[] = [];
    ledger.add(findPromisesInLine(line, i, ctx, withheld, booked), line.text, withheld, booked);
  });
  return ledger.promises;
}
