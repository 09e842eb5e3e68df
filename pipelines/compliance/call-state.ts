/**
 * The call's carried state for intent spread over lines (decision 0430). Each line, once, as it
 * enters, records the acts it opens — a datum named or asked for, a channel or route offered, a
 * question about one — with who said it and where. A later line's frame asks for the nearest open
 * act instead of re-reading the lines before it. The acts are the rule set's `earlier` slots; the
 * state after line i depends on lines 0..i only, so batch and live analysis read the same state.
 */
import type { SpeakerRole, TranscriptLine } from '../../core/domain.js';
import { analyzeLine, type LineAnalysis, type Span } from '../language/index.js';
import { type CompiledFrame, type FrameHit, matchFrame } from './frames.js';
import type { CompiledRule } from './load-rules.js';

/** What an earlier line must fill to open an act: a frame's `earlier` slots with its line vetoes. */
export interface ActSpec {
  slots: CompiledFrame['slots'];
  reach: number;
  unlessLine: CompiledFrame['slots'];
  /** The frame's `unless` slots naming reported speech: a datum in someone's reported words opens nothing. */
  unless: CompiledFrame['slots'];
  /** Read with negations ignored (a right quoted with a negation inside it, decision 0745); default veto. */
  negation?: 'ignore';
}

/** An act a line opened: where its words are, for the flag's evidence. */
export interface OpenAct {
  line: number;
  speaker: SpeakerRole;
  span: Span;
  evidence: string;
}

/** The act a frame's `earlier` reads (one per distinct spec, shared by every frame naming it). */
export function actOf(frame: CompiledFrame): ActSpec | null {
  if (!frame.earlier) return null;
  const cached = byFrame.get(frame);
  if (cached) return cached;
  const reported = frame.unless.filter((slot) => slot.some((x) => x.kind === 'mark' && x.name === 'reported'));
  const act = shared({
    slots: frame.earlier.slots,
    reach: frame.earlier.reach,
    unlessLine: [...frame.unlessLine, ...(frame.earlier.unlessLine ?? [])],
    unless: reported,
  });
  byFrame.set(frame, act);
  return act;
}

/** The later act that takes a frame's follow-up instead of its `earlier` one, if the frame names one. */
export function laterActOf(frame: CompiledFrame): ActSpec | null {
  const slots = frame.earlier?.unlessAfter;
  if (!slots) return null;
  const cached = laterByFrame.get(frame);
  if (cached) return cached;
  const act = shared({ slots, reach: 1, unlessLine: [], unless: [] });
  laterByFrame.set(frame, act);
  return act;
}

/** The reason a frame's `unlessSaid` reads on earlier lines, and the act (a fault named) that voids it (0745). */
export function saidActsOf(frame: CompiledFrame): SaidActs | null {
  const said = frame.unlessSaid;
  if (!said) return null;
  const cached = saidByFrame.get(frame);
  if (cached) return cached;
  const acts = {
    reason: shared({ slots: said.slots, reach: said.reach, unlessLine: [], unless: [] }),
    after: (said.unlessAfter ?? []).map(({ slots, negation }) =>
      shared({ slots, reach: said.reach, unlessLine: [], unless: [], ...(negation === 'ignore' && { negation }) }),
    ),
  };
  saidByFrame.set(frame, acts);
  return acts;
}
interface SaidActs {
  reason: ActSpec;
  after: ActSpec[];
}
const saidByFrame = new WeakMap<CompiledFrame, SaidActs>();

/** An act the other party opens that a frame answers: its `reply` or an `unlessAnswering` entry's slots. */
export function askedActOf(slots: CompiledFrame['slots'], reach: number): ActSpec {
  return shared({ slots, reach, unlessLine: [], unless: [] });
}

/** One spec object per distinct act, so every frame naming it shares one entry per line. */
function shared(spec: ActSpec): ActSpec {
  const key = JSON.stringify(spec);
  return specs.get(key) ?? specs.set(key, spec).get(key)!;
}
const specs = new Map<string, ActSpec>();
const byFrame = new WeakMap<CompiledFrame, ActSpec>();
const laterByFrame = new WeakMap<CompiledFrame, ActSpec>();

/** Every act the rules' frames read, in a stable order. */
function catalogue(rules: readonly CompiledRule[]): ActSpec[] {
  let acts = catalogues.get(rules);
  if (!acts) {
    const all = rules.flatMap((r) =>
      r.frames.flatMap((f) => [
        actOf(f),
        laterActOf(f),
        f.reply ? askedActOf(f.reply.slots, f.reply.reach) : null,
        ...(f.unlessAnswering ?? []).map((u) => askedActOf(u.slots, u.reach)),
        saidActsOf(f)?.reason ?? null,
        ...(saidActsOf(f)?.after ?? []),
      ]),
    );
    acts = [...new Set(all.filter((a): a is ActSpec => a !== null))];
    catalogues.set(rules, acts);
  }
  return acts;
}
const catalogues = new WeakMap<readonly CompiledRule[], ActSpec[]>();

/** Where a line fills the act, not negated and not vetoed, or null. */
function opened(lines: readonly TranscriptLine[], i: number, act: ActSpec): OpenAct | null {
  const line = lines[i]!;
  const hit = actHit(analyzeLine(line.text), act);
  if (!hit) return null;
  return { line: i, speaker: line.speaker, span: hit.span, evidence: line.text.slice(...hit.span) };
}

