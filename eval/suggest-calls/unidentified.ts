/**
 * The calls of a development set whose expected remedy is some refund option but where no buyer
 * line was heard naming a problem: the population decision 0655 studies. Prints each such call's
 * buyer lines. Usage: npx tsx eval/suggest-calls/unidentified.ts --set eval/<set> [--set …]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CallReading } from '../../pipelines/suggest/call-reading.js';
import { assessIssue } from '../../pipelines/suggest/issue.js';
import { parseTranscriptJsonl } from '../../pipelines/transcript/jsonl.js';

const args = process.argv.slice(2);
const sets = args.flatMap((a, i) => (args[i - 1] === '--set' ? [resolve(a)] : []));
let total = 0;
let missed = 0;
for (const dir of sets) {
  for (const file of readdirSync(join(dir, 'calls')).sort()) {
    const name = file.replace(/\.jsonl$/, '');
    const expected = JSON.parse(readFileSync(join(dir, 'expected', `${name}.json`), 'utf8')) as {
      recommendedRefund: string | null;
    };
    if (!expected.recommendedRefund) continue;
    total++;
    const lines = parseTranscriptJsonl(readFileSync(join(dir, 'calls', file), 'utf8'), name);
    const reading = new CallReading(lines);
    const heard = lines.some(
      (l, i) =>
        l.speaker === 'customer' && assessIssue(lines, i, { reading, fresh: reading.named('goods.fresh', i) }) !== null,
    );
    if (heard) continue;
    missed++;
    console.log(`## ${dir.split('/').pop()} ${name} → ${expected.recommendedRefund}`);
    for (const l of lines.filter((x) => x.speaker === 'customer').slice(0, 4)) console.log(`   ${l.text}`);
  }
}
console.log(`unidentified ${missed} of ${total} calls with a remedy expected`);
