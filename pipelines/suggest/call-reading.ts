import type { SpeakerRole, TranscriptLine } from '../../core/domain.js';
import { analyzeLine, clauseAt, classMatches, hasMark, memoByText } from '../language/index.js';
import {
  asserted,
  conditionAt,
  firstPreference,
  type IssueKind,
  kindsOf,
  MONEY_BACK,
  onBuyerStep,
  type Preference,
  REFUNDS,
  type Remedy,
  type RemedyReading,
  remedyOf,
} from './issue-cues.js';
import { type AffectedQuantity, affectedQuantity } from './quantities.js';

/** Goods classes a call can name anywhere; the order facts read them. */
export const GOODS_CLASSES = [
  'goods.fresh',
  'goods.food',
  'goods.appliance',
  'goods.custom',
  'goods.intangible',
] as const;
export type GoodsClass = (typeof GOODS_CLASSES)[number];

/** Something wrong with the goods, the merchant's fault: outranks a later "I don't want it any more". */
export const FAULT_KINDS: readonly IssueKind[] = [
  'wrong_item',
  'missing_item',
  'spoiled',
  'not_as_described',
  'damaged',
];

type Found = { kind: IssueKind; cue: string }[];

/** What a line's words say to advice, whoever's call it is in: the same line is read once (decision 0320). */
interface Said {
  /** Problem kinds the line asserts, priority first: [as read alone, as read about fresh goods]. */
  kinds: [Found, Found];
  lost: boolean;
  lateComplaint: boolean;
  installNoShow: boolean;
  preference: Preference | null;
  /** What the line does to the call's remedy, see `remedyOf`. */
  remedy: RemedyReading;
  /** The goods classes the line names. */
  goods: readonly GoodsClass[];
  /** The line sends the goods back to the shop (退货, 寄回, a return label, a pickup booked), policy aside. */
  back: boolean;
  /** Every condition the line says is only the buyer's own step or the goods reaching the shop. */
  onStep: boolean;
  /** The line names an exchange or a new unit in any polarity (不支持退换, "we can't exchange it"). */
  exchangeNamed: boolean;
  /** The line says the order was cancelled (取消成功, "I cancelled my order"). */
  cancelled: boolean;
  /** The line names a repair (检测维修, 返厂, "repair it"): goods sent on it are the buyer's own, mended. */
  repair: boolean;
  /** The line says what it gives as an addition (另外, "on top of that"). */
  extra: boolean;
}

function readSaid(text: string, speaker: SpeakerRole): Said {
  const a = analyzeLine(text);
  const onStep = onBuyerStep(a);
  return {
    kinds: kindsOf(a, speaker),
    lost: asserted(a, 'issue.lost_parcel').length > 0,
    lateComplaint: asserted(a, 'issue.late_complaint').length > 0,
    installNoShow: asserted(a, 'issue.install_no_show').length > 0,
    preference: speaker === 'customer' ? firstPreference(a) : null,
    remedy: remedyOf(a, speaker),
    goods: GOODS_CLASSES.filter((cls) => classMatches(a, cls).length > 0),
    onStep,
    cancelled: asserted(a, 'issue.order_cancelled').length > 0,
    repair: ['remedy.repair', 'preference.repair'].some((cls) => asserted(a, cls).length > 0),
    extra: classMatches(a, 'remedy.extra').length > 0,
    exchangeNamed: ['remedy.replacement', 'preference.replacement'].some((cls) => classMatches(a, cls).length > 0),
    // The goods reaching the shop as the condition of what follows ("once they're back with us") go back too.
    back: ['remedy.goods_back', 'action.pickup'].some((cls) =>
      (onStep ? classMatches(a, cls) : asserted(a, cls)).some((m) => {
        const clause = clauseAt(a, m.span[0]);
        return !(clause && hasMark(clause, 'policy'));
      }),
    ),
  };
}

const READ_BY: Record<SpeakerRole, (text: string) => Said> = {
  customer: memoByText((text) => readSaid(text, 'customer')),
  merchant: memoByText((text) => readSaid(text, 'merchant')),
};
const quantityOf = memoByText(affectedQuantity);

/** What one line says that advice reads, worked out once when the line is first read. */
interface LineReading extends Omit<Said, 'goods' | 'back'> {
  speaker: SpeakerRole;
  /** The merchant's line whose offer this buyer's yes accepted. */
  accepted?: number;
  quantity?: AffectedQuantity;
}

