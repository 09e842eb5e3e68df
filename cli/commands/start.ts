import { isEmpty, seedDemo } from '../../pipelines/demo/seed.js';
import { buildAnalyzers } from '../../pipelines/session/build-analyzers.js';
import { buildSttRouting } from '../../pipelines/speech/router.js';
import { createApp } from '../../web-dashboard/server/app.js';
import { listen } from '../../web-dashboard/server/serve.js';
import { defineCommand } from '../command.js';
import { describeComponents } from '../components.js';
import { openRuntime } from '../runtime.js';

export const startCommand = defineCommand({
  name: 'start',
  summary: 'Start Kefu: database (embedded unless DATABASE_URL), migrations, engines and the dashboard.',
  usage: 'kefu start',
  details:
    'With the embedded database and KEFU_SEED_DEMO=true (the default), an empty database is seeded\n' +
    'with demo data first. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.',
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ log, out }) {
    const { config, db } = await openRuntime(log);
    const stt = buildSttRouting(config);
    try {
      if (db.kind === 'embedded' && config.seedDemo && (await isEmpty(db.sql))) {
        log('seed: empty embedded database, loading demo data');
        await seedDemo(db.sql, { log });
      }
      const analyzers = await buildAnalyzers({ config, sql: db.sql, onFallback: (reason) => log(`llm: ${reason}`) });
      const components = describeComponents(config, db, { ...analyzers.describe(), speech: stt.description });
      const server = await listen(createApp({ sql: db.sql, components }), config.http);
      out(`Kefu dashboard listening on ${server.url}`);
      const width = Math.max(...components.map((c) => c.name.length));
      for (const c of components) out(`  ${c.name.padEnd(width)}  ${c.value}`);
      await waitForStopSignal();
      log('stopping…');
      await server.close();
    } finally {
      await stt.close();
      await db.close();
    }
    return 0;
  },
});

function waitForStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
