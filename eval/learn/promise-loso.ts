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
 *
 * --held scores only the named sets (each still trained and its threshold chosen without it).
 *
 * Features are the compliance classifier's (features.ts) of the line alone: the promise engine
 * judges a line by its words, memoised by text (decision 0320), so the veto may not read the
 * line before it.
 */
import { blindSets, choose, f1, figures, others, type Prf, scores, sum } from './promise-common.js';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

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
  if (!(blindSets as readonly string[]).includes(h)) throw new Error(`--held: ${h} has no blind engine`);
for (const held of heldSets) {
  const fixed = arg('--threshold');
  const t = fixed === undefined ? choose(held) : Number(fixed);
  const p = scores(others(held), held);
  const a = figures(held, p, 0);
  const b = figures(held, p, t, args.includes('--list'));
  before.push(a);
  after.push(b);
  console.log(`| ${held} | ${t} | ${show(a)} | ${show(b)} | ${b.vetoedRight} / ${b.vetoedWrong} |`);
}
const [a, b] = [sum(before), sum(after)];
console.log(`| **all** | | ${show(a)} | ${show(b)} | ${b.vetoedRight} / ${b.vetoedWrong} |`);