/** Where a problem's remedy stands (see `CallReading.remedySince`); null when nothing was said. */
export type Settlement = { remedy: Remedy | 'open'; line: number } | null;

/** Per speaker, the ascending line numbers where something holds. */
type BySpeaker = Record<SpeakerRole, number[]>;
const bySpeaker = (): BySpeaker => ({ customer: [], merchant: [] });

/**
 * A call's lines as the suggestion engine reads them, indexed as they arrive: each line is read
 * once, and "the buyer's latest line naming a problem", "an earlier fault", "did they say the
 * parcel is lost" become look-ups in these lists instead of re-reading the call after every buyer
 * line (which made advice O(call length) per line). `lines` may keep growing (a live call's
 * transcript): lines are read up to whatever line a question is about.
 */
export class CallReading {
  private readonly read: LineReading[] = [];
  private readonly spoken = bySpeaker();
  /** Lines asserting a problem, [alone, fresh goods]; a merchant's change of mind never counts. */
  private readonly issues: [BySpeaker, BySpeaker] = [bySpeaker(), bySpeaker()];
  private readonly faults: [BySpeaker, BySpeaker] = [bySpeaker(), bySpeaker()];
  private readonly lostLines = bySpeaker();
  private readonly lateComplaints = bySpeaker();
  private readonly noShows = bySpeaker();
  private readonly preferences: number[] = [];
  /** Lines that settle, offer or decline a remedy, or where the buyer asks for one. */
  private readonly remedyLines: number[] = [];
  /** Merchant lines letting the buyer keep the goods (留着就好, "no need to send it back"). */
  private readonly keptLines: number[] = [];
  /** Lines sending the goods back to the shop (退货寄回去了, "I'll email a return label"), by either party. */
  private readonly backLines: number[] = [];
  /** Lines saying the order was cancelled (取消成功, "I cancelled my order"). */
  private readonly cancelledLines: number[] = [];
  /** Merchant lines turning a return or refund down, or naming one only on a result not yet known. */
  private readonly refusals: number[] = [];
  /** The remedies each refusal turned down: money back always, an exchange when it names one, and what the buyer asked before it. */
  private readonly refusedKinds = new Map<number, Set<Preference>>();
  private readonly firstNamed = new Map<GoodsClass, number>();
  /** Merchant lines giving money back for a fee (配送费给您退掉, "waive the rental fee"). */
  private readonly feeLines: number[] = [];
  /** Merchant lines whose offer of one remedy the buyer's next line said yes to. */
  private readonly acceptedOffers = new Set<number>();
  /** Merchant lines whose offered or proposed remedy the buyer's next line said no to. */
  private readonly declinedOffers = new Set<number>();

  constructor(readonly lines: readonly TranscriptLine[]) {}

  /** Reads lines up to `index` (clamped to the transcript) and returns the clamped index. */
  private upTo(index: number): number {
    const last = Math.min(index, this.lines.length - 1);
    for (let i = this.read.length; i <= last; i++) this.readLine(i);
    return last;
  }

  private readLine(i: number): void {
    const { speaker, text } = this.lines[i]!;
    const { goods, back, ...said } = READ_BY[speaker](text);
    const { kinds } = said;
    const r: LineReading = { speaker, ...said };
    this.read.push(r);
    this.spoken[speaker].push(i);
    for (const v of [0, 1] as const) {
      const top = kinds[v][0];
      if (top && !(speaker === 'merchant' && top.kind === 'changed_mind')) this.issues[v][speaker].push(i);
      if (kinds[v].some((f) => FAULT_KINDS.includes(f.kind))) this.faults[v][speaker].push(i);
    }
    if (r.lost) this.lostLines[speaker].push(i);
    if (r.lateComplaint) this.lateComplaints[speaker].push(i);
    if (r.installNoShow) this.noShows[speaker].push(i);
    if (r.preference) this.preferences.push(i);
    if (speaker === 'customer') {
      this.pickFromChoice(i, r);
      this.acceptOffer(i, r);
      this.declineOffer(i, r);
    }
    const { settled, offered, declines, refuses, keeps, pending } = r.remedy;
    if (settled || offered.length > 0 || declines || refuses || pending || r.preference) this.remedyLines.push(i);
    if (keeps) this.keptLines.push(i);
    if (back) this.backLines.push(i);
    if (r.cancelled) this.cancelledLines.push(i);
    if (r.remedy.fee) this.feeLines.push(i);
    if (refuses || pending) this.refusals.push(i);
    // Money held back for something in return (void and refusing: 删了差评马上同意退款) is no refusal of
    // the ask itself: the buyer insisting after it (我就要退) stands (decision 0920).
    if (refuses && !r.remedy.void) {
      const asked = lastAtMost(this.preferences, i - 1);
      const kinds = new Set<Preference>(['refund']);
      if (r.exchangeNamed) kinds.add('replacement');
      if (asked !== null && this.read[asked]!.preference) kinds.add(this.read[asked]!.preference!);
      this.refusedKinds.set(i, kinds);
    }
    for (const cls of goods) if (!this.firstNamed.has(cls)) this.firstNamed.set(cls, i);
  }

