/**
 * The notes engineer's own probe (session 10): 34 short exchanges written before the session's
 * amount and order changes, in the register of real calls (ASR without punctuation, numbers as
 * words 三千二 / 幺 / "four fifty", masks, chat typos, quid and pounds). Scores the amounts and
 * order numbers the notes find against the labels. Its first run is `first-run.txt`; it is never
 * fitted against afterwards.
 *
 *   npx tsx eval/notes-probe/score.ts [--verbose]
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { findAmountNotes, findOrderNumbers } from '../../pipelines/notes/index.js';
import { spacedLines } from '../analyze/in-process.js';

const Call = z.object({
  id: z.string(),
  lines: z.array(z.tuple([z.enum(['customer', 'merchant']), z.string()])),
  orders: z.array(z.string()),
  amounts: z.array(z.tuple([z.number(), z.string()])),
});
const calls = readFileSync(new URL('./calls.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => Call.parse(JSON.parse(l)));
const verbose = process.argv.includes('--verbose');

const tally = { orders: { tp: 0, fp: 0, fn: 0 }, amounts: { tp: 0, fp: 0, fn: 0 } };
const misses: string[] = [];
function compare(kind: 'orders' | 'amounts', id: string, expected: string[], got: string[]): void {
  const left = [...got];
  for (const e of expected) {
    const i = left.indexOf(e);
    if (i >= 0) {
      tally[kind].tp++;
      left.splice(i, 1);
    } else {
      tally[kind].fn++;
      misses.push(`${id} ${kind}: expected ${e}`);
    }
  }
  for (const g of left) {
    tally[kind].fp++;
    misses.push(`${id} ${kind}: got ${g}`);
  }
}
for (const c of calls) {
  const lines = spacedLines(c.lines);
  compare(
    'orders',
    c.id,
    c.orders,
    findOrderNumbers(lines).map((o) => o.value),
  );
  compare(
    'amounts',
    c.id,
    c.amounts.map(([v, cur]) => `${v} ${cur}`),
    findAmountNotes(lines).map((a) => `${a.value} ${a.currency}`),
  );
}
const pct = (n: number, d: number) => (d === 0 ? '  -  ' : `${((100 * n) / d).toFixed(1)}%`);
console.log(`notes probe: ${calls.length} exchanges`);
for (const [kind, t] of Object.entries(tally)) {
  const p = t.tp / (t.tp + t.fp);
  const r = t.tp / (t.tp + t.fn);
  console.log(
    `${kind.padEnd(8)} P ${pct(t.tp, t.tp + t.fp)}  R ${pct(t.tp, t.tp + t.fn)}  F1 ${pct(2 * p * r, p + r)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`,
  );
}
if (verbose || misses.length <= 40) for (const m of misses) console.log(`- ${m}`);
