/**
 * What the trainer and the leave-one-set-out scorer share: the spec, features of every line, the
 * per-category training, held-out scores and the threshold choice (on held-out scores only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRules } from '../../pipelines/compliance/load-rules.js';
import { blocked, type Gate, hasDatum } from '../../pipelines/learn/gate.js';
import { type Feature, lineFeatures } from '../../pipelines/learn/features.js';
import { evidenceSpan, probability } from '../../pipelines/learn/model.js';
import type { Span } from '../../pipelines/language/index.js';
import { type Call, repo } from './dataset.js';
import { type SgdSettings, trainLogistic } from './sgd.js';

export interface Spec {
  id: string;
  version: number;
  date: string;
  bits: number;
  categories: string[];
  sgd: SgdSettings;
  prune: number;
  gate: Gate;
}

export const readSpec = (): Spec => JSON.parse(readFileSync(join(repo, 'eval', 'learn', 'spec.json'), 'utf8')) as Spec;

/** Features of every line of every call, computed once. */
export type Featured = Call & { features: Feature[][] };
export const withFeatures = (calls: readonly Call[], bits: number): Featured[] =>
  calls.map((c) => ({ ...c, features: c.lines.map((_, i) => lineFeatures(c.lines, i, bits)) }));

export function train(calls: readonly Featured[], category: string, spec: Spec): Float64Array {
  const examples = calls.flatMap((c) =>
    c.features.map((f, i) => ({ x: f.map((x) => x.index), y: (c.labels[i]!.has(category) ? 1 : 0) as 0 | 1 })),
  );
  return trainLogistic(examples, spec.bits, spec.sgd);
}

/** Weights below `prune` in magnitude are dropped (as in the shipped file), the rest rounded. */
export function pruned(w: Float64Array, prune: number): Float64Array {
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) if (Math.abs(w[i]!) >= prune) out[i] = round(w[i]!);
  return out;
}
export const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** One scored line: its probability for a category and where the evidence would be. */
export interface Scored {
  call: Featured;
  line: number;
  category: string;
  p: number;
  span: Span | null;
}

export function scoreCalls(w: Float64Array, calls: readonly Featured[], category: string): Scored[] {
  return calls.flatMap((call) =>
    call.features.map((f, line) => ({ call, line, category, p: probability(w, f), span: evidenceSpan(w, f) })),
  );
}

export type GateMode = 'none' | 'datum' | 'datum+block';
export const GATE_MODES: GateMode[] = ['none', 'datum', 'datum+block'];

/** Who each category's rules apply to: the layer flags no one else (PCP rules: the merchant only). */
const speakers = new Map<string, Set<string>>();
for (const r of loadRules().rules) {
  const set = speakers.get(r.category) ?? speakers.set(r.category, new Set()).get(r.category)!;
  for (const sp of r.speakers) set.add(sp);
}

export function passes(s: Scored, gate: Gate, mode: GateMode): boolean {
  if (s.span === null || !speakers.get(s.category)?.has(s.call.lines[s.line]!.speaker)) return false;
  if (mode === 'none') return true;
  const text = s.call.lines[s.line]!.text;
  if (!hasDatum(text, gate)) return false;
  return mode === 'datum' || !blocked(text, s.span, gate);
}

/** Engine flags per call as "category@line" keys. */
export type EngineFlags = Map<string, Set<string>>;
export const callKey = (c: Call) => `${c.set}/${c.name}`;

/**
 * Flags the layer adds at threshold `t`: passing the gate, on a line where the engine neither
 * flagged the category nor had a rule veto it (a negated, warned-of or quoted request stays vetoed).
 */
export function additions(scored: readonly Scored[], engine: EngineFlags, t: number, gate: Gate, mode: GateMode) {
  return scored.filter((s) => {
    const e = engine.get(callKey(s.call))!;
    const key = `${s.category}@${s.line}`;
    return s.p >= t && !e.has(key) && !e.has(`veto:${key}`) && passes(s, gate, mode);
  });
}

export interface Figures {
  tp: number;
  fp: number;
  fn: number;
  pcpTp: number;
  pcpN: number;
  callsWithFalseFlag: number;
  calls: number;
}

/** The real scorer's flag figures: matched on category + line, per call. */
export function figures(calls: readonly Call[], engine: EngineFlags, added: readonly Scored[] = []): Figures {
  const pcp = new Set(['contact_exchange', 'privacy_request', 'off_platform_payment']);
  const f: Figures = { tp: 0, fp: 0, fn: 0, pcpTp: 0, pcpN: 0, callsWithFalseFlag: 0, calls: calls.length };
  for (const c of calls) {
    const got = new Set([...engine.get(callKey(c))!].filter((k) => !k.startsWith('veto:')));
    for (const a of added) if (a.call.set === c.set && a.call.name === c.name) got.add(`${a.category}@${a.line}`);
    const want = new Set(c.labels.flatMap((ls, i) => [...ls].map((l) => `${l}@${i}`)));
    let falseFlag = false;
    for (const k of got)
      if (want.has(k)) f.tp++;
      else {
        f.fp++;
        falseFlag = true;
      }
    for (const k of want) {
      const cat = k.split('@')[0]!;
      if (pcp.has(cat)) f.pcpN++;
      if (got.has(k)) {
        if (pcp.has(cat)) f.pcpTp++;
      } else f.fn++;
    }
    if (falseFlag) f.callsWithFalseFlag++;
  }
  return f;
}

/**
 * The threshold from held-out scores only: the one that maximises flags gained minus COST × false
 * flags added (a false flag costs a merchant money; COST = 4 asks ≥ 80 % precision at the margin);
 * ties go to the higher threshold.
 */
export const COST = Number(process.env.LEARN_COST ?? 4);
export const GRID = Array.from({ length: 15 }, (_, i) => round(0.3 + i * 0.05));
export function chooseThreshold(scored: readonly Scored[], engine: EngineFlags, gate: Gate, mode: GateMode): number {
  let best = { t: 0.99, gain: 0 };
  for (const t of [...GRID].reverse()) {
    const added = additions(scored, engine, t, gate, mode);
    let gain = 0;
    for (const a of added) gain += a.call.labels[a.line]!.has(a.category) ? 1 : -COST;
    if (gain > best.gain) best = { t, gain };
  }
  return best.t;
}
