import type { SpeakerRole, TranscriptLine } from '../../core/domain.js';
import { analyzeLine, classMatches } from '../language/index.js';
import {
  asserted,
  firstPreference,
  type IssueKind,
  kindsOf,
  type Preference,
  type Remedy,
  remedyOf,
} from './issue-cues.js';
import { type AffectedQuantity, affectedQuantity } from './quantities.js';

/** Goods classes a call can name anywhere; the order facts read them. */
export const GOODS_CLASSES = ['goods.fresh', 'goods.food', 'goods.appliance', 'goods.custom'] as const;
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

/** What one line says that advice reads, worked out once when the line is first read. */
interface LineReading {
  speaker: SpeakerRole;
  /** Problem kinds the line asserts, priority first: [as read alone, as read about fresh goods]. */
  kinds: [Found, Found];
  lost: boolean;
  lateComplaint: boolean;
  installNoShow: boolean;
  preference: Preference | null;
  /** The remedy the line settles (merchant) or asks for (buyer), see `remedyOf`. */
  remedy: Remedy | null;
  quantity?: AffectedQuantity;
}

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
  private readonly remedies = bySpeaker();
  private readonly firstNamed = new Map<GoodsClass, number>();

  constructor(readonly lines: readonly TranscriptLine[]) {}

  /** Reads lines up to `index` (clamped to the transcript) and returns the clamped index. */
  private upTo(index: number): number {
    const last = Math.min(index, this.lines.length - 1);
    for (let i = this.read.length; i <= last; i++) this.readLine(i);
    return last;
  }

  private readLine(i: number): void {
    const { speaker, text } = this.lines[i]!;
    const a = analyzeLine(text);
    const kinds = kindsOf(a);
    const r: LineReading = {
      speaker,
      kinds,
      lost: asserted(a, 'issue.lost_parcel').length > 0,
      lateComplaint: asserted(a, 'issue.late_complaint').length > 0,
      installNoShow: asserted(a, 'issue.install_no_show').length > 0,
      preference: speaker === 'customer' ? firstPreference(a) : null,
      remedy: remedyOf(a, speaker),
    };
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
    if (r.remedy) this.remedies[speaker].push(i);
    for (const cls of GOODS_CLASSES)
      if (!this.firstNamed.has(cls) && classMatches(a, cls).length > 0) this.firstNamed.set(cls, i);
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

  /**
   * The remedy settled for a problem said on line `from`, as of line `index`: the latest a party
   * settled on since (a merchant stating it, a buyer asking for it), so a buyer's change of mind
   * or a merchant's final word counts; null when none.
   */
  remedySince(from: number, index: number): Remedy | null {
    const last = this.upTo(index);
    const at = [lastAtMost(this.remedies.merchant, last), lastAtMost(this.remedies.customer, last)]
      .filter((i): i is number => i !== null && i >= from)
      .sort((a, b) => b - a)[0];
    return at === undefined ? null : this.read[at]!.remedy;
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
    r.quantity ??= affectedQuantity(this.lines[i]!.text);
    return r.quantity;
  }
}

/** The largest member of ascending `list` that is ≤ `x`. */
function lastAtMost(list: readonly number[], x: number): number | null {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1]! : null;
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
