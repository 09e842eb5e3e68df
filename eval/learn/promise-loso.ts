/**
 * Leave-one-set-out for the promise-line classifier: does vetoing a recorded promise whose line
 * the classifier finds unlikely to carry one raise promise F1 on a set it was not trained on?
 * For each development set S with a blind engine: train on every other set (a line is positive
 * when its call's expectations record a promise of its speaker on it), choose the veto threshold
 * on the other blind sets' held-out scores (inner leave-one-set-out, pooled F1), and veto S's
 * promises as recorded by the engine of the commit at which S was still blind
 * (blind-engine/promises-<set>.json, see blind-promises.sh). Matching is the scorer's.
 *
 *   npx tsx eval/learn/promise-loso.ts [--threshold T] [--list] [--spec FILE] [--held SET,SET]
 *                                      [--engine blind|today] [--choose blind|today|both]
 *
 * --held scores only the named sets (each still trained and its threshold chosen without it).
 * --engine (decision 0885) names the candidates the held-out set's veto judges: `blind` (default), the
 * promises of the commit at which it was still blind; `today`, this checkout's engine's with the veto
 * off (today-promises.ts; every development set, analyze and analyze-b included; a training figure for
 * the rules, which were fixed against these sets, but the veto's scores stay held out). --choose names
 * the candidates the inner threshold choice reads (default `both`, pooled, as the trainer does).
 *
 * Features are the compliance classifier's (features.ts) of the line alone: the promise engine
 * judges a line by its words, memoised by text (decision 0320), so the veto may not read the
 * line before it.
 */
import {
  choose,
  f1,
  figures,
  others,
  PROMISE_ENGINES,
  type PromiseEngine,
  type Prf,
  scores,
  setsOf,
  sum,
} from './promise-common.js';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const engine = (arg('--engine') ?? 'blind') as PromiseEngine;
const chooseArg = arg('--choose') ?? 'both';
const chooseOn = (chooseArg === 'both' ? PROMISE_ENGINES : [chooseArg]) as PromiseEngine[];
for (const e of [engine, ...chooseOn])
  if (!PROMISE_ENGINES.includes(e))
    throw new Error(`--engine and --choose take ${PROMISE_ENGINES.join(', ')} (or both)`);
const blindSets = setsOf(engine);

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const show = (x: Prf) => `${pct(x.tp / (x.tp + x.fp))} / ${pct(x.tp / (x.tp + x.fn))} / ${pct(f1(x))}`;
console.log(
  '| held-out set | veto threshold (from the other sets) | engine P / R / F1 | with veto P / R / F1 | vetoed: false promises / real ones |',
);
console.log('|---|---|---|---|---|');
const before: Prf[] = [];
const after: Prf[] = [];
const heldSets = arg('--held')?.split(',') ?? blindSets;
for (const h of heldSets)
  if (!blindSets.includes(h)) throw new Error(`--held: ${h} has no ${engine} engine's promises`);
for (const held of heldSets) {
  const fixed = arg('--threshold');
  const t = fixed === undefined ? choose(held, chooseOn) : Number(fixed);
  const p = scores(others(held), held);
  const a = figures(held, p, 0, false, engine);
  const b = figures(held, p, t, args.includes('--list'), engine);
  before.push(a);
  after.push(b);
  console.log(`| ${held} | ${t} | ${show(a)} | ${show(b)} | ${b.vetoedRight} / ${b.vetoedWrong} |`);
}
const [a, b] = [sum(before), sum(after)];
console.log(`| **all** | | ${show(a)} | ${show(b)} | ${b.vetoedRight} / ${b.vetoedWrong} |`);
