import { once } from 'node:events';
import { loadConfig } from '../../core/config.js';
import { KefuError } from '../../core/errors.js';
import { prioritizeProcess } from '../../agent/priority.js';
import { defineCommand } from '../command.js';

export const agentCommand = defineCommand({
  name: 'agent',
  summary: 'Run the call bot: a LiveKit Agents worker that joins each dispatched call and coaches the merchant.',
  usage: 'kefu agent [--health-port PORT]',
  details: [
    'Needs LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET; registers as KEFU_AGENT_NAME for explicit dispatch.',
    'With DATABASE_URL every call runs in this process (KEFU_BOT_EXECUTOR=process: a job process per',
    'call); with the embedded database this command serves on KEFU_DB_PORT, a job process per call,',
    'one call at a time per worker.',
    "--health-port PORT  the worker's health endpoint (default 8081)",
  ].join('\n'),
  options: { 'health-port': { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run({ values, log }) {
    // First, so that loading the worker, migrating and the job processes' warm-up (forked later,
    // inheriting it) run at the bot's priority too: on a busy host they took 20 s and more at the
    // default one, and the worker registered late or not at all (decision 0310).
    const config = loadConfig();
    const refused = prioritizeProcess(config.agentNice);
    if (refused) log(`agent: ${refused}`);
    const [{ createWorker, prepareExecutor }, { jobDatabaseUrl }, { openDatabase }, { migrateDatabase }] =
      await Promise.all([
        import('../../agent/worker.js'),
        import('../../agent/job.js'),
        import('../../db/client.js'),
        import('../runtime.js'),
      ]);
    const healthPort = typeof values['health-port'] === 'string' ? Number(values['health-port']) : undefined;
    const worker = createWorker(config, { healthPort });
    jobDatabaseUrl(config); // refuses an embedded database without a fixed port, before anything opens
    // Owns the embedded folder and serves it on KEFU_DB_PORT for the job processes; or DATABASE_URL.
    const db = await openDatabase(config.database);
    try {
      if (db.owner) {
        // Job processes find the database from KEFU_DB_PORT, which is not where the owner serves it.
        throw new KefuError(
          'DB_IN_USE',
          `Kefu (pid ${db.owner.pid}) owns this data folder; stop it, or run the bot with DATABASE_URL.`,
        );
      }
      const report = await migrateDatabase(db, config.database);
      log(`migrate: ${report.applied.length} applied, ${report.alreadyApplied} already applied`);
      await prepareExecutor(config);
      log(`agent: registering as "${config.livekit?.agentName}" at ${config.livekit?.url}`);
      const stop = Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]).then(() => worker.close());
      await Promise.race([worker.run(), stop]);
      await worker.close();
    } finally {
      await db.close();
    }
    return 0;
  },
});
