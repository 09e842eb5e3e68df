import type { PromiseNote } from '../../core/analysis.js';
import { analyzeLine, clauseHas } from '../language/index.js';
import { findAmounts } from './amounts.js';
import { addDays, formatYmd, parseYmd } from './calendar.js';
import { hasCue } from './promise-cues.js';
import { BOOKABLE, type Booking } from './promises.js';

/** How many lines later a promise may still be restated as the same one. */
const RESTATE_WITHIN = 4;
/** Acts another promise's time can count from (师傅到之前, before the driver comes). */
const ANCHORS = new Set<PromiseNote['action']>(['visit', 'ship', 'other']);

/**
 * The one identity of a promise in a call: the ledger dedups by it and the store writes each key
 * once. Different sums are different promises ("运费十八块给您补上" … "给您返8块红包").
 */
export function promiseKey(p: Pick<PromiseNote, 'speaker' | 'action' | 'deadline' | 'conditional' | 'text'>): string {
  const sums = findAmounts(p.text)
    .map((a) => a.value)
    .join(',');
  return `${p.speaker}|${p.action}|${p.deadline}|${p.conditional}|${sums}`;
}

/**
 * A call's promises, fed one line at a time. It carries only the keys seen and the promises of
 * the last few lines, so every line is read once and a promise restated any number of lines
 * later is still the same promise. Exact repeats keep the first; an open-ended promise restated
 * with a time (or spelled out with its condition) within the next four lines is replaced by the
 * restatement; "或者我给您发个红包也一样" right after the same promise is another way to keep it.
 */
export class PromiseLedger {
  private readonly kept: PromiseNote[] = [];
  private readonly seen = new Set<string>();
  /** Every promise read in the last RESTATE_WITHIN lines, kept or not. */
  private recent: PromiseNote[] = [];
  /** Promises said as a proposal seeking assent (我给您补二十块，可以吗？). */
  private readonly proposed = new WeakSet<PromiseNote>();
  /** A booking that found no act to confirm (you're booked for Tuesday 12-4, 那就给您定在周三下午). */
  private openBooking: Booking | null = null;

  get promises(): PromiseNote[] {
    return this.kept;
  }

  /**
   * One line's promises (all with the same `utterance`), and the line's text, which says whether
   * they were proposed for assent; true when the ledger changed.
   */
  add(
    found: readonly PromiseNote[],
    line: string,
    /** Acts on this line withheld as violations: an "or" alternative to one is withheld too. */
    withheld: readonly PromiseNote[] = [],
    /** A booking confirmed on this line for a time, naming no act (you're booked for Thursday 8-12). */
    booked: readonly Booking[] = [],
  ): boolean {
    const confirmed = booked.some((b) => this.confirm(b, found));
    const first = found[0] ?? withheld[0];
    if (!first) return confirmed;
    if (proposal(line)) for (const p of found) this.proposed.add(p);
    const at = first.utterance;
    found.forEach((p, i) => this.anchor(p, found.slice(0, i)));
    const before = this.kept.length;
    let changed = false;
    for (const q of found) {
      for (let i = this.kept.length - 1; i >= 0; i--) {
        if (!restates(q, this.kept[i]!, this.proposed)) continue;
        // The restatement takes the place of the promise it restates, even under the same key
        // (给您退十二块可以吗？ … 好的，马上给您操作退款十二块钱).
        this.seen.delete(promiseKey(this.kept[i]!));
        this.kept.splice(i, 1);
        changed = true;
      }
    }
    this.recent = this.recent.filter((p) => at - p.utterance <= RESTATE_WITHIN);
    for (const p of found) {
      if (spelledOutLater(p, found)) continue;
      const key = promiseKey(p);
      if (this.seen.has(key) || this.restatedWithoutSum(p)) continue;
      if (offeredAsAlternative(p) && p.deadline === null && this.recent.some((q) => sameAct(p, q))) continue;
      this.seen.add(key);
      this.kept.push(p);
    }
    this.recent.push(...found, ...withheld);
    return confirmed || changed || this.kept.length !== before;
  }

  /**
   * "I can get a technician out Thursday 8-12, does that work?" … "you're booked for Thursday eight to
   * noon": the booking confirms the visit or shipment promised or proposed within the last few lines,
   * and the promise is the booking, on its line and for its time (0685). A line naming the act itself
   * is read as that act; without such an act before, a booking promises nothing the ledger can name.
   */
  private confirm(b: Booking, found: readonly PromiseNote[]): boolean {
    if (found.some((p) => ANCHORS.has(p.action) && p.action !== 'other')) return false;
    const i = this.kept.findLastIndex(
      (q) =>
        q.speaker === b.speaker &&
        BOOKABLE.includes(q.action) &&
        b.utterance > q.utterance &&
        b.utterance - q.utterance <= RESTATE_WITHIN,
    );
    if (i < 0) {
      // Nothing before to confirm: the booking's own act, when its clause names one (排咗星期四…送到).
      if (!b.act) {
        this.openBooking = b;
        return false;
      }
      const p: PromiseNote = { ...b, action: b.act, conditional: false };
      delete (p as Partial<Booking>).act;
      if (this.seen.has(promiseKey(p))) return false;
      this.seen.add(promiseKey(p));
      this.kept.push(p);
      this.recent.push(p);
      return true;
    }
    const q = this.kept[i]!;
    // Confirmed for a time, the booking holds whatever the proposal waited on (…, 您看行吗 … 那就约这周六).
    const moved = { ...q, deadline: b.deadline, conditional: false, utterance: b.utterance, text: b.text };
    this.seen.delete(promiseKey(q));
    this.seen.add(promiseKey(moved));
    this.kept.splice(i, 1, moved);
    this.recent.push(moved);
    return true;
  }

