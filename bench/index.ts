import { runBotBench } from './bot.js';
import { runBotLoadBench } from './bot-load.js';
import { runCliBench } from './cli.js';
import { runDashboardBench } from './dashboard.js';
import { runLanguageBench } from './language.js';
import { runModerationBench } from './moderation.js';
import { runRetrievalBench } from './retrieval.js';
import { runSpeechBench } from './speech.js';
import { runTextPipelineBench } from './text-pipeline.js';

/** `npm run bench [-- NAME…]`: every benchmark, or the ones named. Each prints its own figures. */
const BENCHES: Record<string, () => Promise<unknown>> = {
  cli: () => runCliBench(),
  text: () => runTextPipelineBench(),
  language: () => runLanguageBench(),
  retrieval: () => runRetrievalBench(),
  moderation: () => runModerationBench(),
  speech: () => runSpeechBench(),
  bot: () => runBotBench(),
  'bot-load': () => runBotLoadBench(),
  dashboard: () => runDashboardBench(),
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : Object.keys(BENCHES)) {
  console.log(`\n== ${name} ==`);
  const t = performance.now();
  await BENCHES[name]!();
  console.log(`(${name}: ${((performance.now() - t) / 1000).toFixed(1)} s)`);
}
