/**
 * Frames: a rule's slots (lexicon classes, clause marks, masks, long numbers) filled within one
 * clause — or a few consecutive ones — of the language layer's analysis of the line. Clauses,
 * negation scope and reported speech all come from that layer; this file only reads them.
 */
import type { SpeakerRole } from '../../core/domain.js';
import {
  actorAsks,
  type Clause,
  clauseEnd,
  digitRunsKnowledge,
  type LineAnalysis,
  type Mark,
  type Span,
  speakersOwn,
} from '../language/index.js';

/**
 * One way to fill a slot: `{ kind: 'class', name: 'private_datum' }`, a mark, a mask, digits, or
 * `spoken` digits (read out one by one in words, "five five five" / 一三八: never a typed price).
 */
export type SlotAlternative =
  | { kind: 'class' | 'mark' | 'mask'; name: string }
  | { kind: 'digits'; min: number; spoken?: true };

export interface CompiledFrame {
  slots: SlotAlternative[][];
  order: 'any' | 'written';
  reach: number;
  unless: SlotAlternative[][];
  unlessLine: SlotAlternative[][];
  negation: 'veto' | 'ignore';
  earlier?: {
    slots: SlotAlternative[][];
    reach: number;
    lines: number;
    turns?: number;
    speaker: 'same' | 'other' | 'any';
    unlessAfter?: SlotAlternative[][];
    /** The earlier line opens no act when it also holds one of these. */
    unlessLine?: SlotAlternative[][];
    continues: boolean;
    required: boolean;
    /** The earlier line must itself be flagged by the rule (decision 0675). */
    flagged?: boolean;
    /** The earlier line, filling these, is flagged too as the request half (decision 0715). */
    flagRequest?: { slots: SlotAlternative[][]; reach: number };
  };
  /** A reason said on an earlier line vetoes the hit, unless the other party said an `unlessAfter` act since (0745). */
  unlessSaid?: {
    slots: SlotAlternative[][];
    reach: number;
    lines: number;
    speaker: 'same' | 'other' | 'any';
    unlessAfter?: { slots: SlotAlternative[][]; negation: 'veto' | 'ignore' }[];
  };
  /** Only lines by these speakers fill the frame. */
  speakers?: readonly SpeakerRole[];
  /** Vetoed when the line holds `cue` and answers an other-party line that fills `slots`. */
  unlessAnswering?: { cue: SlotAlternative[][]; slots: SlotAlternative[][]; reach: number; lines: number }[];
  /** The other party's line just before fills these, within `reach` clauses (a question about what was asked). */
  reply?: { slots: SlotAlternative[][]; reach: number; echo: boolean };
  /**
   * Whom the words are aimed at (`mark:addressee`): named between an `unless` filler and the hit, it
   * wins; and the speaker named words after the hit is whom it is said to, not whom it is about.
   */
  target?: SlotAlternative[];
}

export interface Filler {
  /** Which class / mark / mask it is, and the lexicon entry or mask kind that matched. */
  cue: string;
  text: string;
  span: Span;
  nspan: Span;
}

export interface FrameHit {
  /** The fillers, one per slot, in slot order. */
  fillers: Filler[];
  span: Span;
  /** Set when a context check vetoes the hit. */
  veto?: { reason: 'negation' | 'unless' | 'warning'; cue: string };
}

export function parseSlot(source: string): SlotAlternative[] {
  return source.split('|').map((alt) => {
    const [head, rest] = alt.includes(':') ? (alt.split(':') as [string, string]) : ['class', alt];
    if (head === 'digits') return { kind: 'digits', min: Number(rest) };
    if (head === 'spoken') return { kind: 'digits', min: Number(rest), spoken: true };
    return { kind: head as 'class' | 'mark' | 'mask', name: rest };
  });
}

/** Marks lexicon entries naming the listener as owner end their ids so (addressee.zh.possessive). */
const POSSESSIVE = '.possessive@';

const inside = (n: Span, c: Span) => n[0] >= c[0] && n[1] <= c[1];

