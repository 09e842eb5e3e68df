/**
 * The text pipeline over N first-seen lines and nothing else, for an instruction count that a busy
 * machine does not move: run under callgrind at N and at 0 and subtract (the start-up cancels).
 *
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null node --import tsx bench/text-count.ts N
 */
import { loadConfig } from '../core/config.js';
import { buildAnalyzers } from '../pipelines/session/build-analyzers.js';
import { CallAnalysis } from '../pipelines/session/call-analysis.js';
import { firstSeenTranscript } from './text-pipeline.js';

const n = Number(process.argv[2] ?? 500);
const analyzers = await buildAnalyzers({ config: loadConfig({}), warm: true });
const analysis = new CallAnalysis(analyzers, {
  startedAt: new Date(0),
  timeZone: 'Asia/Shanghai',
  language: 'zh',
  orders: [],
});
for (const line of firstSeenTranscript(n)) await analysis.hear(line);
process.exit(0);
