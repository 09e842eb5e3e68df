/**
 * Layer 1: rules propose candidates with exact spans. A match vetoed by context, or said by a
 * speaker the rule does not apply to, is kept as a rejected candidate so moderators can audit why
 * nothing was flagged.
 */
import type { LayerVerdict } from '../../core/analysis.js';
import type { SpeakerRole, TranscriptLine } from '../../core/domain.js';
import { CallState } from './call-state.js';
import { findVeto, firstMatch } from './context.js';
import { frameCandidates } from './frame-layer.js';
import type { CompiledRule } from './load-rules.js';
import {
  buildView,
  gateForm,
  LiteralGate,
  languagesIn,
  requiredLiterals,
  type TextView,
  toOriginalSpan,
  type ViewMode,
  regexMatches,
} from '../language/index.js';

export interface Candidate {
  rule: CompiledRule;
  utterance: number;
  speaker: SpeakerRole;
  span: [number, number];
  evidence: string;
  confidence: number;
  verdicts: LayerVerdict[];
  rejected: boolean;
  /** A regex pattern or a frame over the language layer proposed it. */
  via: 'pattern' | 'frame';
}

export function proposeCandidates(
  rules: readonly CompiledRule[],
  lines: readonly TranscriptLine[],
  index: number,
  /** The call's state entered up to `index` (CallState.of), when the caller has it already. */
  state: CallState = CallState.of(rules, lines, index),
): Candidate[] {
  const line = lines[index]!;
  const views = new Map<ViewMode, TextView>();
  const viewOf = (mode: ViewMode) => views.get(mode) ?? views.set(mode, buildView(line.text, mode)).get(mode)!;
  const languages = languagesIn(line.text);
  const { gate, first } = gateOf(rules);
  const may = new Map<ViewMode, Uint8Array>();
  const mayOf = (mode: ViewMode) =>
    may.get(mode) ?? may.set(mode, gate.candidates(gateForm(viewOf(mode).text))).get(mode)!;
  const out: Candidate[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (!languages.has(rule.language) || !previousSatisfied(rule, lines, index)) continue;
    if (rule.frames.length > 0) out.push(...frameCandidates(rule, lines, index, state));
    const view = viewOf(rule.view);
    const ranges = rule.patterns.length === 0 ? NO_RANGES : matchRanges(rule, view.text, mayOf(rule.view), first[i]!);
    if (ranges.length === 0) continue;
    for (const [s, e, pattern] of ranges) {
      const span = toOriginalSpan(line.text, view, s, e);
      if (span[0] === span[1]) continue;
      const split = rule.token ? splitWords(line.text.slice(span[0], span[1])) : null;
      const veto = !rule.speakers.includes(line.speaker)
        ? { reason: 'speaker', cue: line.speaker }
        : split
          ? { reason: 'token', cue: split }
          : findVeto(rule, view, s, e, lines, index);
      out.push({
        rule,
        utterance: index,
        speaker: line.speaker,
        span,
        evidence: line.text.slice(span[0], span[1]),
        confidence: rule.confidence,
        rejected: veto !== null,
        via: 'pattern',
        verdicts: [
          {
            layer: 'rule',
            verdict: veto ? 'rejected' : 'candidate',
            confidence: rule.confidence,
            detail: { pattern, ...(veto && { veto: veto.reason, cue: veto.cue }) },
          },
        ],
      });
    }
  }
  return out;
}

/**
 * One literal gate over every pattern of a rule set, built once: a pattern is run only on a line
 * holding one of the literals its every match holds (see required-literals.ts). `first[i]` is the
 * gate index of rule i's first pattern.
 */
const gates = new WeakMap<readonly CompiledRule[], { gate: LiteralGate; first: number[] }>();
function gateOf(rules: readonly CompiledRule[]): { gate: LiteralGate; first: number[] } {
  let built = gates.get(rules);
  if (!built) {
    const first: number[] = [];
    const literals: (string[] | null)[] = [];
    for (const r of rules) {
      first.push(literals.length);
      literals.push(...r.patterns.map(requiredLiterals));
    }
    built = { gate: new LiteralGate(literals), first };
    gates.set(rules, built);
  }
  return built;
}

/** The first Latin word of 2+ letters that a space separates from the rest of the match, if any. */
function splitWords(evidence: string): string | null {
  const m = /(?<![\p{L}\p{N}])\p{Script=Latin}{2,}(?=\s)|(?<=\s)\p{Script=Latin}{2,}(?![\p{L}\p{N}])/u.exec(evidence);
  return m ? m[0] : null;
}

/** Matches of all the rule's patterns; overlapping ones merge ("加我微信" + "微信 abc8899"). */
const NO_RANGES: readonly [number, number, number][] = [];

/**
 * The merged ranges the rule's patterns match in `text`; pattern p runs only when the view's gate
 * marks it (`may[first + p] === 1`). Indexed, with no closure per rule and line.
 */
function matchRanges(
  rule: CompiledRule,
  text: string,
  may: Uint8Array,
  first: number,
): readonly [number, number, number][] {
  const all: [number, number, number][] = [];
  const { patterns } = rule;
  for (let p = 0; p < patterns.length; p++) {
    if (may[first + p] !== 1) continue;
    for (const m of regexMatches(patterns[p]!, text))
      if (m[0].length > 0) all.push([m.index, m.index + m[0].length, p]);
  }
  if (all.length === 0) return NO_RANGES;
  all.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number, number][] = [];
  for (const r of all) {
    const last = merged.at(-1);
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

function previousSatisfied(rule: CompiledRule, lines: readonly TranscriptLine[], index: number): boolean {
  const need = rule.previous;
  if (!need) return true;
  const speaker = lines[index]!.speaker;
  for (let i = index - 1; i >= Math.max(0, index - need.lines); i--) {
    const line = lines[i]!;
    const same = line.speaker === speaker;
    if ((need.speaker === 'same' && !same) || (need.speaker === 'other' && same)) continue;
    const text = buildView(line.text, rule.view).text;
    if (need.patterns.some((re) => firstMatch(re, text))) return true;
  }
  return false;
}