/** Words between an insult and the speaker named after it that make the speaker its listener, not its subject. */
const SELF_GAP = 2;

/**
 * A line is read by ~190 frames: each slot's fillers are collected once per line, then windowed.
 * The rules' 186 frames hold 306 slot arrays but 122 distinct slots: each distinct slot gets a small
 * number (its first-seen array stands for all its twins), and a line keeps its fillers in an array
 * by that number — one WeakMap read per ask, no Map of slots built per line.
 */
const memo = new WeakMap<LineAnalysis, LineSlots>();

/**
 * What a line holds per slot id: its fillers once collected, and whether it has any at all
 * (`mayFill`'s answer, kept so each distinct slot is asked once per line however many frames and
 * acts share it: decision 0835).
 */
interface LineSlots {
  fillers: (Filler[] | undefined)[];
  /** Per slot id: 0 not asked yet, 1 has a filler, 2 has none. */
  filled: Uint8Array;
}

function lineSlots(a: LineAnalysis): LineSlots {
  let slots = memo.get(a);
  // Sized to the slots known (all of them after the first lines): ids are written out of order.
  if (!slots) memo.set(a, (slots = { fillers: new Array(slotById.length), filled: new Uint8Array(slotById.length) }));
  else if (slots.filled.length < slotById.length) {
    // A slot first seen after this line was read (a probe built late): the table grows.
    const filled = new Uint8Array(slotById.length);
    filled.set(slots.filled);
    slots.filled = filled;
  }
  return slots;
}
const slotIds = new WeakMap<readonly SlotAlternative[], number>();
const idByText = new Map<string, number>();
const slotById: (readonly SlotAlternative[])[] = [];

function slotId(slot: readonly SlotAlternative[]): number {
  let id = slotIds.get(slot);
  if (id === undefined) {
    const text = JSON.stringify(slot);
    id = idByText.get(text);
    if (id === undefined) {
      id = slotById.push(slot) - 1;
      idByText.set(text, id);
    }
    slotIds.set(slot, id);
  }
  return id;
}

/**
 * The ids of a frame's slots, in slot order: one WeakMap read per frame and line instead of one per
 * slot (`mayFill` and `fill` ask every slot of ~190 frames on every line).
 */
const idsBySlots = new WeakMap<readonly (readonly SlotAlternative[])[], number[]>();
function slotIdsOf(slots: readonly (readonly SlotAlternative[])[]): number[] {
  let ids = idsBySlots.get(slots);
  if (ids === undefined) {
    ids = slots.map(slotId);
    idsBySlots.set(slots, ids);
  }
  return ids;
}

/** Every filler of a slot within the given clauses of the line. */
export function fillersOf(a: LineAnalysis, clauses: readonly Clause[], slot: readonly SlotAlternative[]): Filler[] {
  return fillersById(a, clauses, slotId(slot));
}

/** `fillersOf` for a slot known by its id. */
function fillersById(a: LineAnalysis, clauses: readonly Clause[], id: number): Filler[] {
  const line = lineSlots(a);
  let all = line.fillers[id];
  if (!all) {
    all = collect(a, slotById[id]!);
    line.fillers[id] = all;
    // The fillers, once collected, answer `mayFill` (a class named only in the speaker's own words fills nothing).
    line.filled[id] = all.length > 0 ? 1 : 2;
  }
  if (all.length === 0 || clauses.length === a.clauses.length) return all;
  return all.filter((f) => clauses.some((c) => inside(f.nspan, c.nspan)));
}

/** A line's lexicon matches by class and clause marks by kind, in clause order: each slot alternative is one lookup. */
interface LineIndex {
  byClass: Map<string, Clause['matches']>;
  byMark: Map<string, Mark[]>;
}
const indexes = new WeakMap<LineAnalysis, LineIndex>();