  /** The problem kinds line `i` asserts, priority first (read as about fresh goods when `fresh`). */
  kinds(i: number, fresh: boolean): Found {
    this.upTo(i);
    return this.read[i]!.kinds[fresh ? 1 : 0];
  }

  /** The latest line up to `index` by `speaker` asserting a problem (a merchant's change of mind aside). */
  latestIssue(speaker: SpeakerRole, index: number, fresh: boolean): number | null {
    return lastAtMost(this.issues[fresh ? 1 : 0][speaker], this.upTo(index));
  }

  /**
   * Where the problem said on line `at` was first said: the earliest of the same speaker's lines
   * before it that name the same problem first, with no other problem between ("the lamp came
   * cracked" … "should I send the cracked one back?" is one problem, and the remedy agreed between
   * still stands).
   */
  problemStart(at: number, kind: IssueKind, fresh: boolean): number {
    this.upTo(at);
    const list = this.issues[fresh ? 1 : 0][this.read[at]!.speaker];
    let start = at;
    for (let k = countAtMost(list, at - 1) - 1; k >= 0; k--) {
      const i = list[k]!;
      if (this.read[i]!.kinds[fresh ? 1 : 0][0]?.kind !== kind) break;
      start = i;
    }
    return start;
  }

  /** The latest line before `before` by `speaker` naming a fault with the goods. */
  faultBefore(speaker: SpeakerRole, before: number, fresh: boolean): number | null {
    this.upTo(before);
    return lastAtMost(this.faults[fresh ? 1 : 0][speaker], before - 1);
  }

  /** `speaker`'s line just before `at`, if any. */
  previousBy(speaker: SpeakerRole, at: number): number | null {
    this.upTo(at);
    return lastAtMost(this.spoken[speaker], at - 1);
  }

  /** `speaker`'s first line after `after`, up to `index`. */
  nextBy(speaker: SpeakerRole, after: number, index: number): number | null {
    const last = this.upTo(index);
    const next = firstAtLeast(this.spoken[speaker], after + 1);
    return next !== null && next <= last ? next : null;
  }

  /** Whether line `i` says the parcel is lost. */
  saysLost(i: number): boolean {
    this.upTo(i);
    return this.read[i]!.lost;
  }

  /** Whether `speaker` said the parcel is lost on a line up to `index`. */
  lostSaid(speaker: SpeakerRole, index: number): boolean {
    const last = this.upTo(index);
    const first = this.lostLines[speaker][0];
    return first !== undefined && first <= last;
  }

  /** Whether `speaker` complained (of the wait, or of an installer who didn't come) on a line in [from, to]. */
  complainedBetween(kind: 'late' | 'installation', speaker: SpeakerRole, from: number, to: number): boolean {
    const last = this.upTo(to);
    const at = firstAtLeast((kind === 'late' ? this.lateComplaints : this.noShows)[speaker], from);
    return at !== null && at <= last;
  }

  /** What the customer asked for most recently up to line `index`, if anything. */
  preferenceAt(index: number): Preference | null {
    const i = lastAtMost(this.preferences, this.upTo(index));
    return i === null ? null : this.read[i]!.preference;
  }