/** The first hit of an act in a line, not negated and not vetoed, or undefined. */
export function actHit(a: LineAnalysis, act: ActSpec): FrameHit | undefined {
  return matchFrame(a, probeOf(act), null).find((h) => !h.veto);
}

/** The request half a frame's `earlier.flagRequest` reads (decision 0715), one per frame. */
export function requestActOf(frame: CompiledFrame): ActSpec | null {
  const ask = frame.earlier?.flagRequest;
  if (!ask) return null;
  const cached = requestByFrame.get(frame);
  if (cached) return cached;
  const act = askedActOf(ask.slots, ask.reach);
  requestByFrame.set(frame, act);
  return act;
}
const requestByFrame = new WeakMap<CompiledFrame, ActSpec>();

/** The frame an act is read with, one per act (built once, not per line). */
function probeOf(act: ActSpec): CompiledFrame {
  let probe = probes.get(act);
  if (!probe) probes.set(act, (probe = { ...act, order: 'any', negation: act.negation ?? 'veto' }));
  return probe;
}
const probes = new WeakMap<ActSpec, CompiledFrame>();

export class CallState {
  /** The lines entered so far (their identity guards against a transcript edited in place). */
  private readonly seen: TranscriptLine[] = [];
  /** Per line, the acts it opened. */
  private readonly open: Map<ActSpec, OpenAct>[] = [];
  /** What each judge (a rule, a detector) recorded of a line when it judged it (decision 0795). */
  private readonly judged = new WeakMap<object, Map<number, { line: TranscriptLine; value: unknown }>>();

  private constructor(private readonly acts: readonly ActSpec[]) {}

  /** The state of this transcript under these rules, entered up to (not including) line `index`. */
  static of(rules: readonly CompiledRule[], lines: readonly TranscriptLine[], index: number): CallState {
    let byRules = states.get(lines);
    if (!byRules) states.set(lines, (byRules = new WeakMap()));
    let state = byRules.get(rules);
    if (!state?.continues(lines)) byRules.set(rules, (state = new CallState(catalogue(rules))));
    state.enter(lines, index);
    return state;
  }

  /** Whether `lines` still holds the lines entered (a live call only appends; an edit starts afresh). */
  private continues(lines: readonly TranscriptLine[]): boolean {
    const { seen } = this;
    if (lines.length < seen.length) return false;
    for (let i = seen.length - 1; i >= 0; i--) if (lines[i] !== seen[i]) return false;
    return true;
  }

  private enter(lines: readonly TranscriptLine[], upTo: number): void {
    for (let i = this.seen.length; i < upTo; i++) {
      const acts = new Map<ActSpec, OpenAct>();
      for (const act of this.acts) {
        const o = opened(lines, i, act);
        if (o) acts.set(act, o);
      }
      this.seen.push(lines[i]!);
      this.open.push(acts);
    }
  }

  /**
   * The nearest line among the `within.lines` before `index` — or within its last `within.turns`
   * turns — that opened the act, said by the same speaker as line `index`, the other party, or anyone.
   */
  nearest(
    act: ActSpec,
    index: number,
    speaker: SpeakerRole,
    within: { lines: number; turns?: number },
    who: 'same' | 'other' | 'any',
  ): OpenAct | null {
    const from = within.turns ? this.turnsBack(index, speaker, within.turns) : index - within.lines;
    for (let i = Math.min(index, this.open.length) - 1; i >= Math.max(0, from); i--) {
      const o = this.open[i]!.get(act);
      if (!o) continue;
      const same = o.speaker === speaker;
      if ((who === 'same' && !same) || (who === 'other' && same)) continue;
      return o;
    }
    return null;
  }

  /**
   * What `judge` recorded of line `i` when it judged it, read back instead of judging the line again
   * (decision 0795); undefined when it has not judged that line (as it stands now) in this call.
   */
  recalled<T>(judge: object, i: number, line: TranscriptLine): T | undefined {
    const kept = this.judged.get(judge)?.get(i);
    return kept?.line === line ? (kept.value as T) : undefined;
  }

  /** Records what `judge` made of line `i`, once, as it judges the line; returns it. */
  record<T>(judge: object, i: number, line: TranscriptLine, value: T): T {
    let byLine = this.judged.get(judge);
    if (!byLine) this.judged.set(judge, (byLine = new Map()));
    byLine.set(i, { line, value });
    return value;
  }

  /** Whether a line after `after` and before `index` opened the act (by anyone but `not`, when given). */
  openedBetween(act: ActSpec, after: number, index: number, not?: SpeakerRole): boolean {
    for (let i = after + 1; i < Math.min(index, this.open.length); i++) {
      const o = this.open[i]!.get(act);
      if (o && o.speaker !== not) return true;
    }
    return false;
  }

  /** The first line of the last `turns` turns before line `index`, whose speaker opens the first. */
  private turnsBack(index: number, speaker: SpeakerRole, turns: number): number {
    let left = turns;
    let who = speaker;
    let i = index - 1;
    for (; i >= Math.max(0, index - MAX_TURN_LINES); i--) {
      const s = this.seen[i]!.speaker;
      if (s !== who && --left === 0) break;
      who = s;
    }
    return i + 1;
  }
}
/** Lines a turn-counted window reads at most: a long monologue does not hold an act open for ever. */
export const MAX_TURN_LINES = 6;

const states = new WeakMap<readonly TranscriptLine[], WeakMap<readonly CompiledRule[], CallState>>();
