/**
 * `npx tsx eval/promises-dev/score.ts [--lines FILE] [--veto] [--misses]`: the promise engine on a
 * set of single lines (default: this folder's lines.json; `--lines eval/promises-probe/lines.json`
 * is the session-10 probe). A found promise counts when its action and `conditional` match an
 * expected one of that line; a line that names a `deadline` is checked against the matched
 * promise's. `--veto` runs the engine with the shipped promise-line veto (decision 0340).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultPromiseVeto } from '../../pipelines/learn/promise-veto.js';
import { findPromisesInLine } from '../../pipelines/notes/index.js';

interface DevLine {
  speaker: 'merchant' | 'customer';
  text: string;
  expect: [string, boolean][];
  deadline?: string;
}
const args = process.argv.slice(2);
const file = args.includes('--lines')
  ? resolve(args[args.indexOf('--lines') + 1]!)
  : new URL('./lines.json', import.meta.url);
const { lines } = JSON.parse(readFileSync(file, 'utf8')) as { lines: DevLine[] };
const ctx = {
  startedAt: new Date('2026-11-24T02:00:00Z'),
  timeZone: 'Asia/Shanghai',
  ...(args.includes('--veto') ? { veto: defaultPromiseVeto() } : {}),
};
let tp = 0;
let fp = 0;
let fn = 0;
let dated = 0;
let datedRight = 0;
const misses: string[] = [];
lines.forEach((l, i) => {
  const got = findPromisesInLine({ speaker: l.speaker, text: l.text, startMs: 0, endMs: 1 }, i, ctx);
  const found = got.map((p) => `${p.action}${p.conditional ? '?' : ''}`);
  const want = l.expect.map(([a, c]) => `${a}${c ? '?' : ''}`);
  const left = [...want];
  let wrongDate = false;
  found.forEach((f, k) => {
    const at = left.indexOf(f);
    if (at >= 0) {
      tp++;
      if (l.deadline !== undefined && at === 0 && left.length === want.length) {
        dated++;
        if (got[k]!.deadline === l.deadline) datedRight++;
        else wrongDate = true;
      }
      left.splice(at, 1);
    } else fp++;
  });
  fn += left.length;
  if (left.length > 0 || found.length !== want.length || wrongDate)
    misses.push(
      `${l.text}\n    want [${want.join(', ')}]${l.deadline ? ` by ${l.deadline}` : ''} got [${got.map((p) => `${p.action}${p.conditional ? '?' : ''} ${p.deadline ?? '-'}`).join(', ')}]`,
    );
});
const p = tp / (tp + fp || 1);
const r = tp / (tp + fn || 1);
console.log(
  `promise lines: ${lines.length} lines, precision ${(p * 100).toFixed(1)}%, recall ${(r * 100).toFixed(1)}%, F1 ${((2 * p * r) / (p + r || 1)).toFixed(2)} (tp ${tp}, fp ${fp}, fn ${fn}); deadline right ${datedRight}/${dated} of matched dated lines`,
);
if (args.includes('--misses')) for (const m of misses) console.log(`  ${m}`);
