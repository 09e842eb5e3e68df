/**
 * The learned layer's privacy gate (pipelines/learn/gate.ts `opens`, spec eval/learn/spec.json) on
 * the probe's merchant lines and on D zh10#3, the line 0765 left: whether the layer may flag a
 * privacy request there at all. The shipped model need not score a line over its threshold for the
 * gate to matter: a retrain moved D zh10#3 over it (0765), so the gate is what holds.
 *
 *   npx tsx eval/actor-probe-17/gate.ts
 */
import { readFileSync } from 'node:fs';
import { opens, type Gate } from '../../pipelines/learn/gate.js';

const spec = JSON.parse(readFileSync(new URL('../learn/spec.json', import.meta.url), 'utf8')) as {
  gates?: Record<string, Gate>;
} & Record<string, unknown>;
const gates = (spec.gates ?? (spec as { models?: { gates?: Record<string, Gate> } }).models?.gates) as Record<
  string,
  Gate
>;
const gate = Object.values(gates).find((g) => g.categories.includes('privacy_request'))!;
const cases = readFileSync(new URL('./cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; expect: string | null; lines: [string, string][] });
const lines: [string, string | null, string][] = [['D-zh10#3', null, '您别急我这边帮您核对一下收款账户']];
for (const c of cases) for (const [who, text] of c.lines) if (who === 'merchant') lines.push([c.id, c.expect, text]);
let wrong = 0;
for (const [id, expect, text] of lines) {
  const open = opens(text, gate, 'privacy_request');
  const bad = expect === null ? open : expect === 'privacy_request' && !open;
  if (bad) wrong++;
  console.log(`${open ? 'open  ' : 'closed'} ${bad ? '✗' : ' '} ${id}: ${text}`);
}
console.log(`gate wrong: ${wrong} (a look-alike open, or a privacy request closed)`);
