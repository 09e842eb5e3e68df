/**
 * `npx tsx eval/promises-dev/score.ts [--misses]`: the promise engine on the development set.
 * A found promise counts when its action and `conditional` match an expected one of that line.
 */
import { readFileSync } from 'node:fs';
import { findPromisesInLine } from '../../pipelines/notes/index.js';

interface DevLine {
  speaker: 'merchant' | 'customer';
  text: string;
  expect: [string, boolean][];
}
const { lines } = JSON.parse(readFileSync(new URL('./lines.json', import.meta.url), 'utf8')) as { lines: DevLine[] };
const ctx = { startedAt: new Date('2026-11-24T02:00:00Z'), timeZone: 'Asia/Shanghai' };
let tp = 0;
let fp = 0;
let fn = 0;
const misses: string[] = [];
lines.forEach((l, i) => {
  const found = findPromisesInLine({ speaker: l.speaker, text: l.text, startMs: 0, endMs: 1 }, i, ctx).map(
    (p) => `${p.action}${p.conditional ? '?' : ''}`,
  );
  const want = l.expect.map(([a, c]) => `${a}${c ? '?' : ''}`);
  const left = [...want];
  for (const f of found) {
    const at = left.indexOf(f);
    if (at >= 0) {
      tp++;
      left.splice(at, 1);
    } else fp++;
  }
  fn += left.length;
  if (left.length > 0 || found.length !== want.length)
    misses.push(`${l.text}\n    want [${want.join(', ')}] got [${found.join(', ')}]`);
});
const p = tp / (tp + fp || 1);
const r = tp / (tp + fn || 1);
console.log(
  `promise dev set: ${lines.length} lines, precision ${(p * 100).toFixed(1)}%, recall ${(r * 100).toFixed(1)}%, F1 ${((2 * p * r) / (p + r || 1)).toFixed(2)} (tp ${tp}, fp ${fp}, fn ${fn})`,
);
if (process.argv.includes('--misses')) for (const m of misses) console.log(`  ${m}`);
