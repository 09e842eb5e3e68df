/**
 * The promise veto's judgment of each probe call's merchant line (decision 0885): the model's
 * probability, sorted, P for a line with an expected promise and - for a look-alike.
 *
 *   npx tsx eval/learn14-probe-19/veto-scores.ts [MODEL_FILE]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPromiseVeto } from '../../pipelines/learn/promise-veto.js';

const veto = loadPromiseVeto(process.argv[2]);
const dir = import.meta.dirname;
const rows = readdirSync(join(dir, 'calls'))
  .sort()
  .map((f) => {
    const lines = readFileSync(join(dir, 'calls', f), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const name = f.replace('.jsonl', '');
    const expected = JSON.parse(readFileSync(join(dir, 'expected', `${name}.json`), 'utf8'));
    const line = lines.find((l: { speaker: string }) => l.speaker === 'merchant');
    return { p: veto.probability(line), mark: expected.promises.length ? 'P' : '-', name, text: line.text as string };
  })
  .sort((a, b) => a.p - b.p);
console.log(`threshold ${veto.model.threshold}`);
for (const r of rows) console.log(`${r.mark} ${r.p.toFixed(3)} ${r.name} ${r.text}`);
