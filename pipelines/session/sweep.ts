import { z } from 'zod';
import type { CallEvent } from '../../core/events.js';
import type { Sql } from '../../db/client.js';
import { getCall, listAbandonedCalls } from '../../db/queries/calls.js';
import type { JobDefinition, JobQueue } from '../jobs/queue.js';
import type { CallAnalyzers } from './analyzers.js';
import { CallSession } from './call-session.js';
import { finishCall } from './end-call.js';
import { withdrawStoppedOfEndedCalls } from './stopped-provisionals.js';

export interface SweepDeps {
  sql: Sql;
  analyzers: CallAnalyzers;
  /** Where an ended call's events go (the dashboard's bus), with the merchant they belong to. */
  publish: (merchantId: string, event: CallEvent) => void;
  log: (line: string) => void;
  /** A call is abandoned when neither a heartbeat nor an utterance came for this long. */
  staleAfterSeconds: number;
}

/** How often the sweeper looks (pg-boss cron: every minute). */
export const SWEEP_CRON = '* * * * *';

/**
 * Ends the calls whose bot is gone (crashed, killed, its server stopped mid-call) with the same
 * workflow a call's own end runs, so every stored flag reaches a moderation case. One job per
 * call, one at a time per call across every Kefu process.
 */
export function sweepJobs(deps: SweepDeps, queue: Pick<JobQueue, 'send'>) {
  const finish: JobDefinition<{ callId: string }> = {
    name: 'call.finish',
    data: z.object({ callId: z.uuid() }),
    policy: 'singleton',
    run: async ({ callId }) => {
      const call = await getCall(deps.sql, callId);
      if (!call || call.status === 'ended') return;
      const [abandoned] = (await listAbandonedCalls(deps.sql, staleBefore(deps))).filter((c) => c.id === callId);
      if (!abandoned) return; // its bot came back
      const session = await CallSession.resume(
        { sql: deps.sql, analyzers: deps.analyzers, emit: (e) => deps.publish(call.merchantId, e) },
        callId,
      );
      const ended = await finishCall(deps.sql, session, abandoned.lastActivity);
      deps.log(
        `sweep: call ${callId} ended (no heartbeat or utterance since ${abandoned.lastActivity.toISOString()}); ${ended.case?.attached ?? 0} flags to moderation`,
      );
    },
  };
  const sweep: JobDefinition<Record<string, never>> = {
    name: 'calls.sweep',
    data: z.object({}).strict() as z.ZodType<Record<string, never>>,
    policy: 'singleton',
    run: async () => {
      for (const c of await listAbandonedCalls(deps.sql, staleBefore(deps))) {
        await queue.send(finish, { callId: c.id }, { singletonKey: c.id });
      }
    },
  };
  return { finish, sweep };
}

function staleBefore(deps: Pick<SweepDeps, 'staleAfterSeconds'>): Date {
  return new Date(Date.now() - deps.staleAfterSeconds * 1000);
}

/** Starts sweeping in this process: once now (what the last run left behind), then every minute. */
export async function startSweeper(deps: SweepDeps, queue: JobQueue): Promise<void> {
  // Once per start: a call that ended while a bot was gone keeps no provisional reply unsettled
  // (decision 0530). Every call's own end settles them, so this is a backstop, not a minute's work.
  const withdrawn = await withdrawStoppedOfEndedCalls(deps.sql, deps.publish);
  if (withdrawn > 0) deps.log(`sweep: ${withdrawn} provisional replies of ended calls withdrawn`);
  const { finish, sweep } = sweepJobs(deps, queue);
  await queue.work(finish);
  await queue.work(sweep);
  await queue.every(sweep, SWEEP_CRON, {});
  await queue.send(sweep, {});
}
