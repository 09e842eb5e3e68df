import { z } from 'zod';
import type { Sql } from '../../db/client.js';
import {
  listExpirableAudioCalls,
  listUnpurgedAudio,
  markAudioPurged,
  type RetentionRule,
  withdrawCallAudio,
} from '../../db/queries/audio.js';
import type { JobDefinition, JobQueue } from '../jobs/queue.js';
import { record, SYSTEM } from '../moderation/actor.js';
import type { AudioStore } from './store.js';

export interface RetentionDeps {
  sql: Sql;
  store: AudioStore;
  retentionDays: number;
  /** How long an upheld decision can be appealed (moderation settings). */
  appealWindowMonths: number;
  log: (line: string) => void;
  /** The clock; a test moves it. */
  now?: () => Date;
}

/** pg-boss cron: hourly, off the hour. */
export const RETENTION_CRON = '23 * * * *';
const BATCH = 200;

/**
 * Deletes call audio past its retention period that nothing still needs (decision 0183). Per call,
 * the references are withdrawn and the deletion audited in one transaction; the objects are removed
 * after, each marked purged once gone. A crash anywhere leaves at worst an unreferenced object,
 * which the next run removes: never a reference to a missing file.
 */
export async function expireCallAudio(deps: RetentionDeps): Promise<{ calls: number; objects: number }> {
  const now = deps.now?.() ?? new Date();
  const rule: RetentionRule = {
    endedBefore: new Date(now.getTime() - deps.retentionDays * 86_400_000),
    appealableAfter: monthsBefore(now, deps.appealWindowMonths),
  };
  let calls = 0;
  for (const callId of await listExpirableAudioCalls(deps.sql, rule, BATCH)) {
    const withdrawn = await deps.sql.begin(async (tx) => {
      const w = await withdrawCallAudio(tx, callId, rule, now);
      if (w.segments > 0) {
        await record(tx, SYSTEM, 'audio.deleted', { type: 'call', id: callId }, w, {
          reason: 'retention',
          retentionDays: deps.retentionDays,
        });
      }
      return w.segments;
    });
    if (withdrawn > 0) calls++;
  }
  let objects = 0;
  for (;;) {
    const due = await listUnpurgedAudio(deps.sql, BATCH);
    for (const s of due) {
      await deps.store.delete(s.storageKey);
      await markAudioPurged(deps.sql, s.id, now);
      objects++;
    }
    if (due.length < BATCH) break;
  }
  if (calls + objects > 0) deps.log(`retention: audio of ${calls} calls deleted (${objects} objects)`);
  return { calls, objects };
}

function monthsBefore(at: Date, months: number): Date {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export function retentionJob(deps: RetentionDeps): JobDefinition<Record<string, never>> {
  return {
    name: 'audio.retention',
    data: z.object({}).strict() as z.ZodType<Record<string, never>>,
    policy: 'singleton',
    run: async () => {
      await expireCallAudio(deps);
    },
  };
}

/** Runs retention in this process: once now, then hourly (one schedule across every Kefu process). */
export async function startAudioRetention(deps: RetentionDeps, queue: JobQueue): Promise<void> {
  const job = retentionJob(deps);
  await queue.work(job);
  await queue.every(job, RETENTION_CRON, {});
  await queue.send(job, {});
}
