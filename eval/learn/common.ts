/**
 * What the trainer and the leave-one-set-out scorer share: the spec, features of every line, the
 * per-category training, held-out scores and the threshold choice (on held-out scores only).
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRules } from '../../pipelines/compliance/load-rules.js';
import {
  blocked,
  blockedBy,
  type Gate,
  gateOf,
  hasDatum,
  opens,
  type RuleReading,
  readByRules,
  strongestPerGate,
  vetoes,
} from '../../pipelines/learn/gate.js';
import { arbitrate } from '../../pipelines/compliance/arbitrate.js';
import type { ComplianceCandidate } from '../../pipelines/compliance/detector.js';
import { type Feature, type FeatureSpec, featureNames, hashFeature } from '../../pipelines/learn/features.js';
import { evidenceSpan, probability } from '../../pipelines/learn/model.js';
import type { Span } from '../../pipelines/language/index.js';
import { type Call, dataHash, loadSet, repo, TRAIN_ONLY_SETS } from './dataset.js';
import { type SgdSettings, trainLogistic } from './sgd.js';
import { isExample, TESTS_SET, testCalls } from './test-lines.js';

export interface Spec {
  id: string;
  version: number;
  date: string;
  bits: number;
  sgd: SgdSettings;
  prune: number;
  /**
   * Groups of categories, each with its gate, one threshold chosen on held-out scores and the
   * feature spec its categories are trained on (the promise veto keeps its own, promise-common.ts).
   */
  gates: Record<string, SpecGate>;
  /** Training-only sets (dataset.ts TRAIN_ONLY_SETS) added to every training run and fold, never scored. */
  trainOnly?: string[];
  /** Weight of a training-only set's line in the compliance model's loss (default 1; decision 0535). */
  trainOnlyWeight?: number;
  /**
   * The hand-written compliance tests' lines (test-lines.ts TESTS_SET) join every training run and
   * fold as one more training-only set, weighted like the others (decision 0640).
   */
  trainOnTests?: boolean;
}
export type SpecGate = Gate & { features: FeatureSpec };

/** The spec (`file`: another one to compare with, e.g. loso.ts --spec). */
export function readSpec(file = join(repo, 'eval', 'learn', 'spec.json')): Spec {
  const spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  for (const s of spec.trainOnly ?? [])
    if (!(TRAIN_ONLY_SETS as readonly string[]).includes(s))
      throw new Error(`${file}: ${s} is not a training-only set`);
  return spec;
}
/** The spec's training-only sets (none when it names none), the tests' lines last when it trains on them. */
export const trainOnlyOf = (spec: Pick<Spec, 'trainOnly' | 'trainOnTests'>): readonly string[] => [
  ...(spec.trainOnly ?? []),
  ...(spec.trainOnTests ? [TESTS_SET] : []),
];
export const specCategories = (spec: Spec): string[] => Object.values(spec.gates).flatMap((g) => g.categories);
/** The spec with only the named gates (`--gates pcp,refund`), for a table of one group. */
export function withGates(spec: Spec, names: readonly string[] | undefined): Spec {
  if (!names) return spec;
  for (const n of names) if (!spec.gates[n]) throw new Error(`no gate ${n} in spec.json`);
  return { ...spec, gates: Object.fromEntries(names.map((n) => [n, spec.gates[n]!])) };
}

/**
 * Features of every line of every call, computed once; `words` per line: the indices of its word
 * features (Chinese character 2-3-grams, English words and bigrams, none standing for a class), the
 * vocabulary the `unseen` judge hides from training (loso.ts).
 */
export type Featured = Call & { features: Feature[][]; words?: Set<number>[] };
// w:same: / w:other: are v2's earlier lines' classes, not words.
const WORD_FEATURE = /^(h:[^⟨]{2,3}$|w:(?!same:|other:)|b:)/u;
export const withFeatures = (calls: readonly Call[], bits: number, features: FeatureSpec): Featured[] =>
  calls.map((c) => {
    const named = c.lines.map((_, i) => {
      const seen = new Map<string, Feature>();
      for (const [name, span] of featureNames(c.lines, i, features))
        if (!seen.has(name)) seen.set(name, { index: hashFeature(name, bits), span });
      return seen;
    });
    return {
      ...c,
      features: named.map((m) => [...m.values()]),
      words: named.map((m) => new Set([...m].filter(([n]) => WORD_FEATURE.test(n)).map(([, f]) => f.index))),
    };
  });

