/**
 * The classifier's held-out curve on one group's categories (each set scored by a model trained on
 * the other sets, the spec's training-only sets included), alone and added to the engine, at every
 * threshold of the grid, per gate mode. With --engine blind (decision 0535) the scores are added to
 * each set's blind-time engine and pooled over the blind sets only, as `loso.ts --engine blind`'s
 * outer folds: found / expected, added right / wrong, flag precision and calls with a false flag
 * (any category) at each fixed threshold, so variants are compared at equal false-flag calls.
 *
 * For a gate with `veto` (decision 0575) it also prints, at every veto threshold of the grid, the
 * engine's flags the held-out scores veto (false / true) and the calls with a false flag left.
 *
 *   npx tsx eval/learn/curve.ts [--gates pcp] [--spec FILE] [--engine today|blind] [--gate datum+block]
 */
import {
  additions,
  type EngineFlags,
  figures,
  GATE_MODES,
  type GateMode,
  featuredSets,
  fixedThresholds,
  GRID,
  precisionOf,
  readSpec,
  recallOf,
  leaveOneSetOut,
  specCategories,
  VETO_GRID,
  vetoed,
  withGates,
  withVetoes,
} from './common.js';
import { DEV_SETS } from './dataset.js';
import { blindEngine, engineFlags } from './engine.js';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const spec = withGates(readSpec(arg('--spec')), (arg('--gates') ?? 'pcp').split(','));
const categories = specCategories(spec);
const sets = featuredSets(DEV_SETS, spec);
const all = DEV_SETS.flatMap((s) => sets.calls.get(s)!);
const engine = await engineFlags(all);
const blind = arg('--engine') === 'blind';
if (blind) for (const [k, v] of blindEngine()) engine.set(k, v);
const none: EngineFlags = new Map([...engine.keys()].map((k) => [k, new Set<string>()]));
const modes = arg('--gate') ? [arg('--gate') as GateMode] : GATE_MODES;
const scoredAll = leaveOneSetOut(sets, DEV_SETS, categories, spec);
const held = blind ? DEV_SETS.filter((s) => s.startsWith('blind-')) : [...DEV_SETS];
const scored = scoredAll.filter((s) => held.includes(s.call.set as never));
const calls = held.flatMap((s) => sets.calls.get(s)!);
const n = calls.reduce(
  (k, c) => k + c.labels.reduce((j, ls) => j + [...ls].filter((l) => categories.includes(l)).length, 0),
  0,
);
const right = (xs: typeof scored) => xs.filter((x) => x.call.labels[x.line]!.has(x.category)).length;
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');
const base = figures(calls, engine);
const r0 = recallOf(base, categories);
console.log(
  `held out: ${held.join(', ')} (${calls.length} calls); engine alone: ${r0.tp}/${r0.n} (${pct(r0.tp, r0.n)}), calls with a false flag ${base.callsWithFalseFlag}`,
);
for (const mode of modes) {
  console.log(
    `\ngate ${mode}\n\n| threshold | alone right / flagged (P, R of ${n}) | + engine: found | added right / wrong | P | calls w/ false flag |\n|---|---|---|---|---|---|`,
  );
  for (const t of GRID) {
    const alone = additions(scored, none, fixedThresholds(spec.gates, t), spec.gates, mode);
    const added = additions(scored, engine, fixedThresholds(spec.gates, t), spec.gates, mode);
    const f = figures(calls, engine, added);
    const r = recallOf(f, categories);
    const p = precisionOf(f, categories);
    console.log(
      `| ${t} | ${right(alone)}/${alone.length} (${pct(right(alone), alone.length)}, ${pct(right(alone), n)}) | ${r.tp}/${r.n} (${pct(r.tp, r.n)}) | ${right(added)} / ${added.length - right(added)} | ${pct(p.tp, p.tp + p.fp)} | ${f.callsWithFalseFlag} |`,
    );
  }
}

if (Object.values(spec.gates).some((g) => g.veto)) {
  console.log(
    '\nveto (engine flags only, no additions)\n\n| veto below | vetoed false / true | calls w/ false flag |\n|---|---|---|',
  );
  for (const v of VETO_GRID) {
    const at = Object.fromEntries(
      Object.values(spec.gates).flatMap((g) => (g.veto ? g.categories.map((c) => [c, v]) : [])),
    );
    const gone = vetoed(scored, engine, at, spec.gates);
    const f = figures(calls, withVetoes(engine, gone));
    console.log(`| ${v} | ${gone.length - right(gone)} / ${right(gone)} | ${f.callsWithFalseFlag} |`);
  }
}