function indexOf(a: LineAnalysis): LineIndex {
  let index = indexes.get(a);
  if (index) return index;
  index = { byClass: new Map(), byMark: new Map() };
  for (const c of a.clauses) {
    for (const m of c.matches) {
      const list = index.byClass.get(m.class);
      if (list) list.push(m);
      else index.byClass.set(m.class, [m]);
    }
    for (const m of c.marks) {
      const list = index.byMark.get(m.kind);
      if (list) list.push(m);
      else index.byMark.set(m.kind, [m]);
    }
  }
  indexes.set(a, index);
  return index;
}

const NONE: readonly never[] = [];

/** What most slots hold on most lines: one shared empty list (fillers are only ever read). */
const NO_FILLERS: Filler[] = [];

function collect(a: LineAnalysis, slot: readonly SlotAlternative[]): Filler[] {
  const out: Filler[] = [];
  const { clauses, masks } = a;
  const { byClass, byMark } = indexOf(a);
  // Indexed loops and plain literals: this runs for every distinct slot on every line.
  for (let k = 0; k < slot.length; k++) {
    const alt = slot[k]!;
    if (alt.kind === 'class') {
      const ms = byClass.get(alt.name) ?? NONE;
      const asks = actorAsks().has(alt.name);
      for (let i = 0; i < ms.length; i++) {
        const m = ms[i]!;
        if (asks && bySelf(clauses, m.nspan)) continue;
        out.push({ cue: `${alt.name}:${m.entry}`, text: m.text, span: m.span, nspan: m.nspan });
      }
      // A typed token stands in its class: an app name spelled out letter by letter (微 信, q q).
      for (let i = 0; i < masks.length; i++) {
        const m = masks[i]!;
        if (m.class === alt.name && within(clauses, m.nspan))
          out.push({ cue: `${alt.name}:mask:${m.kind}`, text: m.text, span: m.span, nspan: m.nspan });
      }
    } else if (alt.kind === 'mark') {
      const ms = byMark.get(alt.name) ?? NONE;
      const asks = actorAsks().has(`mark:${alt.name}`);
      for (let i = 0; i < ms.length; i++) {
        const m = ms[i]!;
        if (asks && bySelf(clauses, m.nspan)) continue;
        out.push({ cue: `mark:${m.kind}:${m.entry}`, text: a.text.slice(...m.span), span: m.span, nspan: m.nspan });
      }
    } else if (alt.kind === 'mask') {
      for (let i = 0; i < masks.length; i++) {
        const m = masks[i]!;
        if (m.kind === alt.name && within(clauses, m.nspan))
          out.push({ cue: `mask:${m.kind}`, text: m.text, span: m.span, nspan: m.nspan });
      }
    } else if (alt.kind === 'digits') {
      const cue = `${alt.spoken ? 'spoken' : 'digits'}:${alt.min}`;
      if (!alt.spoken)
        for (const m of masks)
          if ((m.kind === 'phone' || m.kind === 'digits') && within(clauses, m.nspan) && digitCount(m.text) >= alt.min)
            out.push({ cue, text: m.text, span: m.span, nspan: m.nspan });
      for (const run of digitRuns(a))
        if (within(clauses, run.head.nspan) && run.digits >= alt.min && (!alt.spoken || run.head.script !== 'arabic'))
          out.push({ cue, text: run.head.text, span: run.head.span, nspan: run.head.nspan });
    }
  }
  return out.length === 0 ? NO_FILLERS : out;
}

/**
 * Whether a span lies in what the speaker's own doer governs (decision 0790): an asking word there
 * (小妹这边帮您核对一下, "I'm sending you a code") asks the listener nothing and fills no slot.
 */
function bySelf(clauses: readonly Clause[], n: Span): boolean {
  for (const c of clauses) if (speakersOwn(c.actor, n)) return true;
  return false;
}

/** Whether a span lies inside one of the clauses (a function, not a closure made per call). */
function within(clauses: readonly Clause[], n: Span): boolean {
  for (const c of clauses) if (inside(n, c.nspan)) return true;
  return false;
}

/** What may stand between two groups of one number said in parts (555-0142, 一五八 零二四七). */
const GROUP_SEPARATORS = new Set([...' \t,，、.·-–—/']);
const isGap = (text: string) => [...text].every((ch) => GROUP_SEPARATORS.has(ch));