/** The feature spec of the gate covering `category`. */
export const featuresOf = (spec: Spec, category: string): FeatureSpec => gateOf(spec.gates, category)!.features;

/**
 * Each set's calls (`loadSet`), the spec's training-only sets included, and a reader of them
 * featured under each spec a gate reads (computed once).
 */
export function featuredSets(sets: readonly string[], spec: Spec) {
  const calls = new Map([...sets, ...trainOnlyOf(spec)].map((s) => [s, s === TESTS_SET ? testCalls() : loadSet(s)]));
  const featured = new Map<string, Featured[]>();
  for (const f of new Set(Object.values(spec.gates).map((g) => g.features)))
    for (const [s, cs] of calls) featured.set(`${f}>${s}`, withFeatures(cs, spec.bits, f));
  const vocab = new Map<string, Set<number>>();
  return {
    calls,
    featured: (features: FeatureSpec, set: string) => featured.get(`${features}>${set}`)!,
    /** Every word feature said anywhere in `set` under `features`. */
    vocabulary(features: FeatureSpec, set: string): Set<number> {
      const key = `${features}>${set}`;
      if (!vocab.has(key)) vocab.set(key, new Set(featured.get(key)!.flatMap((c) => c.words!.flatMap((w) => [...w]))));
      return vocab.get(key)!;
    },
  };
}

/**
 * Held-out-style scores of `target` for `category` by a model trained on `trainSets` and the spec's
 * training-only sets, under its gate's features; with `unseen`, the training lines lose every word feature `target` says (a new
 * writer whose words are all new: only classes, marks, masks, single characters and context carry).
 */
export function scoreTrained(
  sets: ReturnType<typeof featuredSets>,
  trainSets: readonly string[],
  target: string,
  category: string,
  spec: Spec,
  unseen = false,
): Scored[] {
  const f = featuresOf(spec, category);
  const training = [...trainSets, ...trainOnlyOf(spec)];
  const calls = sets.featured(f, target);
  const key = scoreKey(sets, training, target, category, spec, unseen);
  const hit = readScores(key, calls, category);
  if (hit) return hit;
  const data = training.flatMap((t) => sets.featured(f, t));
  const hide = unseen ? sets.vocabulary(f, target) : undefined;
  const scored = scoreCalls(pruned(train(data, category, spec, hide), spec.prune), calls, category);
  writeScores(key, scored);
  return scored;
}

/**
 * Held-out scores are cached in .scratch/learn-scores/ (decision 0625): a nested leave-one-set-out
 * trains ~200 models per category, and every selection rule the trainer might use is compared on the
 * same scores. The key covers what a score depends on: the feature and training code and lexicons
 * (pipelines/learn, pipelines/language, sgd.ts), the spec's training settings and the category's
 * feature spec, the training sets in order with each one's lines and labels, and the target's.
 * `LEARN_SCORE_CACHE=off` bypasses it; the trainer never reads it (`useScoreCache(false)`: a shipped
 * model comes from fresh training only).
 */
const SCORE_DIR = join(repo, '.scratch', 'learn-scores');
/**
 * Adds every non-test file under `dir` (path and bytes, in sorted order) but `skip` to `h`: a cache key
 * for code and data.
 */