  /**
   * "今天给您把899退掉" … "我们今天操作退款": the same act on the same terms said again shortly after
   * without its sum is the promise that named it (0525); a different sum is a different promise.
   */
  private restatedWithoutSum(p: PromiseNote): boolean {
    if (findAmounts(p.text).length > 0) return false;
    return this.kept.some(
      (q) =>
        sameAct(p, q) &&
        q.deadline === p.deadline &&
        q.conditional === p.conditional &&
        p.utterance > q.utterance &&
        p.utterance - q.utterance <= RESTATE_WITHIN,
    );
  }

  /**
   * A time counted from another act ("师傅到之前会先打您电话", "he'll call about thirty minutes before
   * he gets there", 安装前一天): the promise falls on the day of the latest dated visit, shipment or
   * errand promised so far (the day before it for 前一天).
   */
  private anchor(p: PromiseNote, earlier: readonly PromiseNote[]): void {
    const clauses = analyzeLine(p.text).clauses;
    // The visit or shipment itself keeps its own day ("周四上午上门，上门前半小时打电话").
    // 师傅前一日会打电话: the day before names the act it counts from as surely as 到之前 (0760).
    const before = clauses.some((c) => hasCue(c, 'before_act'));
    if (ANCHORS.has(p.action) || !(before || clauses.some((c) => hasCue(c, 'day_before')))) return;
    const act = [...this.kept, ...this.recent, ...earlier]
      .filter((q) => q !== p && q.speaker === p.speaker && q.deadline !== null && ANCHORS.has(q.action))
      .sort((a, b) => a.utterance - b.utterance)
      .at(-1);
    const shift = clauses.some((c) => hasCue(c, 'day_before')) ? -1 : 0;
    const booked = act ? undefined : this.visitBooked(p, clauses);
    if (booked) p.deadline = formatYmd(addDays(parseYmd(booked.deadline as string), shift));
    // Without such an act, a span (提前半小时) counts from an unknown moment; a named day stays.
    else if (act?.deadline) p.deadline = formatYmd(addDays(parseYmd(act.deadline), shift));
    else if (before && clauses.some((c) => hasCue(c, 'span'))) p.deadline = null;
  }

  /**
   * A booking that named no act (you're booked for Tuesday 12-4, 那就给您定在周三下午) and, on its line
   * or within the next few, the one who comes calling before he comes (The installer will text you the
   * day before, 师傅出发前会打您电话): the booking was a visit, promised on its line for its time (0760).
   */
  private visitBooked(p: PromiseNote, clauses: ReturnType<typeof analyzeLine>['clauses']): Booking | undefined {
    const b = this.openBooking;
    if (!b || b.speaker !== p.speaker || p.utterance - b.utterance > RESTATE_WITHIN) return undefined;
    if (!clauses.some((c) => clauseHas(c, VISIT_AGENT))) return undefined;
    this.openBooking = null;
    const visit: PromiseNote = {
      ...p,
      action: 'visit',
      deadline: b.deadline,
      conditional: false,
      utterance: b.utterance,
      text: b.text,
    };
    if (!this.seen.has(promiseKey(visit))) {
      this.seen.add(promiseKey(visit));
      this.kept.push(visit);
      this.recent.push(visit);
    }
    return b;
  }
}

/** Who comes to the buyer (师傅, the installer): the language layer's class. */
const VISIT_AGENT = 'action.visit_agent';

/**
 * "这次直接给您换新 … 我们收到后当天把新的发出", "给您提交价保申请 审核通过后…原路退回": an act named
 * firmly and then, later in the same line, spelled out with the event it waits on is one promise, the
 * conditional one (0760). Only an undated act with no sum of its own is folded.
 */
const spelledOutLater = (p: PromiseNote, line: readonly PromiseNote[]): boolean =>
  p.deadline === null &&
  !p.conditional &&
  findAmounts(p.text).length === 0 &&
  line.some((q) => q !== p && sameAct(p, q) && q.conditional && line.indexOf(q) > line.indexOf(p));

const sameAct = (a: PromiseNote, b: PromiseNote): boolean => a.speaker === b.speaker && a.action === b.action;

/**
 * `later` restates the open-ended `p` with a time, spells it out with its condition, or settles
 * what `p` only proposed ("给您补偿六十可以吗？" … "那给您补八十元"): the buyer answered, and the
 * act as finally said is the promise.
 */
function restates(later: PromiseNote, p: PromiseNote, proposed: WeakSet<PromiseNote>): boolean {
  if (!sameAct(later, p)) return false;
  const gap = later.utterance - p.utterance;
  if (gap <= 0 || gap > RESTATE_WITHIN) return false;
  // "收到视频后明天给您答复" … "明天上午十点前给您回电话": the same act on the same day, now said firmly.
  if (p.deadline !== null) return p.conditional && !later.conditional && later.deadline === p.deadline;
  if (!later.conditional && !p.conditional && proposed.has(p)) return true;
  return (later.deadline !== null && later.conditional === p.conditional) || (later.conditional && !p.conditional);
}

/** A line seeking assent (a tag question: 可以吗, "okay?"), the language layer's mark. */
const proposal = (line: string): boolean => analyzeLine(line).clauses.some((c) => clauseHas(c, 'question_tag'));

/** "或者我给您发个红包也一样": the promise is offered as another way to keep one just made. */
const offeredAsAlternative = (p: PromiseNote): boolean => {
  const first = analyzeLine(p.text).clauses[0];
  return first !== undefined && hasCue(first, 'alternative');
};
