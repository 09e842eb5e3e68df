/**
 * One dispatched call, wherever it runs: in the job process @livekit/agents forks for it (the
 * `process` executor), or beside other calls in the worker process (`shared`, agent/shared-host.ts).
 * The call's id comes in the dispatch metadata, so a job offered again after a crash resumes the
 * same call.
 */
import { AutoSubscribe, type JobContext } from '@livekit/agents';
import type { Room } from '@livekit/rtc-node';
import { DispatchMetadataSchema } from '../core/copilot.js';
import { type Config, loadConfig, recordsCallsOf } from '../core/config.js';
import { KefuError } from '../core/errors.js';
import { createSql, type Sql } from '../db/client.js';
import { openAudioStore } from '../pipelines/recording/open-store.js';
import type { CallAnalyzers } from '../pipelines/session/analyzers.js';
import { buildAnalyzers } from '../pipelines/session/build-analyzers.js';
import type { SttRouting } from '../pipelines/speech/router.js';
import { CallRoom, type EndReason } from './room.js';

/** What a call needs of the job that carries it, whichever executor runs it. */
export interface CallJob {
  id: string;
  metadata: string;
  /** Joins the room, subscribing to audio only. */
  connect: () => Promise<Room>;
  /** Runs after the room is gone, however the job ended. */
  onShutdown: (callback: () => Promise<void>) => void;
  shutdown: (reason: string) => void;
}

/** What a call's process lends it: the speech engines, and in a shared process the text pipeline and database. */
export interface CallResources {
  stt: SttRouting;
  config: Config;
  log: (line: string) => void;
  /** Shared by the calls of one process; unset: the call opens its own and closes it when done. */
  shared?: { sql: Sql; analyzers: CallAnalyzers };
}

/** A call in the job process agents forked for it. */
export function runCallJob(ctx: JobContext, stt: SttRouting, log: (line: string) => void): Promise<void> {
  return runCall(
    {
      id: ctx.job.id,
      metadata: ctx.job.metadata,
      connect: async () => {
        await ctx.connect(undefined, AutoSubscribe.AUDIO_ONLY);
        return ctx.room;
      },
      onShutdown: (callback) => ctx.addShutdownCallback(callback),
      shutdown: (reason) => ctx.shutdown(reason),
    },
    { stt, config: loadConfig(), log },
  );
}

export async function runCall(job: CallJob, resources: CallResources): Promise<void> {
  const { config, log } = resources;
  const metadata = DispatchMetadataSchema.safeParse(safeJson(job.metadata));
  if (!metadata.success) {
    log(`job ${job.id}: dispatch metadata is not a Kefu call; leaving`);
    return job.shutdown('not a Kefu call');
  }
  // One connection of its own: a call's session serialises its writes, and the embedded database has one.
  const own = resources.shared ? undefined : createSql(jobDatabaseUrl(config), { max: 1 });
  const sql = resources.shared?.sql ?? own!;
  const analyzers =
    resources.shared?.analyzers ??
    (await buildAnalyzers({ config, sql, warm: true, onFallback: (reason) => log(`llm: ${reason}`) }));
  const release = async () => {
    await own?.end();
  };
  // Well inside the time after which the sweeper takes a silent call for abandoned.
  const heartbeatMs = Math.min(15_000, (config.callStaleSeconds * 1000) / 4);
  const recording = {
    storeFor: (merchantId: string) =>
      recordsCallsOf(config.recording, merchantId) ? openAudioStore(config.recording) : undefined,
    retentionDays: config.recording.retentionDays,
  };
  const call = await CallRoom.open(
    {
      sql,
      analyzers,
      engineFor: resources.stt.engineFor,
      log,
      heartbeatMs,
      recording,
      provisional: config.botProvisional,
    },
    metadata.data.callId,
  );
  if (!call) {
    log(`call ${metadata.data.callId} has already ended; leaving`);
    await release();
    return job.shutdown('call already ended');
  }
  let finished: Promise<void> | undefined;
  const finish = (reason: EndReason) =>
    (finished ??= call
      .finish(reason)
      .catch((err: unknown) => log(`call ${call.callId}: not finished: ${String(err)}`))
      .finally(release));
  job.onShutdown(() => finish('room closed'));
  call.attach(await job.connect());
  void call.ended.then(async (reason) => {
    await finish(reason);
    job.shutdown(reason);
  });
}

/**
 * Where a job process finds Postgres: DATABASE_URL, or the embedded database that `kefu agent`
 * serves on KEFU_DB_PORT (job processes are forked, so the port must be known in advance).
 */
export function jobDatabaseUrl(config: Config): string {
  if (config.database.kind === 'external') return config.database.url;
  if (config.database.port === 0) {
    throw new KefuError(
      'CONFIG_INVALID',
      'The bot with the embedded database needs KEFU_DB_PORT set (its job processes connect to it), or set DATABASE_URL',
    );
  }
  return `postgres://postgres@127.0.0.1:${config.database.port}/postgres`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
