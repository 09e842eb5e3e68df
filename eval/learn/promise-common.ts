/**
 * What the promise veto's leave-one-set-out (promise-loso.ts) and the trainer (train.ts) share:
 * the development sets' lines with the features of each line alone, the promises each blind set
 * recorded at the commit at which it was still blind (blind-engine/promises-<set>.json, see
 * blind-promises.sh), held-out scores, promise figures with a veto, and the threshold choice
 * (pooled F1 on held-out scores only). Matching is the scorer's (eval/analyze/match-promises.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TranscriptLine } from '../../core/domain.js';
import { type FeatureSpec, lineFeatures } from '../../pipelines/learn/features.js';
import { probability } from '../../pipelines/learn/model.js';
import { matchPromises } from '../analyze/match-promises.js';
import { type Featured, pruned, readSpec, round, trainOn } from './common.js';
import { type Call, DEV_SETS, loadSet, repo } from './dataset.js';
import { type Got, todayPromises } from './today-promises.js';

/** spec.json, or the variant a command line names with --spec FILE (train.ts, promise-loso.ts). */
export const spec = readSpec(
  process.argv.includes('--spec') ? process.argv[process.argv.indexOf('--spec') + 1] : undefined,
);
/** The veto reads the line alone with the first feature spec (its model is the promises owner's). */
export const PROMISE_FEATURES: FeatureSpec = 'line-features-v1';

type Speaker = TranscriptLine['speaker'];
/** The development sets and the spec's training-only sets (decision 0500), each line featured alone. */
export const bySet = new Map<string, Featured[]>(
  [...DEV_SETS, ...(spec.trainOnly ?? [])].map((s) => [
    s,
    loadSet(s).map((c) => ({ ...c, features: c.lines.map((l) => lineFeatures([l], 0, spec.bits, PROMISE_FEATURES)) })),
  ]),
);
export const blindSets = DEV_SETS.filter((s) => s.startsWith('blind-'));

/**
 * The hand-written promise tests' lines (promise-test-lines.json, harvest-test-lines.ts) as one
 * more call: added to every training, never held out (decision 0385).
 */
export const testLines: Featured = (() => {
  const file = join(repo, 'eval', 'learn', 'promise-test-lines.json');
  const rows = (
    JSON.parse(readFileSync(file, 'utf8')) as { lines: { speaker: Speaker; text: string; promise: boolean }[] }
  ).lines;
  const lines = rows.map((r, i) => ({ speaker: r.speaker, text: r.text, startMs: i, endMs: i + 1 }));
  return {
    set: 'tests',
    name: 'promise-test-lines',
    lines,
    labels: lines.map(() => new Set<string>()),
    hardNegatives: new Set<number>(),
    promises: rows.flatMap((r, i) => (r.promise ? [{ speaker: r.speaker, action: 'any', utterance: i }] : [])),
    features: lines.map((l) => lineFeatures([l], 0, spec.bits, PROMISE_FEATURES)),
  };
})();
/**
 * The candidates a veto judges (decision 0885): `blind`, each blind set's promises as recorded at the
 * commit at which it was still blind (with that commit's own veto, where it had one); `today`, every
 * development set's promises by this checkout's engine with the veto off (today-promises.ts), the
 * engine the shipped veto is used with.
 */
export type PromiseEngine = 'blind' | 'today';
export const PROMISE_ENGINES: readonly PromiseEngine[] = ['blind', 'today'];
const recorded: Record<PromiseEngine, Map<string, Got[]>> = { blind: new Map(), today: new Map() };
for (const s of blindSets) {
  const file = join(repo, 'eval', 'learn', 'blind-engine', `promises-${s}.json`);
  for (const [k, v] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Got[]>))
    recorded.blind.set(k, v);
}
recorded.today = await todayPromises(DEV_SETS.flatMap((s) => bySet.get(s)!));
/** The promises `engine` recorded on call `key` (`set/name`). */
export const recordedOf = (engine: PromiseEngine, key: string): Got[] => recorded[engine].get(key) ?? [];
/** The sets with candidates of `engine`: the blind sets, or (today) every development set. */
export const setsOf = (engine: PromiseEngine): readonly string[] => (engine === 'blind' ? blindSets : DEV_SETS);

/** A line carries a promise when its call's expectations record one of its speaker on it. */
export const positive = (c: Call, i: number) =>
  c.promises.some((p) => p.utterance === i && p.speaker === c.lines[i]!.speaker);

