import { KefuError } from '../../core/errors.js';
import type { CallEvent } from '../../core/events.js';
import { defineCommand } from '../command.js';

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
    const [
      { listenCallEvents },
      { demoControl, playLiveCalls, playPastCalls },
      { seedDemo },
      { isSeeded, markSeeded },
      { buildAnalyzers },
      { CallEventBus },
      { buildSttRouting },
      { createApp },
      { ensureClientBuilt },
      { LiveFeed },
      { listen },
      { describeComponents },
      { openRuntime },
      { startJobQueue },
      { startSweeper },
      { startDeadlines },
      { openAudioStore },
      { startAudioRetention },
      { moderationSettings },
    ] = await Promise.all([
      import('../../db/queries/call-events.js'),
      import('../../pipelines/demo/play.js'),
      import('../../pipelines/demo/seed.js'),
      import('../../db/queries/seed-runs.js'),
      import('../../pipelines/session/build-analyzers.js'),
      import('../../pipelines/session/event-bus.js'),
      import('../../pipelines/speech/router.js'),
      import('../../web-dashboard/server/app.js'),
      import('../../web-dashboard/server/client-files.js'),
      import('../../web-dashboard/server/live/feed.js'),
      import('../../web-dashboard/server/serve.js'),
      import('../components.js'),
      import('../runtime.js'),
      import('../../pipelines/jobs/queue.js'),
      import('../../pipelines/session/sweep.js'),
      import('../../pipelines/promises/deadline.js'),
      import('../../pipelines/recording/open-store.js'),
      import('../../pipelines/recording/retention.js'),
      import('../../pipelines/moderation/settings.js'),
    ]);
    const { config, db } = await openRuntime(log);
    if (db.owner) {
      await db.close();
      throw new KefuError(
        'DB_IN_USE',
        `Kefu is already running on this data folder (pid ${db.owner.pid}${db.owner.apiUrl ? `, dashboard at ${db.owner.apiUrl}` : ''}). ` +
          'Use that one, stop it first, or set KEFU_DATA_DIR to another folder.',
      );
    }
    const stt = buildSttRouting(config);
    const demo = new AbortController();
    let stopListening: (() => Promise<void>) | undefined;
    let jobs: Awaited<ReturnType<typeof startJobQueue>> | undefined;
    try {
      const wantsDemo = db.kind === 'embedded' && config.seedDemo;
      // Checks the seed's own completion marks, not "are there merchants": a crash mid-seed redoes it.
      if (wantsDemo && !(await isSeeded(db.sql, 'demo-data'))) {
        log('seed: demo data not (fully) loaded, loading it');
        await seedDemo(db.sql, { log });
      }
      const seeded = wantsDemo && !(await isSeeded(db.sql, 'demo-calls'));
      const clientDir = await ensureClientBuilt({ log });
      const analyzers = await buildAnalyzers({
        config,
        sql: db.sql,
        warm: true,
        onFallback: (reason) => log(`llm: ${reason}`),
      });
      const components = describeComponents(config, db, { ...analyzers.describe(), speech: stt.description });
      const bus = new CallEventBus();
      const live = new LiveFeed(bus);
      // Calls a previous run or a crashed bot left active are ended now, then every minute.
      jobs = await startJobQueue(db.sql, log);
      await startSweeper(
        {
          sql: db.sql,
          analyzers,
          log,
          publish: (merchantId, event) => bus.publish({ merchantId, event }),
          staleAfterSeconds: config.callStaleSeconds,
        },
        jobs,
      );
      // Due promises are closed as broken (and flagged) now, then every minute.
      await startDeadlines(
        {
          sql: db.sql,
          settings: moderationSettings(),
          log,
          publish: (merchantId, event) => bus.publish({ merchantId, event }),
        },
        jobs,
      );
      // Call audio is served from, and expired in, the configured store even with recording off.
      const audio = openAudioStore(config.recording);
      await startAudioRetention(
        {
          sql: db.sql,
          store: audio,
          retentionDays: config.recording.retentionDays,
          appealWindowMonths: moderationSettings().appealWindowMonths,
          log,
        },
        jobs,
      );
      // A bot or `kefu replay` in another process reaches the dashboard through NOTIFY.
      stopListening = await listenCallEvents(db, (n) => live.fromPostgres(n));
      const demoDeps = {
        sql: db.sql,
        analyzers,
        log,
        signal: demo.signal,
        publish: (merchantId: string, event: CallEvent) => bus.publish({ merchantId, event }),
      };
      const server = await listen(
        createApp({
          sql: db.sql,
          components,
          live,
          clientDir,
          security: { trustProxy: config.http.trustProxy },
          demo: wantsDemo ? demoControl(demoDeps) : undefined,
          webhookSecret: config.platform.webhookSecret,
          audio,
        }),
        config.http,
      );
      db.announce(server.url);
      out(`Kefu dashboard listening on ${server.url}`);
      const width = Math.max(...components.map((c) => c.name.length));
      for (const c of components) out(`  ${c.name.padEnd(width)}  ${c.value}`);
      const demoDone = seeded
        ? playPastCalls({ sql: db.sql, analyzers, log })
            .then(() => markSeeded(db.sql, 'demo-calls'))
            .then(() => playLiveCalls(demoDeps, { rounds: 10, pauseMs: 60_000 }))
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
      await jobs?.stop();
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
