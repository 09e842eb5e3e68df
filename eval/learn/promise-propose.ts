/**
 * Could the promise-line model PROPOSE promises the engine missed (decision 0885)? Read-only: for
 * each held-out set, the lines on which the engine (blind-time or today's, veto off) recorded no
 * promise, scored by a model trained without the set; at each threshold, how many of them carry an
 * expected promise (a recall the engine missed) and how many do not (a false promise the proposal
 * would add). A proposal would still need an action class and a deadline the model does not give.
 *
 *   npx tsx eval/learn/promise-propose.ts [--engine blind|today] [--list T]
 *
 * Without --engine, both tables (blind-time engines, then today's).
 */
import { bySet, others, type PromiseEngine, positive, recordedOf, scores, setsOf } from './promise-common.js';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const engines = (arg('--engine') ? [arg('--engine')] : ['blind', 'today']) as PromiseEngine[];
const listAt = arg('--list') === undefined ? undefined : Number(arg('--list'));
const STEPS = [0.5, 0.7, 0.8, 0.9, 0.95];
for (const engine of engines) {
  console.log(`\n${engine} engine\n`);
  console.log(
    `| held-out set | expected promises | missed by the engine | ${STEPS.map((t) => `≥ ${t}: right / wrong`).join(' | ')} |`,
  );
  console.log(`|---|---|---|${STEPS.map(() => '---').join('|')}|`);
  const total = { n: 0, missed: 0, at: STEPS.map(() => ({ right: 0, wrong: 0 })) };
  for (const held of setsOf(engine)) {
    const p = scores(others(held), held);
    const row = { n: 0, missed: 0, at: STEPS.map(() => ({ right: 0, wrong: 0 })) };
    bySet.get(held)!.forEach((c, ci) => {
      const got = recordedOf(engine, `${c.set}/${c.name}`);
      c.lines.forEach((line, i) => {
        const truth = positive(c, i);
        if (truth) row.n++;
        if (got.some((g) => g.utterance === i)) return;
        if (truth) row.missed++;
        STEPS.forEach((t, k) => {
          if (p[ci]![i]! < t) return;
          if (truth) row.at[k]!.right++;
          else row.at[k]!.wrong++;
        });
        if (listAt !== undefined && p[ci]![i]! >= listAt)
          console.error(
            `${truth ? 'right' : 'WRONG'} ${c.set}/${c.name}@${i} p=${p[ci]![i]!.toFixed(2)} ${line.text.slice(0, 70)}`,
          );
      });
    });
    total.n += row.n;
    total.missed += row.missed;
    row.at.forEach((x, k) => {
      total.at[k]!.right += x.right;
      total.at[k]!.wrong += x.wrong;
    });
    console.log(`| ${held} | ${row.n} | ${row.missed} | ${row.at.map((x) => `${x.right} / ${x.wrong}`).join(' | ')} |`);
  }
  console.log(
    `| **all** | ${total.n} | ${total.missed} | ${total.at.map((x) => `${x.right} / ${x.wrong}`).join(' | ')} |`,
  );
}