/**
 * Numbers read digit by digit, joined with the groups that follow them: a phone number is said or
 * typed in groups ("four four, seven seven zero zero, …", 一五八 零二四七 …, 555-0142), and the
 * clause splitter cuts it at the commas. Groups after the first have three digits or more, so a list
 * of sizes (36、37、38) stays a list. Single digits one space apart (2 8 7 4 1 0 5 5 3) are one number
 * when there are as many as a listed number has (digit-runs.json `listedDigitsMin`, decision 0670).
 * The run sits at its first group, so it fills a slot of the clause where the number starts.
 */
function digitRuns(a: LineAnalysis): { head: LineAnalysis['numbers'][number]; digits: number }[] {
  type Run = { head: LineAnalysis['numbers'][number]; digits: number; end: number; singles: Run[] | null };
  const runs: Run[] = [];
  for (const n of a.numbers) {
    const digits = (n.digits ?? '').length;
    if (digits === 0) continue;
    const last = runs.at(-1);
    const gap = last ? a.norm.slice(last.end, n.nspan[0]) : '';
    if (last && digits >= 3 && isGap(gap)) {
      last.digits += digits;
      last.end = n.nspan[1];
      last.singles = null;
    } else if (last?.singles && digits === 1 && gap === ' ') {
      // One digit per space (2 8 7 4 1 0 5 5 3): a number typed or transcribed digit by digit.
      last.singles.push({ head: n, digits, end: n.nspan[1], singles: null });
      last.digits += 1;
      last.end = n.nspan[1];
    } else runs.push({ head: n, digits, end: n.nspan[1], singles: digits === 1 ? [] : null });
  }
  // Fewer single digits than a listed number has (1 2 3, a count or a size list) stay apart.
  const min = digitRunsKnowledge().listedDigitsMin;
  return runs.flatMap((r) =>
    r.singles && r.singles.length > 0 && r.digits < min ? [{ ...r, digits: 1 }, ...r.singles] : [r],
  );
}
const digitCount = (t: string) => t.replace(/\D/g, '').length;

/** The tightest filling of all slots in one window, or null. */
function fill(
  a: LineAnalysis,
  window: readonly Clause[],
  frame: CompiledFrame,
  keep: ((f: Filler) => boolean) | null = null,
): Filler[] | null {
  const ids = slotIdsOf(frame.slots);
  const options: Filler[][] = [];
  for (let k = 0; k < ids.length; k++) {
    const all = fillersById(a, window, ids[k]!);
    const o = keep ? all.filter(keep) : all;
    if (o.length === 0) return null;
    options.push(o);
  }
  const search: Search = {
    options,
    written: frame.order === 'written',
    chosen: [],
    best: null,
    width: Infinity,
    left: 2_000,
  };
  walk(search, 0);
  return search.best;
}

/** The state of `fill`'s search: module functions, not a closure made per window. */
interface Search {
  options: Filler[][];
  written: boolean;
  chosen: Filler[];
  best: Filler[] | null;
  width: number;
  /** Steps left: the search gives up after 2,000. */
  left: number;
}

/** Every choice of one filler per slot from slot k on, keeping the narrowest. */
function walk(s: Search, k: number): void {
  if (s.left-- <= 0) return;
  const { chosen, options } = s;
  if (k === options.length) {
    let hi = Number.NEGATIVE_INFINITY;
    let lo = Number.POSITIVE_INFINITY;
    for (const f of chosen) {
      if (f.nspan[1] > hi) hi = f.nspan[1];
      if (f.nspan[0] < lo) lo = f.nspan[0];
    }
    const w = hi - lo;
    if (w < s.width) {
      s.best = [...chosen];
      s.width = w;
    }
    return;
  }
  const fs = options[k]!;
  for (let i = 0; i < fs.length; i++) {
    const f = fs[i]!;
    // Each slot is its own words: "DM me" is an invitation, not also the channel "DM".
    if (overlapsChosen(chosen, f)) continue;
    if (s.written && k > 0 && f.nspan[0] < chosen[k - 1]!.nspan[1]) continue;
    chosen.push(f);
    walk(s, k + 1);
    chosen.pop();
  }
}

