/**
 * How stable the chosen thresholds are (decision 0625): for each rule of CHOICE_RULES, the layer's
 * threshold and the veto each leave-one-set-out fold chooses on the other sets' held-out scores, what
 * that choice gives on the held-out set (the blind-time engine, as `loso.ts --engine blind`), and the
 * choice on every set's held-out scores (the trainer's, before the tests' cap and floor) with and
 * without the newest set. The scores are loso.ts's (and cached with them, common.ts).
 *
 *   npx tsx eval/learn/stability.ts [--gates pcp] [--spec FILE] [--gate datum+block] [--curves]
 *
 * --curves prints the pooled gain curves (right / wrong added per threshold; false / true vetoed per
 * veto threshold) of the trainer's choice, with and without the newest set.
 */
import {
  additions,
  CHOICE_RULES,
  type ChoiceRule,
  chooseThresholds,
  chooseVetoes,
  type Figures,
  figures,
  type GateMode,
  featuredSets,
  precisionOf,
  readSpec,
  recallOf,
  type Scored,
  scoreTrained,
  specCategories,
  thresholdCurve,
  vetoCurve,
  vetoed,
  withGates,
  withVetoes,
} from './common.js';
import { DEV_SETS } from './dataset.js';
import { blindEngine, engineFlags } from './engine.js';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const spec = withGates(readSpec(arg('--spec')), (arg('--gates') ?? 'pcp').split(','));
const mode = (arg('--gate') ?? 'datum+block') as GateMode;
const categories = specCategories(spec);
const sets = featuredSets(DEV_SETS, spec);
const engine = await engineFlags(DEV_SETS.flatMap((s) => sets.calls.get(s)!));
for (const [k, v] of blindEngine()) engine.set(k, v);
const held = DEV_SETS.filter((s) => s.startsWith('blind-'));
const newest = held[held.length - 1]!;

const memo = new Map<string, Scored[]>();
function scoredBy(trainSets: readonly string[], target: string): Scored[] {
  const key = `${trainSets.join()}>${target}`;
  if (!memo.has(key))
    memo.set(
      key,
      categories.flatMap((c) => scoreTrained(sets, trainSets, target, c, spec)),
    );
  return memo.get(key)!;
}
/** Each of `names` scored by a model trained on the rest of `names` (as loso.ts). */
const heldOutScores = (names: readonly string[]) =>
  names.flatMap((h) =>
    scoredBy(
      names.filter((s) => s !== h),
      h,
    ),
  );

const gates = Object.values(spec.gates);
const first = (t: Record<string, number>) => gates.map((g) => t[g.categories[0]!] ?? '–').join(' / ');
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');
const right = (xs: readonly Scored[]) => xs.filter((x) => x.call.labels[x.line]!.has(x.category)).length;

interface Outcome {
  t: Record<string, number>;
  v: Record<string, number>;
  added: number;
  addedRight: number;
  gone: number;
  goneTrue: number;
  before: Figures;
  after: Figures;
}
const outcomes = new Map<ChoiceRule, Outcome[]>(CHOICE_RULES.map((r) => [r, []]));
console.log(`### thresholds (${Object.keys(spec.gates).join(' / ')}) and veto chosen per fold, gate ${mode}\n`);
console.log(`| held-out set | ${CHOICE_RULES.map((r) => `${r}: threshold, veto`).join(' | ')} |`);
console.log(`|---|${CHOICE_RULES.map(() => '---|').join('')}`);
for (const h of held) {
  const others = DEV_SETS.filter((s) => s !== h);
  const inner = heldOutScores(others);
  const outer = scoredBy(others, h);
  const target = sets.calls.get(h)!;
  const cells: string[] = [];
  for (const rule of CHOICE_RULES) {
    const t = chooseThresholds(inner, engine, spec.gates, mode, rule);
    const v = chooseVetoes(inner, engine, spec.gates, rule);
    const gone = vetoed(outer, engine, v, spec.gates);
    const kept = withVetoes(engine, gone);
    const added = additions(outer, kept, t, spec.gates, mode);
    outcomes.get(rule)!.push({
      t,
      v,
      added: added.length,
      addedRight: right(added),
      gone: gone.length,
      goneTrue: right(gone),
      before: figures(target, engine),
      after: figures(target, kept, added),
    });
    cells.push(`${first(t)}, ${first(v)}`);
  }
  console.log(`| ${h} | ${cells.join(' | ')} |`);
}

