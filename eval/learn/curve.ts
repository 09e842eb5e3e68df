/**
 * The classifier's held-out precision/recall curve on one group's categories (each set scored by a
 * model trained on the other sets), alone and as additions to today's engine, per gate mode:
 *
 *   npx tsx eval/learn/curve.ts [--gates pcp]
 */
import {
  additions,
  type EngineFlags,
  GATE_MODES,
  featuredSets,
  fixedThresholds,
  GRID,
  readSpec,
  leaveOneSetOut,
  specCategories,
  withGates,
} from './common.js';
import { DEV_SETS } from './dataset.js';
import { engineFlags } from './engine.js';

const args = process.argv.slice(2);
const spec = withGates(readSpec(), (args.includes('--gates') ? args[args.indexOf('--gates') + 1]! : 'pcp').split(','));
const categories = specCategories(spec);
const sets = featuredSets(DEV_SETS, spec);
const all = DEV_SETS.flatMap((s) => sets.calls.get(s)!);
const engine = await engineFlags(all);
const none: EngineFlags = new Map([...engine.keys()].map((k) => [k, new Set<string>()]));
const scored = leaveOneSetOut(sets, DEV_SETS, categories, spec);
const n = all.reduce(
  (k, c) => k + c.labels.reduce((j, ls) => j + [...ls].filter((l) => categories.includes(l)).length, 0),
  0,
);
const right = (xs: typeof scored) => xs.filter((x) => x.call.labels[x.line]!.has(x.category)).length;
for (const mode of GATE_MODES) {
  console.log(`\ngate ${mode}: threshold | alone right/flagged (P, R of ${n}) | added to engine right/wrong`);
  for (const t of GRID) {
    const alone = additions(scored, none, fixedThresholds(spec.gates, t), spec.gates, mode);
    const added = additions(scored, engine, fixedThresholds(spec.gates, t), spec.gates, mode);
    const r = right(alone);
    console.log(
      `${t} | ${r}/${alone.length} (${((100 * r) / alone.length).toFixed(1)} %, ${((100 * r) / n).toFixed(1)} %) | ${right(added)}/${added.length - right(added)}`,
    );
  }
}
