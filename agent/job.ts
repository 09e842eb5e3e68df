/**
 * One dispatched call, in the job process @livekit/agents forks for it: its own database
 * connection, the text pipeline, and the room. The call's id comes in the dispatch metadata, so
 * a job offered again after a crash resumes the same call.
 */
import { AutoSubscribe, type JobContext } from '@livekit/agents';
import { DispatchMetadataSchema } from '../core/copilot.js';
import { type Config, loadConfig, recordsCallsOf } from '../core/config.js';
import { KefuError } from '../core/errors.js';
import { createSql } from '../db/client.js';
import { openAudioStore } from '../pipelines/recording/open-store.js';
import { buildAnalyzers } from '../pipelines/session/build-analyzers.js';
import type { SttRouting } from '../pipelines/speech/router.js';
import { CallRoom, type EndReason } from './room.js';

export async function runCallJob(ctx: JobContext, stt: SttRouting, log: (line: string) => void): Promise<void> {
  const metadata = DispatchMetadataSchema.safeParse(safeJson(ctx.job.metadata));
  if (!metadata.success) {
    log(`job ${ctx.job.id}: dispatch metadata is not a Kefu call; leaving`);
    return ctx.shutdown('not a Kefu call');
  }
  const config = loadConfig();
  // One connection: a call's session serialises its writes, and the embedded database has one.
  const sql = createSql(jobDatabaseUrl(config), { max: 1 });
  const analyzers = await buildAnalyzers({ config, sql, warm: true, onFallback: (reason) => log(`llm: ${reason}`) });
  // Well inside the time after which the sweeper takes a silent call for abandoned.
  const heartbeatMs = Math.min(15_000, (config.callStaleSeconds * 1000) / 4);
  const recording = {
    storeFor: (merchantId: string) =>
      recordsCallsOf(config.recording, merchantId) ? openAudioStore(config.recording) : undefined,
    retentionDays: config.recording.retentionDays,
  };
  const call = await CallRoom.open(
    { sql, analyzers, engineFor: stt.engineFor, log, heartbeatMs, recording },
    metadata.data.callId,
  );
  if (!call) {
    log(`call ${metadata.data.callId} has already ended; leaving`);
    await sql.end();
    return ctx.shutdown('call already ended');
  }
  let finished: Promise<void> | undefined;
  const finish = (reason: EndReason) =>
    (finished ??= call
      .finish(reason)
      .catch((err: unknown) => log(`call ${call.callId}: not finished: ${String(err)}`))
      .finally(() => sql.end()));
  // Runs after the room is gone: the job's end, however it came (room closed, job terminated).
  ctx.addShutdownCallback(() => finish('room closed'));
  await ctx.connect(undefined, AutoSubscribe.AUDIO_ONLY);
  call.attach(ctx.room);
  void call.ended.then(async (reason) => {
    await finish(reason);
    ctx.shutdown(reason);
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