  /** What the customer asked for most recently up to `index`, unless the merchant turned it down since. */
  askStanding(index: number): Preference | null {
    const last = this.upTo(index);
    const i = lastAtMost(this.preferences, last);
    if (i === null) return null;
    const refused = lastAtMost(this.refusals, last);
    if (refused === null) return this.read[i]!.preference;
    if (refused > i) return null;
    // The buyer asking again for what the merchant turned down (final sale → "I still want my money
    // back") does not revive it: the refusal holds until the merchant moves (decision 0860). Asking
    // for another remedy (不能退 → 那换一个吧) stands.
    const preference = this.read[i]!.preference!;
    return this.refusedKinds.get(refused)?.has(preference) ? null : preference;
  }

  /**
   * The buyer's yes (行吧, "sounds good") to the merchant's offer of one remedy, said as the buyer's
   * next line, settles it: 您不介意的话补偿您50元 → 行吧. So does a yes to one remedy the merchant
   * stated with a question for the buyer (给您退六十块 您看可以吗 → 行吧): the kind agreed stands when
   * the merchant later only says the money goes back (decision 0620).
   */
  private acceptOffer(i: number, r: LineReading): void {
    if (!r.remedy.accepts || r.remedy.settled || r.remedy.declines || r.remedy.no) return;
    const offer = this.remedyLines.at(-1);
    const put = offer === undefined ? null : this.read[offer]!.remedy;
    const one = put === null ? [] : put.offered.length > 0 ? put.offered : put.settled && put.asks ? [put.settled] : [];
    const answered = lastAtMost(this.spoken.customer, i - 1);
    if (
      one.length === 1 &&
      !put!.choice &&
      this.read[offer!]!.speaker === 'merchant' &&
      (answered === null || answered < offer!)
    ) {
      r.remedy = { ...r.remedy, settled: one[0]! };
      r.accepted = offer;
      this.acceptedOffers.add(offer!);
    }
  }

  /**
   * The buyer's pick from a choice the merchant just put (补发一个新的腿 or $120 back, which would you
   * prefer? → "I'll take the refund"): the one option of the kind asked for (money back, or goods) is
   * accepted as an offer of it is, when the buyer's line is the next one and names no other remedy.
   */
  private pickFromChoice(i: number, r: LineReading): void {
    if (!r.preference || r.remedy.settled || r.remedy.declines || r.remedy.no) return;
    const offer = this.remedyLines.at(-1);
    if (offer === undefined || this.read[offer]!.speaker !== 'merchant') return;
    const put = this.read[offer]!.remedy;
    const answered = lastAtMost(this.spoken.customer, i - 1);
    if (!put.choice || (answered !== null && answered > offer)) return;
    const money = (k: Remedy) => k === 'refund' || REFUNDS.includes(k);
    const fits = put.offered.filter((k) =>
      r.preference === 'refund' ? money(k) : k === 'replacement' || k === 'reship',
    );
    if (fits.length !== 1) return;
    r.remedy = { ...r.remedy, settled: fits[0]! };
    r.accepted = offer;
    this.acceptedOffers.add(offer);
  }

  /**
   * The buyer's plain no (不用了, "nah I'll pass"), said as the buyer's next line after the merchant
   * offered or proposed a remedy (可以给您换一个, "would you like a replacement lid?"), declines it:
   * nothing is settled. Not after a remedy said done (a no there answers something else), and not
   * as an answer to anything but the latest line touching the remedy (不用了 谢谢 after 还有别的吗
   * leaves a remedy agreed before standing) (decision 0705).
   */
  private declineOffer(i: number, r: LineReading): void {
    if (!r.remedy.no || r.remedy.declines || r.remedy.settled) return;
    const offer = this.remedyLines.at(-1);
    if (offer === undefined || this.read[offer]!.speaker !== 'merchant') return;
    const put = this.read[offer]!.remedy;
    const answered = lastAtMost(this.spoken.customer, i - 1);
    const spokenSince = lastAtMost(this.spoken.merchant, i - 1);
    if (
      (put.settled !== null || put.offered.length > 0) &&
      !put.done &&
      spokenSince === offer &&
      (answered === null || answered < offer)
    ) {
      r.remedy = { ...r.remedy, declines: true };
      this.declinedOffers.add(offer);
    }
  }

