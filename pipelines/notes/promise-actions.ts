/**
 * The acts a clause names, read from the language layer's `action.<kind>` word classes
 * (promise.lexicon.json) in the rank order of the frames file. Ranges are offsets into the
 * clause's text, so a reader can ask about a consequent or the part before a condition without
 * re-reading any text.
 */
import type { PromiseAction, SpeakerRole } from '../../core/domain.js';
import type { Clause, LexiconMatch } from '../language/index.js';
import { countHan } from '../language/language-id.js';
import { cueHits, firstCue, hasCue, type Range } from './promise-cues.js';
import { loadFrames } from './promise-frames.js';

export type { Range } from './promise-cues.js';

export interface ActionHit {
  action: PromiseAction;
  rank: number;
  /** Offsets of the word in the clause's text. */
  at: number;
  end: number;
}

interface Ranks {
  byClass: Map<string, { action: PromiseAction; rank: number }>;
  arrival: string;
  payout: string;
}

let ranks: Ranks | undefined;
function actionRanks(): Ranks {
  if (ranks) return ranks;
  const f = loadFrames();
  ranks = {
    byClass: new Map(f.actionClasses.map((c, rank) => [c.class, { action: c.action, rank }])),
    arrival: f.arrivalClass,
    payout: f.payoutClass,
  };
  return ranks;
}

const local = (clause: Clause, m: LexiconMatch): Range => [m.span[0] - clause.span[0], m.span[1] - clause.span[0]];
const overlaps = (a: Range, b: Range) => a[0] < b[1] && b[0] < a[1];

/** Which words a reading leaves out: goods arriving, or money paid out (what they name is read apart). */
export interface Leave {
  arrival?: boolean;
  payout?: boolean;
}

/** Every action word of the clause inside `range`, in order (all of them, for negation scopes). */
export function actionWords(clause: Clause, range: Range = [0, clause.text.length], leave: Leave = {}): ActionHit[] {
  const r = actionRanks();
  const left = clause.matches
    .filter((m) => (leave.arrival && m.class === r.arrival) || (leave.payout && m.class === r.payout))
    .map((m) => local(clause, m));
  const out: ActionHit[] = [];
  for (const m of clause.matches) {
    const rank = r.byClass.get(m.class);
    if (!rank) continue;
    const at = local(clause, m);
    if (at[0] < range[0] || at[1] > range[1] || left.some((l) => overlaps(l, at))) continue;
    out.push({ ...rank, at: at[0], end: at[1] });
  }
  return out;
}

/** Does the clause name goods arriving (收到, "should arrive") inside `range`? */
export function namesArrival(clause: Clause, range: Range): boolean {
  return names(clause, actionRanks().arrival, range);
}

/** Does the clause name money paid out (到账, 打款) inside `range`? */
export function namesPayout(clause: Clause, range: Range): boolean {
  return names(clause, actionRanks().payout, range);
}

function names(clause: Clause, cls: string, range: Range): boolean {
  return clause.matches.some((m) => {
    if (m.class !== cls) return false;
    const [s, e] = local(clause, m);
    return s >= range[0] && e <= range[1];
  });
}

/** The first word of each action class in `range`, the strongest class of an action first. */
function hits(clause: Clause, range: Range, speaker: SpeakerRole, leave: Leave): ActionHit[] {
  const { arrival } = actionRanks();
  const modifiers = cueHits(clause, 'modifier_before', range);
  const firstOfRank = new Map<number, ActionHit>();
  for (const h of actionWords(clause, range, leave)) if (!firstOfRank.has(h.rank)) firstOfRank.set(h.rank, h);
  const found = new Map<PromiseAction, ActionHit>();
  const arrivalRank = actionRanks().byClass.get(arrival)?.rank;
  for (const h of [...firstOfRank.values()].sort((a, b) => a.rank - b.rank)) {
    // Goods arriving is something the buyer receives, never something the buyer does.
    if (speaker === 'customer' && h.rank === arrivalRank) continue;
    // "the tracking number for the replacement": an action word naming what something is for.
    if (modifiers.some((m) => m.end === h.at)) continue;
    if (!found.has(h.action)) found.set(h.action, h);
  }
  return [...found.values()].sort((a, b) => a.at - b.at);
}

/**
 * The actions a clause (or the part of it in `range`) promises, as the speaker could perform them.
 * Several only when joined ("reship it or refund you", "退款并补发"); otherwise the strongest one
 * ("收到货后给您退款").
 */