console.log(
  `\n### held out, summed over ${held.length} folds (${gates.map((g) => g.categories.join('+')).join('; ')})\n`,
);
console.log(
  '| rule | distinct thresholds over folds | distinct vetoes | found (engine → ∪) | added right / wrong | vetoed false / true | precision engine → ∪ | calls w/ a false flag, any category |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const rule of CHOICE_RULES) {
  const os = outcomes.get(rule)!;
  const count = (xs: string[]) =>
    [...new Set(xs)]
      .sort()
      .map((x) => `${x} ×${xs.filter((y) => y === x).length}`)
      .join(', ');
  const sum = (f: (o: Outcome) => number) => os.reduce((a, o) => a + f(o), 0);
  const r0 = sum((o) => recallOf(o.before, categories).tp);
  const r1 = sum((o) => recallOf(o.after, categories).tp);
  const n = sum((o) => recallOf(o.before, categories).n);
  const p0 = os.map((o) => precisionOf(o.before, categories));
  const p1 = os.map((o) => precisionOf(o.after, categories));
  const tp0 = p0.reduce((a, p) => a + p.tp, 0);
  const fp0 = p0.reduce((a, p) => a + p.fp, 0);
  const tp1 = p1.reduce((a, p) => a + p.tp, 0);
  const fp1 = p1.reduce((a, p) => a + p.fp, 0);
  console.log(
    `| ${rule} | ${count(os.map((o) => String(first(o.t))))} | ${count(os.map((o) => String(first(o.v))))} | ${r0} → ${r1} of ${n} (${pct(r1, n)}) | ${sum((o) => o.addedRight)} / ${sum((o) => o.added - o.addedRight)} | ${sum((o) => o.gone - o.goneTrue)} / ${sum((o) => o.goneTrue)} | ${pct(tp0, tp0 + fp0)} → ${pct(tp1, tp1 + fp1)} | ${sum((o) => o.before.callsWithFalseFlag)} → ${sum((o) => o.after.callsWithFalseFlag)} |`,
  );
}

console.log(`\n### the trainer's choice (every set's held-out scores; before the tests' cap and floor)\n`);
const withNewest = heldOutScores(DEV_SETS);
const withoutNewest = heldOutScores(DEV_SETS.filter((s) => s !== newest));
console.log(`| rule | without ${newest}: threshold, veto | with ${newest} |`);
console.log('|---|---|---|');
for (const rule of CHOICE_RULES)
  console.log(
    `| ${rule} | ${first(chooseThresholds(withoutNewest, engine, spec.gates, mode, rule))}, ${first(chooseVetoes(withoutNewest, engine, spec.gates, rule))} | ${first(chooseThresholds(withNewest, engine, spec.gates, mode, rule))}, ${first(chooseVetoes(withNewest, engine, spec.gates, rule))} |`,
  );

if (args.includes('--curves'))
  for (const [label, scored] of [
    [`without ${newest}`, withoutNewest],
    [`with ${newest}`, withNewest],
  ] as const)
    for (const [name, gate] of Object.entries(spec.gates)) {
      console.log(`\n${name}, ${label}: threshold right / wrong (gain at COST 4)`);
      console.log(
        thresholdCurve(scored, engine, gate, spec.gates, mode)
          .map((x) => `${x.t}: ${x.right} / ${x.wrong} (${x.right - 4 * x.wrong})`)
          .join(', '),
      );
      if (gate.veto)
        console.log(
          `veto false / true: ${vetoCurve(scored, engine, gate, spec.gates)
            .map((x) => `${x.v}: ${x.removed} / ${x.lost}`)
            .join(', ')}`,
        );
    }