  /**
   * Where the remedy of a problem said on line `from` stands as of line `index`, reading back from
   * the latest line that touched it: a remedy settled (by the merchant stating it, the buyer asking
   * for it or accepting an offer of it; one remedy proposed counts too), or `open` when the latest
   * is a choice the buyer has not taken up or the merchant turned the ask down (定制不支持退换, "we
   * can't accept the return"), or null when the buyer's own latest ask (退款吧) leaves it to the
   * ranked options or nothing was said. A buyer's no (不用补了) withdraws the remedy said
   * before it; a coupon is an extra beside a remedy settled before it, else the remedy. `line` is where it was said, for the amount named there.
   */
  remedySince(from: number, index: number): Settlement {
    const last = this.upTo(index);
    let declined = 0;
    // A coupon settled is an extra beside a remedy settled before it or a fee given back, else the
    // call's one remedy (goodwill for a late parcel, or after a refused ask: 过了价保期…给您一张20元的券 → 行吧).
    const fee = firstAtLeast(this.feeLines, from);
    let coupon: Settlement = null;
    for (let k = countAtMost(this.remedyLines, last) - 1; k >= 0; k--) {
      const i = this.remedyLines[k]!;
      if (i < from) break;
      const r = this.read[i]!;
      const { settled, offered, declines, refuses, pending } = r.remedy;
      if (declines && r.speaker === 'customer') declined++;
      else if ((refuses || pending) && !settled && offered.length === 0) return coupon ?? { remedy: 'open', line: i };
      else if (!settled && offered.length === 0) return coupon;
      else if (declined > 0) declined--;
      else if (settled === 'coupon')
        coupon ??= fee !== null && fee <= last ? null : { remedy: 'coupon', line: r.accepted ?? i };
      // Money said as an addition (另外给您补偿五元) is an extra beside a remedy settled before it, as a
      // coupon is, else the remedy (decision 0920).
      else if (r.extra && r.speaker === 'merchant' && settled !== null && MONEY_BACK.includes(settled))
        // Only goods settled before it make it an extra: after money or a choice it is the remedy.
        return this.goodsBefore(from, k) ?? { remedy: settled, line: i };
      // 申请仅退款18元 after a part refund agreed is the platform's form for it: the kind agreed stands.
      else if (settled === 'refund' || settled === 'refund_only')
        return this.refundKindBefore(from, k) ?? { remedy: settled, line: r.accepted ?? i };
      else if (settled) return { remedy: settled, line: r.accepted ?? i };
      else {
        // One remedy proposed (可以给您换) is the merchant's proposal; a choice, or only a coupon, is open.
        const proposed = offered.filter((k) => k !== 'coupon');
        return offered.length === 1 && proposed.length === 1 && !r.remedy.choice
          ? { remedy: proposed[0]!, line: i }
          : (coupon ?? { remedy: 'open', line: i });
      }
    }
    return coupon;
  }

  /** Goods (a replacement or a reship) settled on the latest remedy line before the `k`-th that settles anything. */
  private goodsBefore(from: number, k: number): Settlement {
    for (let j = k - 1; j >= 0; j--) {
      const i = this.remedyLines[j]!;
      if (i < from) return null;
      const { settled } = this.read[i]!.remedy;
      if (settled === 'replacement' || settled === 'reship')
        return { remedy: settled, line: this.read[i]!.accepted ?? i };
      if (settled !== null && settled !== 'coupon') return null;
    }
    return null;
  }

  /**
   * The kind of refund the buyer agreed to on a remedy line before the `k`-th (since line `from`),
   * with the line it was put on (for the amount named there): "the $40 refund is processed" carries
   * out the part refund accepted before.
   */
  private refundKindBefore(from: number, k: number): Settlement {
    const at = this.remedyLines[k]!;
    for (let j = k - 1; j >= 0; j--) {
      const i = this.remedyLines[j]!;
      if (i < from) return null;
      const r = this.read[i]!;
      if (r.remedy.declines) return null;
      // Only a kind the buyer said yes to: a merchant's own earlier words may be an aside (口令红包).
      if (r.accepted !== undefined && r.remedy.settled !== null && r.remedy.settled !== 'refund')
        return REFUNDS.includes(r.remedy.settled) ? { remedy: r.remedy.settled, line: r.accepted } : null;
      // Or the same speaker's line right before, in one turn: 剩下三周…给您退117元 / 今天给您提交 原路退回
      // says how the part refund just settled is paid, not another refund (0880).
      const sameTurn = i === at - 1 && r.speaker === this.read[at]!.speaker;
      if (sameTurn && r.remedy.settled !== null && r.remedy.settled !== 'refund' && REFUNDS.includes(r.remedy.settled))
        return { remedy: r.remedy.settled, line: i };
    }
    return null;
  }

