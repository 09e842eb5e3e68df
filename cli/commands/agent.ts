import { once } from 'node:events';
import { loadConfig } from '../../core/config.js';
import type { EmbeddedPostgres } from '../../db/embedded.js';
import { defineCommand } from '../command.js';

export const agentCommand = defineCommand({
  name: 'agent',
  summary: 'Run the call bot: a LiveKit Agents worker that joins each dispatched call and coaches the merchant.',
  usage: 'kefu agent [--health-port PORT]',
  details: [
    'Needs LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET; registers as KEFU_AGENT_NAME for explicit dispatch.',
    'Each call runs in a job process of its own that connects to DATABASE_URL, or to the embedded',
    'database this command serves on KEFU_DB_PORT (then one call at a time per worker).',
    "--health-port PORT  the worker's health endpoint (default 8081)",
  ].join('\n'),
  options: { 'health-port': { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run({ values, log }) {
    const [{ createWorker }, { jobDatabaseUrl }, { createSql }, { startEmbeddedPostgres }, { migrate }] =
      await Promise.all([
        import('../../agent/worker.js'),
        import('../../agent/job.js'),
        import('../../db/client.js'),
        import('../../db/embedded.js'),
        import('../../db/migrate.js'),
      ]);
    const config = loadConfig();
    const healthPort = typeof values['health-port'] === 'string' ? Number(values['health-port']) : undefined;
    const worker = createWorker(config, { healthPort });
    const url = jobDatabaseUrl(config);
    // The embedded database lives in this process; job processes reach it over its socket.
    const embedded: EmbeddedPostgres | undefined =
      config.database.kind === 'embedded'
        ? await startEmbeddedPostgres({ dataDir: config.database.dataDir, port: config.database.port })
        : undefined;
    try {
      const sql = createSql(url, { max: 1 });
      try {
        const report = await migrate(sql);
        log(`migrate: ${report.applied.length} applied, ${report.alreadyApplied} already applied`);
      } finally {
        await sql.end();
      }
      log(`agent: registering as "${config.livekit?.agentName}" at ${config.livekit?.url}`);
      const stop = Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]).then(() => worker.close());
      await Promise.race([worker.run(), stop]);
      await worker.close();
    } finally {
      await embedded?.stop();
    }
    return 0;
  },
});