export function hashSources(h: Hash, dir: string, skip: readonly string[] = []): void {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (skip.includes(p)) continue;
    if (statSync(p).isDirectory()) hashSources(h, p, skip);
    else if (!f.endsWith('.test.ts')) h.update(p).update(readFileSync(p));
  }
}
let learnCode: string | undefined;
function learnCodeHash(): string {
  if (learnCode) return learnCode;
  const h = createHash('sha256');
  // The gates (gate.ts) say where a scored line may be flagged, never what it scores, and the shipped
  // model files (data/) are the trainer's output, not its input (decision 0765).
  const learn = join(repo, 'pipelines', 'learn');
  hashSources(h, learn, [join(learn, 'gate.ts'), join(learn, 'data')]);
  hashSources(h, join(repo, 'pipelines', 'language'));
  h.update(readFileSync(join(repo, 'eval', 'learn', 'sgd.ts')));
  // The training steps of this file, by their source (editing the rest of it keeps the cache).
  for (const f of [train, trainOn, pruned, round, scoreCalls, withFeatures]) h.update(f.toString());
  learnCode = h.digest('hex');
  return learnCode;
}
const setHashes = new Map<string, string>();
function scoreKey(
  sets: ReturnType<typeof featuredSets>,
  training: readonly string[],
  target: string,
  category: string,
  spec: Spec,
  unseen: boolean,
): string {
  const of = (s: string) => {
    if (!setHashes.has(s)) setHashes.set(s, dataHash(sets.calls.get(s)!));
    return setHashes.get(s)!;
  };
  const what = {
    code: learnCodeHash(),
    features: featuresOf(spec, category),
    bits: spec.bits,
    sgd: spec.sgd,
    prune: spec.prune,
    trainOnly: trainOnlyOf(spec),
    trainOnlyWeight: spec.trainOnlyWeight ?? 1,
    training: training.map((s) => `${s}:${of(s)}`),
    target: `${target}:${of(target)}`,
    category,
    unseen,
  };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex').slice(0, 24);
}
let cacheWanted = true;
export const useScoreCache = (on: boolean) => {
  cacheWanted = on;
};
const cacheOn = () => cacheWanted && process.env.LEARN_SCORE_CACHE !== 'off';
function readScores(key: string, calls: readonly Featured[], category: string): Scored[] | undefined {
  const file = join(SCORE_DIR, `${key}.json`);
  if (!cacheOn() || !existsSync(file)) return undefined;
  const rows = JSON.parse(readFileSync(file, 'utf8')) as [number, Span | null][][];
  if (rows.length !== calls.length) return undefined;
  return calls.flatMap((call, k) => rows[k]!.map(([p, span], line) => ({ call, line, category, p, span })));
}
function writeScores(key: string, scored: readonly Scored[]): void {
  if (!cacheOn()) return;
  const rows: [number, Span | null][][] = [];
  let last: Featured | undefined;
  for (const s of scored) {
    if (s.call !== last) rows.push([]);
    last = s.call;
    rows[rows.length - 1]!.push([s.p, s.span]);
  }
  mkdirSync(SCORE_DIR, { recursive: true });
  writeFileSync(join(SCORE_DIR, `${key}.json`), JSON.stringify(rows));
}

/** Each set of `names` scored by models trained on the other sets, one per category (leave one set out). */
export function leaveOneSetOut(
  sets: ReturnType<typeof featuredSets>,
  names: readonly string[],
  categories: readonly string[],
  spec: Spec,
): Scored[] {
  return names.flatMap((held) =>
    categories.flatMap((c) =>
      scoreTrained(
        sets,
        names.filter((s) => s !== held),
        held,
        c,
        spec,
      ),
    ),
  );
}

export function train(calls: readonly Featured[], category: string, spec: Spec, hide?: Set<number>): Float64Array {
  const only = new Set(trainOnlyOf(spec));
  const weight = spec.trainOnlyWeight ?? 1;
  return trainOn(
    calls,
    (c, i) => c.labels[i]!.has(category),
    spec,
    hide,
    (c, i) => (!isExample(c, i) ? 0 : only.has(c.set) ? weight : 1),
  );
}

/**
 * One logistic regression over every line of `calls`, positive where `positive` says so, without the
 * word features in `hide`; a line of weight 0 is no example (a test case's context lines).
 */
