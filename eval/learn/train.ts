/**
 * Trains the line classifiers on every development set and writes pipelines/learn/data/
 * compliance-lines.model.json and promise-lines.model.json, bit for bit the same on every run
 * (`npm run train:compliance`). Thresholds are chosen on leave-one-set-out scores (each set scored
 * by a model trained on the others, against the engine of the commit at which that set was still
 * blind), never on the lines the shipped weights were trained on.
 *
 *   npx tsx eval/learn/train.ts [--out DIR] [--check] [--spec FILE]
 *
 * The compliance model is trained on the development sets and the spec's training-only sets
 * (`trainOnly`, decision 0500), which join every fold's training but are never held out.
 * --spec trains a variant spec (with --out, to compare it without touching the shipped files).
 * --check writes nothing: it trains again and fails unless every result equals its shipped file
 * byte for byte (a model is stale or training is not reproducible).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_MODEL_FILE, LineModelSchema } from '../../pipelines/learn/model.js';
import { PROMISE_MODEL_FILE, PromiseLineModelSchema } from '../../pipelines/learn/promise-veto.js';
import {
  chooseThresholds,
  chooseVetoes,
  featuredSets,
  GRID,
  featuresOf,
  pruned,
  readSpec,
  round,
  type Scored,
  leaveOneSetOut,
  specCategories,
  train,
  trainOnlyOf,
  trainOn,
  useScoreCache,
  VETO_GRID,
} from './common.js';
import { DEV_SETS, dataHash } from './dataset.js';
import { ceilings, floors, layerCeilings, layerNegatives, testNegatives } from './hard-negatives.js';
import { blindEngine, engineFlags } from './engine.js';
import { TESTS_SET } from './test-lines.js';
import { choose, PROMISE_FEATURES, positive, bySet as promiseSets, testLines } from './promise-common.js';

const args = process.argv.slice(2);
const outDir = args.includes('--out') ? args[args.indexOf('--out') + 1]! : undefined;
const target = (file: string) => (outDir ? join(outDir, basename(file)) : file);
const check = args.includes('--check');

useScoreCache(false);
const spec = readSpec(args.includes('--spec') ? args[args.indexOf('--spec') + 1] : undefined); // as promise-common.ts
const categories = specCategories(spec);
const sets = featuredSets(DEV_SETS, spec);
const all = DEV_SETS.flatMap((s) => sets.calls.get(s)!);
const trainingSets = [...DEV_SETS, ...trainOnlyOf(spec)];
const trainingCalls = trainingSets.flatMap((s) => sets.calls.get(s)!);

// The engine each set's held-out scores are added to: the one that had not seen it (see loso.ts).
const engine = await engineFlags(all);
for (const [k, v] of blindEngine()) engine.set(k, v);
const heldOut: Scored[] = leaveOneSetOut(sets, DEV_SETS, categories, spec);
const thresholds = chooseThresholds(heldOut, engine, spec.gates, 'datum+block');
const vetoes = chooseVetoes(heldOut, engine, spec.gates);

const models: Record<string, { threshold: number; veto?: number; weights: [number, number][] }> = {};
for (const c of categories) {
  const featured = trainingSets.flatMap((s) => sets.featured(featuresOf(spec, c), s));
  const w = pruned(train(featured, c, spec), spec.prune);
  const weights: [number, number][] = [];
  w.forEach((v, i) => {
    if (v !== 0) weights.push([i, v]);
  });
  models[c] = { threshold: round(thresholds[c]!), ...(vetoes[c] ? { veto: vetoes[c] } : {}), weights };
}
/** The model file with the thresholds in `models`. */
const build = () =>
  LineModelSchema.parse({
    id: spec.id,
    version: spec.version,
    date: spec.date,
    trainingSets,
    dataHash: dataHash(trainingCalls),
    bits: spec.bits,
    training: {
      method: 'logistic regression, SGD (eval/learn/sgd.ts)',
      ...spec.sgd,
      prune: spec.prune,
      thresholdChosenOn: spec.trainOnTests
        ? "leave-one-set-out scores added to each set's blind engine (eval/learn/loso.ts); the compliance tests' lines are training data (eval/learn/test-lines.ts), and a threshold is raised above the layer's highest score on their negatives only where the trained model does not separate them (eval/learn/hard-negatives.ts)"
        : "leave-one-set-out scores added to each set's blind engine (eval/learn/loso.ts), raised above the layer's highest score on the compliance tests' hard negatives (eval/learn/hard-negatives.ts)",
      lines: trainingCalls.reduce((n, c) => n + c.lines.length, 0),
    },
    gates: spec.gates,
    categories: models,
  });
