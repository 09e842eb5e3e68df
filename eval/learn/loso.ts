/**
 * Leave-one-set-out: for each development set S, train the line classifier on all the others,
 * choose its threshold on the others' held-out scores (an inner leave-one-set-out), and score S's
 * flags with (a) today's engine alone and (b) engine ∪ classifier. Nothing is tuned on S.
 *
 *   npx tsx eval/learn/loso.ts [--gate none|datum|datum+block] [--all-gates] [--engine today|blind]
 *                              [--threshold T]   (T fixed instead of chosen on the other sets)
 *
 * --engine blind adds the classifier to the engine of the commit at which each set was still blind
 * (eval/learn/blind-engine/, see blind-engine.sh); today's engine was fixed against every
 * development set, so on them it is a training figure. analyze and analyze-b have no blind engine:
 * they keep today's flags (as training data and in threshold choice) and get no held-out row.
 */
import {
  additions,
  chooseThreshold,
  type EngineFlags,
  type Featured,
  type Figures,
  figures,
  GATE_MODES,
  type GateMode,
  pruned,
  readSpec,
  type Scored,
  scoreCalls,
  type Spec,
  train,
  withFeatures,
} from './common.js';
import { DEV_SETS, loadSet, repo } from './dataset.js';
import { engineFlags } from './engine.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const gateArg = args.includes('--gate') ? (args[args.indexOf('--gate') + 1] as GateMode) : 'datum+block';
const modes: GateMode[] = args.includes('--all-gates') ? GATE_MODES : [gateArg];
if (modes.some((m) => !GATE_MODES.includes(m))) throw new Error(`--gate must be one of ${GATE_MODES.join(', ')}`);

const spec = readSpec();
const bySet = new Map<string, Featured[]>(DEV_SETS.map((s) => [s, withFeatures(loadSet(s), spec.bits)]));
const all = [...bySet.values()].flat();
const fixed = args.includes('--threshold') ? Number(args[args.indexOf('--threshold') + 1]) : undefined;
const engineMode = args.includes('--engine') ? args[args.indexOf('--engine') + 1] : 'today';
const engine = await engineFlags(all);
if (engineMode === 'blind') for (const [k, v] of blindEngine()) engine.set(k, v);
const heldSets = engineMode === 'blind' ? DEV_SETS.filter((s) => s.startsWith('blind-')) : DEV_SETS;

/** Held-out scores of `sets`, each scored by a model trained on the rest of `sets`. */
function heldOutScores(sets: readonly string[]): Scored[] {
  return sets.flatMap((held) =>
    scoredBy(
      sets.filter((s) => s !== held),
      bySet.get(held)!,
      spec,
    ),
  );
}
function scoredBy(trainSets: readonly string[], target: Featured[], s: Spec): Scored[] {
  const data = trainSets.flatMap((t) => bySet.get(t)!);
  return s.categories.flatMap((c) => scoreCalls(pruned(train(data, c, s), s.prune), target, c));
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');
const row = (f: Figures) =>
  `${pct(f.tp, f.tp + f.fp)} | ${pct(f.tp, f.tp + f.fn)} | ${f.pcpTp}/${f.pcpN} (${pct(f.pcpTp, f.pcpN)}) | ${f.callsWithFalseFlag}/${f.calls}`;
const sum = (fs: Figures[]): Figures =>
  fs.reduce((a, b) => ({
    tp: a.tp + b.tp,
    fp: a.fp + b.fp,
    fn: a.fn + b.fn,
    pcpTp: a.pcpTp + b.pcpTp,
    pcpN: a.pcpN + b.pcpN,
    callsWithFalseFlag: a.callsWithFalseFlag + b.callsWithFalseFlag,
    calls: a.calls + b.calls,
  }));

for (const mode of modes) {
  console.log(`\n### gate: ${mode}\n`);
  console.log(
    '| held-out set | threshold (from the other sets) | engine P | engine R | engine PCP R | engine calls w/ false flag | ∪ P | ∪ R | ∪ PCP R | ∪ calls w/ false flag | added right / wrong | classifier alone on PCP: P / R |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  const before: Figures[] = [];
  const after: Figures[] = [];
  for (const held of heldSets) {
    const others = DEV_SETS.filter((s) => s !== held);
    const t = fixed ?? chooseThreshold(heldOutScores(others), engine, spec.gate, mode);
    const target = bySet.get(held)!;
    const scored = scoredBy(others, target, spec);
    const added = additions(scored, engine, t, spec.gate, mode);
    const a = figures(target, engine);
    const b = figures(target, engine, added);
    before.push(a);
    after.push(b);
    const right = added.filter((x) => x.call.labels[x.line]!.has(x.category)).length;
    const alone = classifierAlone(scored, target, t, mode);
    console.log(`| ${held} | ${t} | ${row(a)} | ${row(b)} | ${right} / ${added.length - right} | ${alone} |`);
  }
  console.log(`| **all** | | ${row(sum(before))} | ${row(sum(after))} | | |`);
}

/** The classifier with no engine at all (gate applied), on the PCP categories: does it carry by itself? */
function classifierAlone(scored: Scored[], target: Featured[], t: number, mode: GateMode): string {
  const none: EngineFlags = new Map(target.map((c) => [`${c.set}/${c.name}`, new Set<string>()]));
  const got = additions(scored, none, t, spec.gate, mode);
  const right = got.filter((x) => x.call.labels[x.line]!.has(x.category)).length;
  const n = target.reduce(
    (k, c) => k + c.labels.reduce((j, ls) => j + [...ls].filter((l) => spec.categories.includes(l)).length, 0),
    0,
  );
  return `${pct(right, got.length)} / ${pct(right, n)}`;
}

function blindEngine(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of DEV_SETS.filter((x) => x.startsWith('blind-'))) {
    const flags = JSON.parse(readFileSync(join(repo, 'eval', 'learn', 'blind-engine', `${s}.json`), 'utf8'));
    for (const [k, v] of Object.entries(flags as Record<string, string[]>)) out.set(k, new Set(v));
  }
  return out;
}