export function trainOn(
  calls: readonly Featured[],
  positive: (call: Featured, line: number) => boolean,
  spec: Pick<Spec, 'bits' | 'sgd'>,
  hide?: Set<number>,
  weight: (call: Featured, line: number) => number = () => 1,
): Float64Array {
  const kept = (c: Featured, i: number, f: Feature[]) =>
    hide ? f.filter((x) => !(hide.has(x.index) && c.words?.[i]?.has(x.index))) : f;
  const examples = calls.flatMap((c) =>
    c.features.flatMap((f, i) =>
      weight(c, i) > 0
        ? [{ x: kept(c, i, f).map((x) => x.index), y: (positive(c, i) ? 1 : 0) as 0 | 1, weight: weight(c, i) }]
        : [],
    ),
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

export type Gates = Readonly<Record<string, Gate>>;
/** A threshold per category (every category of a gate shares its gate's). */
export type Thresholds = Readonly<Record<string, number>>;

export function passes(s: Scored, gates: Gates, mode: GateMode): boolean {
  const gate = gateOf(gates, s.category);
  if (!gate || s.span === null || !speakers.get(s.category)?.has(s.call.lines[s.line]!.speaker)) return false;
  if (mode === 'none') return true;
  const text = s.call.lines[s.line]!.text;
  if (!opens(text, gate, s.category)) return false;
  return mode === 'datum' || !blocked(text, s.span, gate);
}

/** The first condition that keeps a scored line from being added (or 'engine' / 'added'). */
export function whyNot(s: Scored, engine: EngineFlags, t: Thresholds, gates: Gates): string {
  const e = engine.get(callKey(s.call))!;
  const key = `${s.category}@${s.line}`;
  if (e.has(key)) return 'engine';
  if (e.has(`veto:${key}`)) return 'a rule vetoed it';
  const gate = gateOf(gates, s.category);
  const line = s.call.lines[s.line]!;
  if (!gate || !speakers.get(s.category)?.has(line.speaker)) return `speaker ${line.speaker}`;
  if (s.span === null) return 'no evidence';
  if (!hasDatum(line.text, gate)) return 'no datum class';
  if (!opens(line.text, gate, s.category)) return 'no act';
  const b = blockedBy(line.text, s.span, gate);
  if (b) return b;
  return s.p >= (t[s.category] ?? 1)
    ? 'added'
    : `p < threshold (${s.p >= (t[s.category] ?? 1) - 0.2 ? 'within 0.2' : 'further'})`;
}

/** Engine flags per call as "category@line" keys. */
export type EngineFlags = Map<string, Set<string>>;
export const callKey = (c: Call) => `${c.set}/${c.name}`;

/**
 * Flags the layer adds at thresholds `t`: passing the gate, on a line where the engine neither
 * flagged the category nor had a rule veto it (a negated, warned-of or quoted request stays vetoed);
 * of a gate's categories on one line, the most probable only.
 */
export function additions(scored: readonly Scored[], engine: EngineFlags, t: Thresholds, gates: Gates, mode: GateMode) {
  const passed = scored.filter((s) => {
    const e = engine.get(callKey(s.call))!;
    const key = `${s.category}@${s.line}`;
    return (
      s.p >= (t[s.category] ?? 1) &&
      !e.has(key) &&
      !e.has(`veto:${key}`) &&
      passes(s, gates, mode) &&
      !readByRules(gateOf(gates, s.category)!, engineReads(e, s.line))
    );
  });
  // One flag per gate and line, as the layer proposes them (learned-layer.ts).
  const kept = strongestPerGate(
    passed,
    gates,
    (s) => s.p,
    (s) => `${callKey(s.call)}@${s.line}`,
  );
  return arbitrateAdditions(kept, engine);
}

/** The engine's candidates on `line` of a call: each category, accepted or vetoed by a rule. */
export function engineReads(e: ReadonlySet<string>, line: number): RuleReading[] {
  const out: RuleReading[] = [];
  for (const k of e) {
    const veto = k.startsWith('veto:');
    const [category, at] = (veto ? k.slice(5) : k).split('@');
    if (Number(at) === line) out.push({ category: category!, state: veto ? 'vetoed' : 'accepted' });
  }
  return out;
}

/**
 * The layer's additions through the taxonomy's arbitration, as the detector runs them (decision
 * 0690): each added flag is settled with the engine's flags on its line as the other candidates
 * (their spans are not recorded by the blind engines: each is taken as the whole line). A flag moved
 * to a category the engine already flags on the line is a duplicate and is dropped.
 */
export function arbitrateAdditions(added: readonly Scored[], engine: EngineFlags): Scored[] {
  return added.flatMap((s) => {
    const e = engine.get(callKey(s.call))!;
    const lines = s.call.lines;
    const text = lines[s.line]!.text;
    const candidate = (category: string, span: Span, accepted: boolean): ComplianceCandidate => ({
      category: category as ComplianceCandidate['category'],
      severity: 'high',
      utterance: s.line,
      speaker: lines[s.line]!.speaker,
      evidence: text.slice(span[0], span[1]),
      span,
      rule: 'engine',
      detector: 'engine',
      confidence: 1,
      verdicts: [],
      accepted,
      droppedBy: accepted ? null : 'rule',
    });
    const others = engineReads(e, s.line).map((r) => candidate(r.category, [0, text.length], r.state === 'accepted'));
    const settled = arbitrate([...others, candidate(s.category, s.span!, true)], lines, s.line).at(-1)!;
    if (settled.category === s.category) return [s];
    if (e.has(`${settled.category}@${s.line}`)) return [];
    return [{ ...s, category: settled.category }];
  });
}

export interface Figures {
  tp: number;
  fp: number;
  fn: number;
  /** Per category: flags expected (n), expected and found (tp), found but not expected (fp). */
  byCategory: Record<string, { tp: number; n: number; fp: number }>;
  callsWithFalseFlag: number;
  /** Per call, the categories it has a false flag of. */
  falseIn: Set<string>[];
  calls: number;
}

/** The real scorer's flag figures: matched on category + line, per call. */
export function figures(calls: readonly Call[], engine: EngineFlags, added: readonly Scored[] = []): Figures {
  const f: Figures = { tp: 0, fp: 0, fn: 0, byCategory: {}, callsWithFalseFlag: 0, falseIn: [], calls: calls.length };
  const of = (k: string) => (f.byCategory[k.split('@')[0]!] ??= { tp: 0, n: 0, fp: 0 });
  for (const c of calls) {
    const got = new Set([...engine.get(callKey(c))!].filter((k) => !k.startsWith('veto:')));
    for (const a of added) if (a.call.set === c.set && a.call.name === c.name) got.add(`${a.category}@${a.line}`);
    const want = new Set(c.labels.flatMap((ls, i) => [...ls].map((l) => `${l}@${i}`)));
    const falseIn = new Set<string>();
    for (const k of got)
      if (want.has(k)) f.tp++;
      else {
        f.fp++;
        of(k).fp++;
        falseIn.add(k.split('@')[0]!);
      }
    for (const k of want) {
      const cat = of(k);
      cat.n++;
      if (got.has(k)) cat.tp++;
      else f.fn++;
    }
    f.falseIn.push(falseIn);
    if (falseIn.size) f.callsWithFalseFlag++;
  }
  return f;
}

/** Precision over some categories (flags right / flags raised) and the calls with a false flag of one of them. */
export function precisionOf(f: Figures, categories: readonly string[]) {
  const { tp, fp } = categories.reduce(
    (a, c) => ({ tp: a.tp + (f.byCategory[c]?.tp ?? 0), fp: a.fp + (f.byCategory[c]?.fp ?? 0) }),
    { tp: 0, fp: 0 },
  );
  return { tp, fp, calls: f.falseIn.filter((s) => categories.some((c) => s.has(c))).length };
}

/** Found / expected over some categories. */
export function recallOf(f: Figures, categories: readonly string[]): { tp: number; n: number } {
  return categories.reduce((a, c) => ({ tp: a.tp + (f.byCategory[c]?.tp ?? 0), n: a.n + (f.byCategory[c]?.n ?? 0) }), {
    tp: 0,
    n: 0,
  });
}

/**
 * The threshold from held-out scores only: per gate, the gain at each threshold of the grid is flags
 * gained minus COST × false flags added (a false flag costs a merchant money; COST = 4 asks ≥ 80 %
 * precision at the margin), and a rule (`ChoiceRule`, decision 0625) picks one threshold off that
 * curve; with no positive gain the gate gets 0.99 (nothing added). One threshold per gate, chosen on
 * its categories' scores (one per category was tried and found fewer held out, decision 0370).
 */
export const COST = Number(process.env.LEARN_COST ?? 4);
export const GRID = Array.from({ length: 15 }, (_, i) => round(0.3 + i * 0.05));
/** The detector drops any candidate under its minConfidence (0.5), so no lower threshold is chosen. */
export const CHOICES = GRID.filter((t) => t >= 0.5);
/**
 * How a threshold is read off a gain curve (decision 0625). max: the best gain, ties to the
 * precision side (0500-0575). smooth: the best mean gain of a step and its neighbours (one flag
 * more or less at one step does not move the choice). plateau: of the steps within one false flag's
 * worth (SLACK) of the best gain, the one with the fewest false flags added (a veto: true flags lost),
 * then the best gain, then the precision side — a gain smaller than one false flag is not chased at
 * the price of a false flag, and right flags are not given up for nothing. median: each scored set's own max, the median
 * of those (a set with no gain counts as "off"; an even count takes the precision side).
 * calls (decision 0690): plateau on a curve that also charges COST for each call the additions give
 * its first false flag (a false flag in a clean call costs twice: the flag and the call). worst
 * (decision 0690): each scored set's own plateau choice, the one furthest to the precision side (a
 * set with no gain abstains): no fold's own curve would have wanted a more eager step.
 */
export const CHOICE_RULES = ['max', 'smooth', 'plateau', 'median', 'calls', 'worst'] as const;
export type ChoiceRule = (typeof CHOICE_RULES)[number];
/**
 * The rule the trainer and the leave-one-set-out scorer use: plateau (decision 0625; held out over
 * C-O it adds 79 right / 4 wrong PCP flags where max adds 83 / 6, and its fold thresholds take two
 * values where max's take three).
 */
export const CHOICE_RULE: ChoiceRule = 'plateau';
/**
 * plateau: how far under the best gain a step may be, one false flag's worth on the curve: COST on
 * a threshold's curve (a false flag added), 1 on a veto's (a false flag removed).
 */
export const SLACK = COST;
export const VETO_SLACK = 1;

/**
 * One step of a gain curve: its gain, and its cost — the false flags a threshold adds, the true flags a
 * veto loses.
 */
export interface Point {
  gain: number;
  cost: number;
}
/**
 * The index a rule picks from `points` (one per step of an ascending grid), or -1 for none; `precise`
 * says which end of the grid is the precision side.
 */
export function pickOnCurve(
  points: readonly Point[],
  rule: Exclude<ChoiceRule, 'median' | 'worst'>,
  precise: 'high' | 'low',
  slack = SLACK,
): number {
  if (rule === 'calls') rule = 'plateau';
  const gains = points.map((x) => x.gain);
  const order = gains.map((_, i) => i);
  if (precise === 'high') order.reverse();
  const score =
    rule === 'smooth'
      ? gains.map((_, i) => {
          const near = gains.slice(Math.max(0, i - 1), i + 2);
          return near.reduce((a, b) => a + b, 0) / near.length;
        })
      : gains;
  const top = Math.max(0, ...gains);
  let best = -1;
  for (const i of order) {
    if (gains[i]! <= 0) continue;
    if (best === -1) {
      if (rule !== 'plateau' || gains[i]! >= top - slack) best = i;
    } else if (rule === 'plateau') {
      const [a, b] = [points[i]!, points[best]!];
      if (a.gain >= top - slack && (a.cost < b.cost || (a.cost === b.cost && a.gain > b.gain))) best = i;
    } else if (score[i]! > score[best]!) best = i;
  }
  return best;
}

/** Picks an index with `rule`, per set for `median` (`curve` gives the gains of some scores). */
function pick(
  scored: readonly Scored[],
  curve: (xs: readonly Scored[]) => Point[],
  rule: ChoiceRule,
  precise: 'high' | 'low',
  slack: number,
): number {
  if (rule !== 'median' && rule !== 'worst') return pickOnCurve(curve(scored), rule, precise, slack);
  const bySet = new Map<string, Scored[]>();
  for (const s of scored) (bySet.get(s.call.set) ?? bySet.set(s.call.set, []).get(s.call.set)!).push(s);
  if (rule === 'worst') {
    const picks = [...bySet.values()]
      .map((xs) => pickOnCurve(curve(xs), 'plateau', precise, slack))
      .filter((i) => i !== -1);
    if (!picks.length) return -1;
    return precise === 'high' ? Math.max(...picks) : Math.min(...picks);
  }
  const off = precise === 'high' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  const picks = [...bySet.values()]
    .map((xs) => pickOnCurve(curve(xs), 'max', precise))
    .map((i) => (i === -1 ? off : i))
    .sort((a, b) => a - b);
  if (!picks.length) return -1;
  const half = picks.length / 2;
  const m = picks[precise === 'high' ? Math.floor(half) : Math.ceil(half) - 1]!;
  return Number.isFinite(m) ? m : -1;
}

/** Per threshold of CHOICES, the gate's additions right and wrong on `scored`. */
export function thresholdCurve(
  scored: readonly Scored[],
  engine: EngineFlags,
  gate: Gate,
  gates: Gates,
  mode: GateMode,
): { t: number; right: number; wrong: number; calls: number }[] {
  const mine = scored.filter((s) => gate.categories.includes(s.category));
  return CHOICES.map((t) => {
    const at = Object.fromEntries(gate.categories.map((c) => [c, t]));
    let right = 0;
    let wrong = 0;
    const dirtied = new Set<Featured>();
    for (const a of additions(mine, engine, at, gates, mode))
      if (a.call.labels[a.line]!.has(a.category)) right++;
      else {
        wrong++;
        if (!hasFalseFlag(a.call, engine)) dirtied.add(a.call);
      }
    return { t, right, wrong, calls: dirtied.size };
  });
}

/** Whether the engine already raises a flag the call's labels do not expect. */
function hasFalseFlag(call: Call, engine: EngineFlags): boolean {
  for (const k of engine.get(callKey(call))!) {
    if (k.startsWith('veto:')) continue;
    const [category, at] = k.split('@');
    if (!call.labels[Number(at)]?.has(category!)) return true;
  }
  return false;
}

export function chooseThresholds(
  scored: readonly Scored[],
  engine: EngineFlags,
  gates: Gates,
  mode: GateMode,
  rule: ChoiceRule = CHOICE_RULE,
) {
  const out: Record<string, number> = {};
  for (const gate of Object.values(gates)) {
    const curve = (xs: readonly Scored[]) =>
      thresholdCurve(xs, engine, gate, gates, mode).map((x) =>
        rule === 'calls'
          ? { gain: x.right - COST * (x.wrong + x.calls), cost: x.wrong + x.calls }
          : { gain: x.right - COST * x.wrong, cost: x.wrong },
      );
    const i = pick(scored, curve, rule, 'high', SLACK);
    for (const c of gate.categories) out[c] = i === -1 ? 0.99 : CHOICES[i]!;
  }
  return out;
}

/**
 * The veto (decision 0575): engine flags of a gate with `veto` that the model scores under the
 * category's veto threshold `v` on a line naming the gate's datum (gate.ts `vetoes`, as the detector
 * applies it). Choice on held-out scores only: per gate, the gain at each veto threshold of VETO_GRID
 * is false flags removed minus VETO_LOSS × true flags lost (a lost violation is a miss, and a veto
 * that costs true flags held out is not worth it), read off by the same rule as the thresholds with
 * the lower end as the precision side; no positive gain, no veto.
 */
export const VETO_GRID = [0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3];
export const VETO_LOSS = 4;
export function vetoed(scored: readonly Scored[], engine: EngineFlags, v: Thresholds, gates: Gates): Scored[] {
  return scored.filter(
    (s) =>
      engine.get(callKey(s.call))!.has(`${s.category}@${s.line}`) &&
      vetoes(gateOf(gates, s.category), v[s.category], s.call.lines[s.line]!.text, () => s.p),
  );
}
/** Per veto threshold of VETO_GRID, the engine's flags of the gate it removes: false and true. */
export function vetoCurve(
  scored: readonly Scored[],
  engine: EngineFlags,
  gate: Gate,
  gates: Gates,
): { v: number; removed: number; lost: number }[] {
  const mine = scored.filter((s) => gate.categories.includes(s.category));
  return VETO_GRID.map((v) => {
    const at = Object.fromEntries(gate.categories.map((c) => [c, v]));
    let removed = 0;
    let lost = 0;
    for (const x of vetoed(mine, engine, at, gates))
      if (x.call.labels[x.line]!.has(x.category)) lost++;
      else removed++;
    return { v, removed, lost };
  });
}
export function chooseVetoes(
  scored: readonly Scored[],
  engine: EngineFlags,
  gates: Gates,
  rule: ChoiceRule = CHOICE_RULE,
): Thresholds {
  const out: Record<string, number> = {};
  for (const gate of Object.values(gates)) {
    if (!gate.veto) continue;
    const curve = (xs: readonly Scored[]) =>
      vetoCurve(xs, engine, gate, gates).map((x) => ({ gain: x.removed - VETO_LOSS * x.lost, cost: x.lost }));
    const i = pick(scored, curve, rule, 'low', VETO_SLACK);
    if (i !== -1) for (const c of gate.categories) out[c] = VETO_GRID[i]!;
  }
  return out;
}
/**
 * The engine flags with the vetoed ones removed; each stays as "veto:category@line" (the detector
 * keeps it as a rejected candidate), so the layer does not raise it again.
 */
export function withVetoes(engine: EngineFlags, gone: readonly Scored[]): EngineFlags {
  const out: EngineFlags = new Map([...engine].map(([k, v]) => [k, new Set(v)]));
  for (const s of gone) {
    const flags = out.get(callKey(s.call))!;
    flags.delete(`${s.category}@${s.line}`);
    flags.add(`veto:${s.category}@${s.line}`);
  }
  return out;
}

/** The same threshold for every category of `gates`. */
export const fixedThresholds = (gates: Gates, t: number): Thresholds =>
  Object.fromEntries(Object.values(gates).flatMap((g) => g.categories.map((c) => [c, t])));