// The hand-written tests pin down lines the layer must leave alone (detector.test.ts, trained layer
// on; learned-layer.test.ts, the layer alone, decision 0625): a gate's threshold goes above the layer's
// highest score on them (decision 0500), as the promise veto's stays under its tests' floor (0385).
// With `trainOnTests` (decision 0640) those lines are training data, so the model itself keeps them
// low and the held-out choice sets the threshold; this guard then binds only if it did not.
const detectorCeiling = await ceilings(build(), testNegatives());
const layerCeiling = layerCeilings(build(), layerNegatives());
const ceilingOf: Record<string, number> = { ...detectorCeiling };
for (const [c, p] of Object.entries(layerCeiling)) ceilingOf[c] = Math.max(ceilingOf[c] ?? 0, p);
for (const gate of Object.values(spec.gates)) {
  const top = Math.max(0, ...gate.categories.map((c) => ceilingOf[c] ?? 0));
  const t = models[gate.categories[0]!]!.threshold;
  const raised = GRID.find((g) => g > top && g >= t && g < 1) ?? 0.99;
  for (const c of gate.categories) models[c]!.threshold = round(Math.max(t, raised));
}
// The tests' violations floor a gate's veto (decision 0575): it goes down to the highest grid step at
// or under the lowest score the model gives one of them, or off when none is.
const floorOf = floors(build());
for (const gate of Object.values(spec.gates)) {
  const low = Math.min(1, ...gate.categories.map((c) => floorOf[c] ?? 1));
  const v = models[gate.categories[0]!]!.veto;
  if (v === undefined) continue;
  const capped = [...VETO_GRID].reverse().find((g) => g <= low && g <= v);
  for (const c of gate.categories)
    if (capped === undefined) delete models[c]!.veto;
    else models[c]!.veto = capped;
}
const model = build();
// Where each gate's figures came from (decision 0625): the held-out choice, the tests' ceiling and floor.
for (const [name, gate] of Object.entries(spec.gates)) {
  const c = gate.categories[0]!;
  const top = Math.max(0, ...gate.categories.map((x) => ceilingOf[x] ?? 0));
  const low = Math.min(1, ...gate.categories.map((x) => floorOf[x] ?? 1));
  console.error(
    `${name}: threshold held out ${thresholds[c]}, tests' highest negative ${round(top)} → ${models[c]!.threshold}` +
      (gate.veto
        ? `; veto held out ${vetoes[c] ?? 'none'}, tests' lowest violation ${round(low)} → ${models[c]!.veto ?? 'none'}`
        : ''),
  );
}
const compliance = emit(
  target(DEFAULT_MODEL_FILE),
  model,
  Object.entries(models)
    .map(
      ([c, m]) => `${c} threshold ${m.threshold}${m.veto ? `, veto below ${m.veto}` : ''}, ${m.weights.length} weights`,
    )
    .join(', '),
);

// The promise-line veto (promise-common.ts): the features of each line alone, every set's lines. Its
// threshold is chosen on the blind-time engines' promises and today's engine's (veto off) pooled, each
// set's lines scored by a model trained without it, on a 0.025 grid under the tests' floor (decision
// 0885; until spec 17, on the blind-time engines' alone, by 0.05).
const promiseThreshold = choose();
// The promise veto reads the promise tests' lines (testLines), not the compliance tests' (TESTS_SET).
const promiseSetNames = trainingSets.filter((s) => s !== TESTS_SET);
const promiseCalls = promiseSetNames.flatMap((s) => sets.calls.get(s)!);
const w = pruned(
  trainOn([...promiseSetNames.flatMap((s) => promiseSets.get(s)!), testLines], positive, spec),
  spec.prune,
);
const promiseModel = PromiseLineModelSchema.parse({
  id: 'promise-lines',
  version: 6,
  date: spec.date,
  trainingSets: [...promiseSetNames, testLines.name],
  dataHash: dataHash([...promiseCalls, testLines], (c, i) => (positive(c, i) ? 'promise' : '')),
  featureSpec: PROMISE_FEATURES,
  bits: spec.bits,
  training: {
    method: 'logistic regression, SGD (eval/learn/sgd.ts), features of the line alone',
    ...spec.sgd,
    prune: spec.prune,
    thresholdChosenOn:
      "pooled promise F1 of leave-one-set-out scores on each set's blind-time engine's promises and today's engine's with the veto off (eval/learn/promise-loso.ts, decision 0885), under the promise tests' floor",
    lines: promiseCalls.reduce((n, c) => n + c.lines.length, testLines.lines.length),
  },
  threshold: promiseThreshold,
  weights: [...w].flatMap((v, i) => (v !== 0 ? [[i, v] as [number, number]] : [])),
});
const promise = emit(target(PROMISE_MODEL_FILE), promiseModel, `threshold ${promiseThreshold}`);
if (check) process.exit(compliance && promise ? 0 : 1);

/** Writes `model` to `file` (one weight pair per line: diffable), or with --check compares it. */
function emit(file: string, value: unknown, summary: string): boolean {
  const text = JSON.stringify(value, null, 1).replace(/\[\n\s+(-?\d+),\n\s+(-?[\d.e-]+)\n\s+\]/g, '[$1, $2]');
  if (check) {
    const same = readFileSync(file, 'utf8') === `${text}\n`;
    console.log(same ? `${file} is reproduced byte for byte` : `${file} differs from a fresh training run`);
    return same;
  }
  writeFileSync(file, `${text}\n`);
  console.log(`wrote ${file}: ${summary}`);
  return true;
}