function overlapsChosen(chosen: readonly Filler[], f: Filler): boolean {
  for (let i = 0; i < chosen.length; i++) {
    const c = chosen[i]!;
    if (c.nspan[0] < f.nspan[1] && f.nspan[0] < c.nspan[1]) return true;
  }
  return false;
}

/**
 * Whether every slot has a filler somewhere in the line: a window's fillers are a subset of the
 * line's (memoised per slot), so a frame with an empty slot needs no window read (speed only).
 */
export function mayFill(a: LineAnalysis, frame: CompiledFrame): boolean {
  const { slots } = frame;
  const ids = slotIdsOf(slots);
  const line = lineSlots(a);
  const { filled } = line;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    let state = filled[id]!;
    if (state === 0) {
      const all = line.fillers[id];
      state = (all ? all.length > 0 : hasFiller(a, slots[k]!)) ? 1 : 2;
      // `hasFiller` may have grown the table (a digits slot collects): write to the current one.
      line.filled[id] = state;
    }
    if (state === 2) return false;
  }
  return true;
}

/**
 * Whether `collect` would find a filler of the slot in the line, without building one: most frames
 * a line is read by fail on some slot, so the fillers of their other slots need not be made (a
 * class's or a mark's list in the line index is never empty; digits are rare and collected).
 */
function hasFiller(a: LineAnalysis, slot: readonly SlotAlternative[]): boolean {
  const { clauses, masks } = a;
  const { byClass, byMark } = indexOf(a);
  for (let k = 0; k < slot.length; k++) {
    const alt = slot[k]!;
    if (alt.kind === 'class') {
      if (byClass.has(alt.name)) return true;
      for (let i = 0; i < masks.length; i++) {
        const m = masks[i]!;
        if (m.class === alt.name && within(clauses, m.nspan)) return true;
      }
    } else if (alt.kind === 'mark') {
      if (byMark.has(alt.name)) return true;
    } else if (alt.kind === 'mask') {
      for (let i = 0; i < masks.length; i++) {
        const m = masks[i]!;
        if (m.kind === alt.name && within(clauses, m.nspan)) return true;
      }
    } else return fillersOf(a, clauses, slot).length > 0;
  }
  return false;
}

/** Hits of a frame in the line: one per window, vetoed or not, each with its exact span. */
export function matchFrame(a: LineAnalysis, frame: CompiledFrame, previous: LineAnalysis | null): FrameHit[] {
  if (!mayFill(a, frame)) return [];
  // One hit per span. A window that fills the frame without a veto wins over a wider one whose extra
  // clause vetoes it (店铺首页点客服就能找到我们，或者加我QQ…: the second clause alone is an invitation).
  const bySpan = new Map<string, FrameHit>();
  for (let i = 0; i < a.clauses.length; i++) {
    const window = a.clauses.slice(i, i + frame.reach);
    const fillers = fill(a, window, frame);
    if (!fillers) continue;
    const span: Span = [Math.min(...fillers.map((f) => f.span[0])), Math.max(...fillers.map((f) => f.span[1]))];
    const key = `${span[0]}-${span[1]}`;
    const before = bySpan.get(key);
    if (before && !before.veto) continue;
    const veto = vetoOf(a, window, fillers, frame, previous);
    if (veto?.reason === 'negation' && readsNegation(frame)) {
      // The narrowest filling is negated, but another may not be: a slot's alternatives are all its
      // fillers, so a negated question (不能在平台付吗) still fills mark:question|mark:negation by its
      // negation, whichever alternative is written first (decision 0910). Only such frames: elsewhere
      // a negation's scope, not a filling outside it, says what the line does (找我，不要加私人微信).
      const free = fillOutsideNegation(a, window, frame);
      const freeVeto = free && vetoOf(a, window, free, frame, previous);
      if (free && !freeVeto) {
        const s: Span = [Math.min(...free.map((f) => f.span[0])), Math.max(...free.map((f) => f.span[1]))];
        bySpan.set(`${s[0]}-${s[1]}`, { fillers: free, span: s });
        continue;
      }
    }
    if (before && veto) continue;
    bySpan.set(key, { fillers, span, ...(veto && { veto }) });
  }
  return [...bySpan.values()];
}

