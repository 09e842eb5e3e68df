/**
 * Kefu's one durable job queue: pg-boss in the `pgboss` schema of Kefu's own Postgres (embedded or
 * not), so any number of Kefu processes share it, a job whose worker died is retried after its
 * heartbeat lapses, and nothing is held in memory only. See docs/decisions/0151-job-queue.md.
 *
 * Other parts of Kefu register work here (`defineJob`) and schedule it (`send`, `every`); this
 * module knows no job by name.
 */
import { PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { Sql } from '../../db/client.js';
import { postgresJsExecutor } from './executor.js';

export interface JobDefinition<T> {
  /** Queue name, dotted lowercase like events: `calls.sweep`. */
  name: string;
  data: z.ZodType<T>;
  /** `singleton`: one job per singletonKey runs at a time (e.g. one finish per call). */
  policy?: 'standard' | 'singleton';
  retryLimit?: number;
  /** A worker that stops heart-beating this long is presumed dead; its job is retried. */
  heartbeatSeconds?: number;
  run: (data: T) => Promise<void>;
}

export interface JobQueue {
  /** Starts working a queue in this process (creating it if new). */
  work<T>(job: JobDefinition<T>): Promise<void>;
  send<T>(
    job: JobDefinition<T>,
    data: T,
    options?: { singletonKey?: string; startAfterSeconds?: number },
  ): Promise<void>;
  /** A recurring job on a cron schedule; one schedule per name however many processes set it. */
  every<T>(job: JobDefinition<T>, cron: string, data: T): Promise<void>;
  stop(): Promise<void>;
}

export async function startJobQueue(sql: Sql, log: (line: string) => void): Promise<JobQueue> {
  // A role that owns nothing (decision 0173) may not create schemas: the migration owner made this one for it.
  const [made] = await sql`select 1 from pg_namespace where nspname = 'pgboss'`;
  const boss = new PgBoss({
    db: postgresJsExecutor(sql),
    schema: 'pgboss',
    createSchema: !made,
    // Monitoring and maintenance run on every instance; a few times a minute is plenty for Kefu.
    superviseIntervalSeconds: 60,
    maintenanceIntervalSeconds: 300,
  });
  boss.on('error', (err: Error) => log(`jobs: ${err.message}`));
  await boss.start();
  const created = new Set<string>();
  const ensure = async (job: JobDefinition<unknown>) => {
    if (created.has(job.name)) return;
    await boss.createQueue(job.name, {
      policy: job.policy ?? 'standard',
      retryLimit: job.retryLimit ?? 3,
      retryDelay: 5,
      retryBackoff: true,
      heartbeatSeconds: job.heartbeatSeconds ?? 60,
    });
    created.add(job.name);
  };
  return {
    async work(job) {
      await ensure(job as JobDefinition<unknown>);
      await boss.work(job.name, { pollingIntervalSeconds: 2 }, async (jobs) => {
        for (const j of jobs) await job.run(job.data.parse(j.data));
      });
    },
    async send(job, data, options = {}) {
      await ensure(job as JobDefinition<unknown>);
      await boss.send(job.name, job.data.parse(data) as object, {
        singletonKey: options.singletonKey,
        startAfter: options.startAfterSeconds,
      });
    },
    async every(job, cron, data) {
      await ensure(job as JobDefinition<unknown>);
      await boss.schedule(job.name, cron, job.data.parse(data) as object);
    },
    async stop() {
      await boss.stop({ graceful: true, close: false, timeout: 10_000 });
    },
  };
}
