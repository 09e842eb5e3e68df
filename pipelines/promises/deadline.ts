import { z } from 'zod';
import type { CallEvent } from '../../core/events.js';
import type { Sql } from '../../db/client.js';
import { listDuePromiseIds } from '../../db/queries/promise-ledger.js';
import type { JobDefinition, JobQueue } from '../jobs/queue.js';
import { openCaseForCall } from '../moderation/open-cases.js';
import type { ModerationSettings } from '../moderation/settings.js';
import { breakPromise, promiseEvent } from './lifecycle.js';
import { promiseRules } from './rules.js';

export interface DeadlineDeps {
  sql: Sql;
  settings: ModerationSettings;
  /** Where a broken promise is announced (the dashboard's bus), with the merchant it belongs to. */
  publish: (merchantId: string, event: CallEvent) => void;
  log: (line: string) => void;
  now?: () => Date;
}

/** How often due promises are looked for (pg-boss cron: every minute). */
export const DEADLINE_CRON = '* * * * *';

/**
 * Closes one due promise as broken and sends its flag to moderation. Safe to run any number of
 * times, in any number of processes: the guarded UPDATE in `breakPromise` lets one through.
 */
export async function closeDuePromise(deps: DeadlineDeps, promiseId: string): Promise<boolean> {
  const change = await breakPromise(deps.sql, promiseId, deps.now?.() ?? new Date());
  if (!change) return false;
  if (change.flagId) await openCaseForCall(deps.sql, change.callId, deps.settings);
  deps.publish(change.merchantId, promiseEvent(change));
  deps.log(`promises: promise ${promiseId} broken (due time passed)${change.flagId ? `, flag ${change.flagId}` : ''}`);
  return true;
}

/** The sweep lists due promises and sends one `promise.deadline` job per promise, keyed by its id. */
export function deadlineJobs(deps: DeadlineDeps, queue: Pick<JobQueue, 'send'>) {
  const close: JobDefinition<{ promiseId: string }> = {
    name: 'promise.deadline',
    data: z.object({ promiseId: z.uuid() }),
    policy: 'singleton',
    run: async ({ promiseId }) => {
      await closeDuePromise(deps, promiseId);
    },
  };
  const sweep: JobDefinition<Record<string, never>> = {
    name: 'promises.sweep',
    data: z.object({}).strict() as z.ZodType<Record<string, never>>,
    policy: 'singleton',
    run: async () => {
      const checked = [...promiseRules().keys()];
      for (const id of await listDuePromiseIds(deps.sql, deps.now?.() ?? new Date(), checked)) {
        await queue.send(close, { promiseId: id }, { singletonKey: id });
      }
    },
  };
  return { close, sweep };
}

/** Works the deadline queues in this process: once now, then every minute. */
export async function startDeadlines(deps: DeadlineDeps, queue: JobQueue): Promise<void> {
  const { close, sweep } = deadlineJobs(deps, queue);
  await queue.work(close);
  await queue.work(sweep);
  await queue.every(sweep, DEADLINE_CRON, {});
  await queue.send(sweep, {});
}