const negationReaders = new WeakMap<CompiledFrame, boolean>();
/** Whether a slot of the frame takes a negation as one of its alternatives (mark:question|mark:negation). */
function readsNegation(frame: CompiledFrame): boolean {
  let reads = negationReaders.get(frame);
  if (reads === undefined) {
    reads = frame.slots.some(
      (slot) => slot.length > 1 && slot.some((alt) => alt.kind === 'mark' && alt.name === 'negation'),
    );
    negationReaders.set(frame, reads);
  }
  return reads;
}

/** The tightest filling of the window from fillers no negation in it scopes (a negation's own words are free). */
function fillOutsideNegation(a: LineAnalysis, window: readonly Clause[], frame: CompiledFrame): Filler[] | null {
  const scopes: { mark: Span; scope: Span }[] = [];
  for (const c of window)
    for (const m of c.marks) if (m.kind === 'negation' && m.scope) scopes.push({ mark: m.nspan, scope: m.scope.nspan });
  const free = (f: Filler) =>
    scopes.every(({ mark, scope }) => inside(mark, f.nspan) || !(f.nspan[0] < scope[1] && f.nspan[1] > scope[0]));
  return fill(a, window, frame, free);
}

function vetoOf(
  a: LineAnalysis,
  window: readonly Clause[],
  fillers: readonly Filler[],
  frame: CompiledFrame,
  previous: LineAnalysis | null,
): FrameHit['veto'] | undefined {
  if (frame.negation === 'veto') {
    for (const c of window)
      for (const m of c.marks) {
        if (m.kind !== 'negation' || !m.scope) continue;
        // A negation inside a filler is part of its words (永不生锈, "never rust"), not a negation of it.
        if (fillers.some((f) => inside(m.nspan, f.nspan))) continue;
        const [s, e] = m.scope.nspan;
        if (fillers.some((f) => f.nspan[0] < e && f.nspan[1] > s))
          return { reason: 'negation', cue: a.text.slice(...m.span) };
      }
  }
  // A word inside the frame's own words is part of them: 链接里拍不了 (can't buy through the link)
  // names no checkout, as 永不生锈 negates nothing. Marks describe the whole clause, so they still veto.
  const own = (f: Filler) => !f.cue.startsWith('mark:') && fillers.some((x) => inside(f.nspan, x.nspan));
  // The listener only as owner (你的包裹, "your website is a piece of garbage") is not whom the
  // words are about; named as well ("you're as dumb as your chatbot"), they are.
  const targets = frame.target ? fillersOf(a, window, frame.target).filter((t) => !t.cue.includes(POSSESSIVE)) : [];
  // The words are the fillers other than the target itself, where a slot names the target (你…有病):
  // whoever is named before or after is placed against the words, not against the address.
  const isTarget = (f: Filler) => targets.some((t) => t.nspan[0] === f.nspan[0] && t.nspan[1] === f.nspan[1]);
  const words = fillers.some((f) => !isTarget(f)) ? fillers.filter((f) => !isTarget(f)) : fillers;
  const start = Math.min(...words.map((f) => f.nspan[0]));
  const theirs = frame.target && targets.length === 0 ? fillers.find((f) => f.cue.includes(POSSESSIVE)) : undefined;
  if (theirs) return { reason: 'unless', cue: theirs.text };
  // Someone else named before the words, with the target named after them and before the words, is
  // not whom the words are about (我看你就是个傻逼, "honestly I think you are a clown").
  // Reported words stay reported whoever they name.
  const passedOver = (f: Filler) =>
    !f.cue.startsWith('mark:reported:') &&
    f.nspan[1] <= start &&
    targets.some((t) => t.nspan[0] >= f.nspan[1] && t.nspan[1] <= start);
  // The speaker named words after the insult is whom it is said to, not whom it is about
  // (傻X 自己摔坏的还来找我, "sb 别来烦我"); right after it ("stupid me", 笨死了我) it is about them —
  // unless the target was named before the insult ("you idiot I told you", 你真笨我说了三遍): addressed
  // first, the speaker after is the one talking (decision 0865).
  const end = Math.max(...words.map((f) => f.nspan[1]));
  const addressedFirst = targets.some((t) => t.nspan[1] <= start);
  const toldTo = (f: Filler) =>
    frame.target !== undefined &&
    f.cue.startsWith('mark:self:') &&
    f.nspan[0] >= end &&
    (addressedFirst ||
      a.tokens.filter((t) => t.kind === 'word' && t.nspan[0] >= end && t.nspan[1] <= f.nspan[0]).length >= SELF_GAP);
  for (const slot of frame.unless) {
    const f = fillersOf(a, window, slot).find((x) => !own(x) && !passedOver(x) && !toldTo(x));
    if (f) return { reason: 'unless', cue: f.text };
    const report = slot.some((x) => x.kind === 'mark' && x.name === 'reported') && reportOpening(a, window, previous);
    if (report) return { reason: 'unless', cue: report };
  }
  for (const slot of frame.unlessLine) {
    const f =
      fillersOf(a, a.clauses, slot).find((x) => !own(x)) ??
      (previous ? fillersOf(previous, previous.clauses, slot)[0] : undefined);
    if (f) return { reason: 'warning', cue: f.text };
  }
  return undefined;
}