  /** Whether the merchant let the buyer keep the goods on a line in [from, index]. */
  keptBetween(from: number, index: number): boolean {
    const at = firstAtLeast(this.keptLines, from);
    return at !== null && at <= this.upTo(index);
  }

  /** Whether a line up to `index` sends the goods back to the shop (退货, 寄回, a return label, a pickup). */
  goodsBack(index: number): boolean {
    const last = this.upTo(index);
    const first = this.backLines[0];
    return first !== undefined && first <= last;
  }

  /** Whether the merchant's line `i` gives money back for a fee (配送费给您退掉), not for the order. */
  feeRefund(i: number): boolean {
    this.upTo(i);
    return this.read[i]?.remedy.fee === true;
  }

  /**
   * Whether line `i` carries no remedy whatever it promises: what it offers the buyer turned down
   * with a plain no on the next line, or it is for something in return or off the platform (a promise
   * on it carries nothing out).
   */
  remedyVoid(i: number, index: number): boolean {
    this.upTo(index);
    return this.declinedOffers.has(i) || this.read[i]?.remedy.void === true;
  }

  /** Whether the latest line up to `index` touching the remedy is the buyer turning it down. */
  declinedLast(index: number): boolean {
    const i = lastAtMost(this.remedyLines, this.upTo(index));
    return i !== null && this.read[i]!.speaker === 'customer' && this.read[i]!.remedy.declines;
  }

  /** Whether the buyer said yes (行吧, "that works") to the offer of one remedy on line `i`, up to `index`. */
  offerAcceptedBy(i: number, index: number): boolean {
    this.upTo(index);
    return this.acceptedOffers.has(i);
  }

  /**
   * Whether line `i` binds what it says only to the buyer's own step or the goods reaching the shop
   * (仓库签收以后 钱会原路回到您账户, "once it's back with us, the refund lands"): a conditional
   * promise on it is settled as the remedy words on such a line are (blind-l convention 6).
   */
  onBuyerStep(i: number): boolean {
    this.upTo(i);
    return this.read[i]?.onStep === true;
  }

  /** Whether a line up to `index` says the order was cancelled (取消成功, "I cancelled my order"). */
  cancelledBy(index: number): boolean {
    return lastAtMost(this.cancelledLines, this.upTo(index)) !== null;
  }

  /** Whether line `i` names a repair (修好给您寄回去, 返厂检测): goods promised on it come back mended, no remedy of goods. */
  repairOn(i: number): boolean {
    this.upTo(i);
    return this.read[i]?.repair === true;
  }

  /** Whether the merchant's line `i` settles a remedy as done (已经给您退了, "I've refunded"). */
  doneOn(i: number): boolean {
    this.upTo(i);
    return this.read[i]?.remedy.done === true;
  }

  /** Whether line `i` settles, offers or declines a remedy, or asks for one. */
  touchesRemedy(i: number): boolean {
    this.upTo(i);
    return lastAtMost(this.remedyLines, i) === i;
  }

  /** Whether any line up to `index` names a member of `cls`. */
  named(cls: GoodsClass, index: number): boolean {
    const last = this.upTo(index);
    const first = this.firstNamed.get(cls);
    return first !== undefined && first <= last;
  }

  /** How much of the goods line `i` says is affected. */
  quantity(i: number): AffectedQuantity {
    this.upTo(i);
    const r = this.read[i]!;
    r.quantity ??= quantityOf(this.lines[i]!.text);
    return r.quantity;
  }
}

/** How many members of ascending `list` are ≤ `x`. */
function countAtMost(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The largest member of ascending `list` that is ≤ `x`. */
function lastAtMost(list: readonly number[], x: number): number | null {
  const n = countAtMost(list, x);
  return n > 0 ? list[n - 1]! : null;
}

/** The smallest member of ascending `list` that is ≥ `x`. */
function firstAtLeast(list: readonly number[], x: number): number | null {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? list[lo]! : null;
}
