/**
 * Prints the compliance development set's figures per category and language, and every miss:
 * `npx tsx pipelines/compliance/testing/dev-set/measure.ts [--holdout] [--misses] [--cross]`.
 */
import { ComplianceDetector } from '../../detector.js';
import { HOLDOUT } from './holdout.js';
import { DEV_SET } from './index.js';
import { runDevSet, scoreDevSet } from './score.js';

const outcomes = await runDevSet(new ComplianceDetector(), process.argv.includes('--holdout') ? HOLDOUT : DEV_SET);
const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(5);
console.log('category              lang  found/viol  recall  false/neg  precision');
for (const s of scoreDevSet(outcomes)) {
  console.log(
    `${s.category.padEnd(21)} ${s.language}    ${`${s.found}/${s.violations}`.padStart(6)}   ${pct(s.recall)}   ${`${s.falselyFlagged}/${s.negatives}`.padStart(6)}    ${pct(s.precision)}`,
  );
}
const total = outcomes.filter((o) => o.ok).length;
console.log(`\n${total}/${outcomes.length} fragments as labelled`);
if (process.argv.includes('--cross')) {
  for (const o of outcomes) {
    const other = o.flags.filter((f) => f.category !== o.case.expect);
    if (o.case.expect && other.length > 0)
      console.log(`ALSO  [${o.case.category}] ${other.map((f) => `${f.category} ${f.label}`).join('; ')}`);
  }
}
if (process.argv.includes('--misses')) {
  for (const o of outcomes.filter((x) => !x.ok)) {
    const text = o.case.lines.map(([s, t]) => `${s[0]}: ${t}`).join(' / ');
    console.log(
      `${o.case.expect ? 'MISS ' : 'FALSE'} [${o.case.category}] ${text}  ${o.flags.map((f) => f.label).join('; ')}`,
    );
  }
}