/** How many clauses after a reporting clause are the reported words (店员跟我说 / 爱要不要 / 不要滚). */
const REPORTED_REACH = 2;

/**
 * Whose words: a clause that ends at its reporting cue (你们店员跟我说, "the rep told me") opens
 * the reported words, which run on through the next clauses of its sentence — or, said in a new
 * line by the same speaker, through the first clauses of that line. A cue inside a clause with
 * words of the speaker's own after it (听说您没收到货) reports that clause only, as the layer marks.
 */
function reportOpening(a: LineAnalysis, window: readonly Clause[], previous: LineAnalysis | null): string | undefined {
  const first = window[0]!.index;
  for (let i = first - 1; i >= Math.max(0, first - REPORTED_REACH); i--) {
    if (a.clauses[i + 1]!.sentenceStart) return undefined;
    const cue = opener(a, a.clauses[i]!, true);
    if (cue) return a.text.slice(...cue.span);
  }
  const last = previous?.clauses.at(-1);
  const cue = first < REPORTED_REACH && previous && last ? opener(previous, last) : undefined;
  return cue && previous!.text.slice(...cue.span);
}

// Within the line, a cue followed in its clause by no mark of the speaker's own (差评写的是垃圾店铺 /
// 骗子) opens the quoted words too; a new line is opened only by a cue that ends its clause.
const opener = (a: LineAnalysis, c: Clause, sameLine = false): Mark | undefined =>
  c.marks.find(
    (m) =>
      m.kind === 'reported' &&
      (m.nspan[1] >= clauseEnd(a.norm, c.nspan) ||
        (sameLine && !c.marks.some((o) => o !== m && o.nspan[0] >= m.nspan[1]))),
  );

/**
 * Whether the slots are filled, not negated, within `reach` clauses of the line (a frame's `earlier`
 * lines), with no `unlessLine` cue in the line and no `unless` cue in their clauses.
 */
export function filledIn(
  a: LineAnalysis,
  slots: SlotAlternative[][],
  reach = 1,
  unlessLine: SlotAlternative[][] = [],
  unless: SlotAlternative[][] = [],
): boolean {
  const probe: CompiledFrame = { slots, order: 'any', reach, unless, unlessLine, negation: 'veto' };
  return matchFrame(a, probe, null).some((h) => !h.veto);
}
