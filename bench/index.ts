import { runAgainst } from './against.js';
import { runBotBench } from './bot.js';
import { runBotDecoderBench } from './bot-decoder.js';
import { runBotLoadBench } from './bot-load.js';
import { runBotMemoryBench } from './bot-memory.js';
import { runBotStagesBench } from './bot-stages.js';
import { runBotWerBench } from './bot-wer.js';
import { runCliBench } from './cli.js';
import { runDashboardBench } from './dashboard.js';
import { runLanguageBench } from './language.js';
import { runModerationBench } from './moderation.js';
import { runRecordingBench } from './recording.js';
import { runRetrievalBench } from './retrieval.js';
import { runSpeechBench } from './speech.js';
import { runTextPipelineBench } from './text-pipeline.js';
import { runVadQuietBench } from './vad-quiet.js';

/**
 * `npm run bench [-- NAME…] [--against REF|DIR]`: every benchmark, or the ones named. Each prints its
 * own figures; with --against, also at git ref REF or in checkout DIR at the same time, side by
 * side (bench/against.ts).
 */
const BENCHES: Record<string, () => Promise<unknown>> = {
  cli: () => runCliBench(),
  text: () => runTextPipelineBench(),
  'text-dist': () => runTextPipelineBench({ compiled: true }),
  language: () => runLanguageBench(),
  retrieval: () => runRetrievalBench(),
  moderation: () => runModerationBench(),
  speech: () => runSpeechBench(),
  bot: () => runBotBench(),
  'bot-load': () => runBotLoadBench(),
  'bot-decoder': () => runBotDecoderBench(),
  'bot-stages': () => runBotStagesBench(),
  'bot-memory': () => runBotMemoryBench(),
  'bot-wer': () => runBotWerBench(),
  'vad-quiet': () => runVadQuietBench(),
  dashboard: () => runDashboardBench(),
  recording: () => runRecordingBench(),
};

const args = process.argv.slice(2);
const flag = args.indexOf('--against');
const against = flag >= 0 ? args[flag + 1] : undefined;
if (flag >= 0 && (!against || against.startsWith('-'))) {
  console.error('bench: --against needs a git ref, e.g. npm run bench -- text --against main');
  process.exit(2);
}
const asked = flag >= 0 ? args.filter((_, i) => i !== flag && i !== flag + 1) : args;
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
if (against) {
  await runAgainst(against, asked);
  process.exit(0);
}
for (const name of asked.length > 0 ? asked : Object.keys(BENCHES)) {
  console.log(`\n== ${name} ==`);
  const t = performance.now();
  await BENCHES[name]!();
  console.log(`(${name}: ${((performance.now() - t) / 1000).toFixed(1)} s)`);
}
