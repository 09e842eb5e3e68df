/**
 * One call's suggestion reading, line by line: the problem heard, the remedy settled, the refund
 * options shown. For reading a miss, not for scoring.
 *
 *   npx tsx eval/suggest-calls/trace.ts --set DIR NAME-PREFIX...
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../core/config.js';
import { parseStartedAt } from '../../core/time.js';
import { analyzeTranscript } from '../../pipelines/session/analyze-transcript.js';
import { buildAnalyzers } from '../../pipelines/session/build-analyzers.js';
import { CallReading } from '../../pipelines/suggest/call-reading.js';
import { assessIssue } from '../../pipelines/suggest/issue.js';
import { parseTranscriptJsonl } from '../../pipelines/transcript/jsonl.js';

const args = process.argv.slice(2);
const set = args[args.indexOf('--set') + 1] ?? 'eval/blind-g';
const prefixes = args.filter((a, i) => a !== '--set' && args[i - 1] !== '--set');
const dir = resolve(import.meta.dirname, '..', '..', set);
const config = loadConfig();
const analyzers = await buildAnalyzers({ config, onFallback: () => {} });
for (const file of readdirSync(join(dir, 'calls')).sort()) {
  if (!prefixes.some((p) => file.startsWith(p))) continue;
  const name = file.replace(/\.jsonl$/, '');
  const expected = JSON.parse(readFileSync(join(dir, 'expected', `${name}.json`), 'utf8'));
  const lines = parseTranscriptJsonl(readFileSync(join(dir, 'calls', file), 'utf8'), name);
  const { at, timeZone } = parseStartedAt(expected.startedAt, config.timeZone);
  const { findings } = await analyzeTranscript(analyzers, lines, { startedAt: at, timeZone });
  const reading = new CallReading(lines);
  console.log(`== ${name} expected ${expected.recommendedRefund}`);
  lines.forEach((l, i) => {
    const issue = assessIssue(lines, i, { reading, fresh: reading.named('goods.fresh', i) });
    const remedy = issue ? reading.remedySince(issue.utterance, i) : null;
    console.log(
      `${String(i).padStart(2)} ${l.speaker[0]} ${issue ? `${issue.kind}@${issue.utterance}(${issue.cue})` : '-'} ${remedy ? `${remedy.remedy}@${remedy.line}` : ''} | ${l.text.slice(0, 60)}`,
    );
  });
  console.log(
    '  options:',
    findings.refundOptions
      .map((o) => `${o.recommended ? '*' : ''}${o.kind} ${o.amountToBeConfirmed ? '?' : o.amount}`)
      .join(', '),
  );
}