export function actionsOf(
  clause: Clause,
  speaker: SpeakerRole,
  range: Range = [0, clause.text.length],
  leave: Leave = {},
): PromiseAction[] {
  const commitment = `commitment.${speaker}` as const;
  const commits = (from: number, to: number) => hasCue(clause, commitment, [from, to]);
  // A time said first names when, not what ("发货后我会通知您"), unless it commits to an act itself
  // ("安排师傅周四下午上门到之前会给您打个电话").
  const timed = firstCue(clause, 'temporal_lead', range);
  const lead = timed && timed.at === range[0] && timed.end < range[1] && !commits(timed.at, timed.end) ? timed : null;
  const rest: Range = lead ? [lead.end, range[1]] : range;
  const body = lead && hits(clause, rest, speaker, leave).length > 0 ? rest : range;
  const groups: ActionHit[][] = [];
  for (const h of hits(clause, body, speaker, leave)) {
    const last = groups.at(-1);
    // Each act committed to on its own is its own promise, joined or not ("上门前半个小时会先给您打电话"
    // after "给您约在周四上门"); a noun before its verb ("差价二十块我们给您补上") is one act.
    const ownCommitment = last !== undefined && commits(body[0], last[0]!.at) && commits(last.at(-1)!.end, h.at);
    const joined = last !== undefined && hasCue(clause, 'coordinator', [last.at(-1)!.at, h.at]);
    if (last && !joined && !ownCommitment) last.push(h);
    else groups.push([h]);
  }
  const actions = groups.map((g) => g.reduce((a, b) => (b.rank < a.rank ? b : a)).action);
  // The buyer can promise only what the buyer does: calling, their own errands. Sending the goods
  // back is the buyer's part of the return, not annotated (0820: one such line labelled in C–R, ten not).
  const spoken =
    speaker === 'merchant'
      ? actions
      : actions
          .map((a) => (a === 'refund' && hasCue(clause, 'return_goods', body) ? ('ship' as const) : a))
          .filter((a) => loadFrames().customerActions.includes(a));
  return [...new Set(spoken)];
}

/**
 * Does the clause's time phrase date `act` (decision 0685)? A clause naming several acts gives its
 * time to the act it belongs to: in English the act named last before the phrase ("I've opened a
 * trace and set up a reship - it'll go out tomorrow and you'll get a tracking email": the reship), in
 * Chinese the act named first after it (给您登记一下 明天上午技术会给您打个电话: the call); a phrase said before every act
 * (明天给您退款并补发) dates them all, and so does one followed by an act counted from it (周四下午上门 |
 * 到之前会给您打个电话). `extra` adds words the reader does not rank (a frame's own
 * class: the trace opened), read as `act`.
 */
export function timesAct(
  clause: Clause,
  acts: readonly PromiseAction[],
  act: PromiseAction,
  phrase: { start: number; end: number },
  extra: readonly Range[] = [],
): boolean {
  if (new Set(acts).size < 2) return true;
  // "周四下午上门 到之前会给您打个电话": an act timed from the one before it shares its time.
  if (hasCue(clause, 'before_act', [phrase.end, clause.text.length])) return true;
  const words = [
    ...actionWords(clause).filter((h) => acts.includes(h.action)),
    ...extra.map(([at, end]) => ({ action: act, at, end })),
  ].sort((a, b) => a.at - b.at);
  const before = words.filter((h) => h.end <= phrase.start);
  if (before.length === 0) return true;
  // Chinese says the time before its verb (登记一下 明天上午技术会给您打个电话: the call); English after
  // it (set up a reship - it'll go out tomorrow: the reship).
  const next =
    countHan(clause.text.slice(phrase.start, phrase.end)) > 0 ? words.find((h) => h.at >= phrase.end) : undefined;
  return (next ?? before.at(-1)!).action === act;
}

/**
 * A trailing condition ("… once it's back with us") hangs on the act said just before it: acts joined
 * to that one by a coordinator ("I'll email the label right now and refund you once it's back") are
 * said for themselves, unconditioned, when they carry their own time (right now, today) (0855). Returns
 * those acts; none when no condition trails an act.
 */
export function joinedBeforeTrailing(
  clause: Clause,
  speaker: SpeakerRole,
  /** The clause's time phrase (offsets into its text): the joined act must be timed by itself. */
  time: { start: number; end: number } | null | undefined,
): PromiseAction[] {
  const cond = clause.marks.find((m) => m.kind === 'condition');
  if (!cond) return [];
  const at = cond.span[0] - clause.span[0];
  if (at <= 0) return [];
  const joints = cueHits(clause, 'coordinator', [0, at]);
  for (let k = joints.length - 1; k >= 0; k--) {
    const joint = joints[k]!;
    const before = actionsOf(clause, speaker, [0, joint.at]);
    const hung = actionsOf(clause, speaker, [joint.end, at]);
    const timed = (time && time.end <= joint.at) || hasCue(clause, 'immediate', [0, joint.at]);
    if (before.length > 0 && hung.length > 0 && timed) return before.filter((x) => !hung.includes(x));
  }
  return [];
}

/** Spaces and punctuation: no words. */
const PAUSES = ' \u3000，,。.！!？?~～、';

/** The offset of the first word at or after `from` in `text`. */
function skipPauses(text: string, from: number): number {
  let at = from;
  while (at < text.length && PAUSES.includes(text[at]!)) at++;
  return at;
}

/**
 * The condition of a clause said with its own consequent, a statement naming no act (布料换的话可能要加一点钱,
 * `promise.topic_statement` right after 的话):
 * closed there, it conditions nothing after it in the sentence (0855). A bare 的话 clause (没货的话，…)
 * stays open, and so does one whose consequent is an act the next clause goes on with.
 */
export function closedCondition(clause: Clause): boolean {
  const cond = clause.marks.find((m) => m.kind === 'condition');
  if (!cond) return false;
  const at = cond.span[0] - clause.span[0];
  const end = cond.span[1] - clause.span[0];
  // Its consequent is a statement, naming no act (an act there goes on in the next clause: …可以给您申请10元补贴 今天内到账).
  return (
    clause.text.slice(at, end) === '的话' &&
    firstCue(clause, 'topic_statement', [skipPauses(clause.text, end), clause.text.length])?.at ===
      skipPauses(clause.text, end) &&
    actionWords(clause, [end, clause.text.length]).length === 0
  );
}