/** The veto's weights trained on `trainSets`, the training-only sets and the hand-written tests' lines. */
const models = new Map<string, Float64Array>();
function model(trainSets: readonly string[]): Float64Array {
  const key = trainSets.join();
  if (!models.has(key))
    models.set(
      key,
      pruned(
        trainOn(
          [...[...trainSets, ...(spec.trainOnly ?? [])].flatMap((t) => bySet.get(t)!), testLines],
          positive,
          spec,
        ),
        spec.prune,
      ),
    );
  return models.get(key)!;
}

/** Per set, per call, per line: P(the line carries a promise), by a model trained on `trainSets`. */
const memo = new Map<string, number[][]>();
export function scores(trainSets: readonly string[], target: string): number[][] {
  const key = `${trainSets.join()}>${target}`;
  if (!memo.has(key)) {
    const w = model(trainSets);
    memo.set(
      key,
      bySet.get(target)!.map((c) => c.features.map((f) => probability(w, f))),
    );
  }
  return memo.get(key)!;
}

/**
 * The lowest score the model trained on `trainSets` gives a test line with a promise: a threshold
 * above it would drop a promise the hand-written tests pin down, so none is chosen (decision 0385).
 */
export function testFloor(trainSets: readonly string[]): number {
  const w = model(trainSets);
  return Math.min(...testLines.features.filter((_, i) => positive(testLines, i)).map((f) => probability(w, f)));
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  vetoedRight: number;
  vetoedWrong: number;
}
export const f1 = ({ tp, fp, fn }: Prf) => (tp ? (2 * tp) / (2 * tp + fp + fn) : 0);

/** Promise figures of `set` with every promise `engine` recorded on a line scored under `t` vetoed. */
export function figures(set: string, p: number[][], t: number, list = false, engine: PromiseEngine = 'blind'): Prf {
  const out: Prf = { tp: 0, fp: 0, fn: 0, vetoedRight: 0, vetoedWrong: 0 };
  bySet.get(set)!.forEach((c, ci) => {
    const all = recorded[engine].get(`${c.set}/${c.name}`)!;
    const kept = all.filter((g) => p[ci]![g.utterance]! >= t);
    const { matched, extra } = matchPromises(c.promises, kept);
    const before = matchPromises(c.promises, all);
    for (const [, g] of matched) if (g) out.tp++;
    out.fn += matched.filter(([, g]) => !g).length;
    out.fp += extra.length;
    // A veto was right when it removed a promise the full record could not match.
    const vetoed = all.filter((g) => !kept.includes(g));
    for (const g of vetoed) {
      const wasFalse = before.extra.includes(g);
      if (wasFalse) out.vetoedRight++;
      else out.vetoedWrong++;
      if (list)
        console.log(
          `${wasFalse ? 'right' : 'WRONG'} ${c.set}/${c.name}@${g.utterance} ${g.action} p=${p[ci]![g.utterance]!.toFixed(2)} ${c.lines[g.utterance]!.text.slice(0, 70)}`,
        );
    }
  });
  return out;
}

/** Veto thresholds tried: 0.05 … 0.5 by 0.025 (decision 0885: by 0.05 the tests' floor cost up to a step). */
export const PROMISE_GRID = Array.from({ length: 19 }, (_, i) => round(0.05 + i * 0.025));
export const sum = (xs: Prf[]): Prf =>
  xs.reduce((a, b) => ({
    tp: a.tp + b.tp,
    fp: a.fp + b.fp,
    fn: a.fn + b.fn,
    vetoedRight: a.vetoedRight + b.vetoedRight,
    vetoedWrong: a.vetoedWrong + b.vetoedWrong,
  }));

/**
 * The veto threshold with the best pooled F1 over the candidates of `engines` on their sets other
 * than `held`, each set scored by a model trained without `held` and itself (no threshold, 0, when
 * none beats the engines alone), among those at or under the test floor of the model that will veto
 * `held`. The trainer reads both engines (decision 0885): the blind-time engines' promises are what
 * an engine proposes on text it was not fixed against, today's are the candidates the shipped veto
 * judges; every score is held out.
 */
export function choose(held?: string, engines: readonly PromiseEngine[] = PROMISE_ENGINES): number {
  const out = held ? [held] : [];
  const at = (t: number) =>
    f1(
      sum(
        engines.flatMap((e) =>
          setsOf(e)
            .filter((s) => s !== held)
            .map((o) => figures(o, scores(others(...out, o), o), t, false, e)),
        ),
      ),
    );
  const floor = testFloor(others(...out));
  let best = { t: 0, f: at(0) };
  for (const t of PROMISE_GRID.filter((x) => x <= floor)) {
    const f = at(t);
    if (f > best.f + 1e-9) best = { t, f };
  }
  return best.t;
}
export const others = (...out: string[]) => DEV_SETS.filter((s) => !out.includes(s));
