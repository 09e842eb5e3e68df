import { listenCallEvents } from '../../db/queries/call-events.js';
import { playLiveCalls, playPastCalls } from '../../pipelines/demo/play.js';
import { isEmpty, seedDemo } from '../../pipelines/demo/seed.js';
import { buildAnalyzers } from '../../pipelines/session/build-analyzers.js';
import { CallEventBus } from '../../pipelines/session/event-bus.js';
import { buildSttRouting } from '../../pipelines/speech/router.js';
import { createApp } from '../../web-dashboard/server/app.js';
import { ensureClientBuilt } from '../../web-dashboard/server/client-files.js';
import { LiveFeed } from '../../web-dashboard/server/live/feed.js';
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
    'with demo data first, and the demo calls (zh, en) are replayed: once at once as past calls, then\n' +
    'live at real-time pace a few times. Builds the dashboard client if it is missing or stale.\n' +
    'Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.',
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ log, out }) {
    const { config, db } = await openRuntime(log);
    const stt = buildSttRouting(config);
    const demo = new AbortController();
    let stopListening: (() => Promise<void>) | undefined;
    try {
      const seeded = db.kind === 'embedded' && config.seedDemo && (await isEmpty(db.sql));
      if (seeded) {
        log('seed: empty embedded database, loading demo data');
        await seedDemo(db.sql, { log });
      }
      const clientDir = await ensureClientBuilt({ log });
      const analyzers = await buildAnalyzers({ config, sql: db.sql, onFallback: (reason) => log(`llm: ${reason}`) });
      const components = describeComponents(config, db, { ...analyzers.describe(), speech: stt.description });
      const bus = new CallEventBus();
      const live = new LiveFeed(bus);
      // A bot in another process reaches the dashboard through NOTIFY; PGlite serves one connection.
      if (db.kind === 'external') stopListening = await listenCallEvents(db.sql, (n) => live.fromPostgres(n));
      const server = await listen(
        createApp({ sql: db.sql, components, live, clientDir, security: { trustProxy: config.http.trustProxy } }),
        config.http,
      );
      out(`Kefu dashboard listening on ${server.url}`);
      const width = Math.max(...components.map((c) => c.name.length));
      for (const c of components) out(`  ${c.name.padEnd(width)}  ${c.value}`);
      const demoDone = seeded
        ? playPastCalls({ sql: db.sql, analyzers, log })
            .then(() =>
              playLiveCalls(
                {
                  sql: db.sql,
                  analyzers,
                  log,
                  signal: demo.signal,
                  publish: (merchantId, event) => bus.publish({ merchantId, event }),
                },
                { rounds: 10, pauseMs: 60_000 },
              ),
            )
            .catch((err: unknown) => {
              if (!demo.signal.aborted) log(`demo: stopped: ${String(err)}`);
            })
        : Promise.resolve();
      await waitForStopSignal();
      log('stopping…');
      demo.abort();
      await demoDone;
      await server.close();
    } finally {
      await stopListening?.();
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
