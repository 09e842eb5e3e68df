/**
 * The `shared` executor (decision 0203): the worker process hosts every call it is assigned, beside
 * each other, instead of forking a job process per call. One recognition thread pool, one text
 * pipeline and one small database pool serve all of them; only a call's room, streams and session
 * are its own. @livekit/agents 1.9 has no executor but a process per job and keeps its pool
 * private, so its pool class is taken over here, in one place: `launchJob` hosts the call in this
 * process and lists it among the pool's executors (the worker's load, drain and termination read
 * that list), and `start` no longer forks idle job processes.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunningJobInfo } from '@livekit/agents';
import { Room, RoomEvent, TrackKind, type RemoteTrackPublication } from '@livekit/rtc-node';
import type { Config } from '../core/config.js';
import { KefuError } from '../core/errors.js';
import { createSql } from '../db/client.js';
import { notifyCallEvent } from '../db/queries/call-events.js';
import { buildAnalyzers } from '../pipelines/session/build-analyzers.js';
import { withdrawStoppedOfEndedCalls } from '../pipelines/session/stopped-provisionals.js';
import { buildSttRouting } from '../pipelines/speech/router.js';
import { jobDatabaseUrl, runCall } from './job.js';

/** What the pool's own code reads of an executor: its job, close (termination, drain) and join. */
interface HostedCall {
  runningJob: RunningJobInfo | undefined;
  close: () => Promise<void>;
  join: () => Promise<void>;
}
interface PoolInternals {
  executors: HostedCall[];
  started: boolean;
}

/** Joins that fail this way are tried once more on a fresh Room: the server or this loop answered late. */
const RETRY_JOIN = /handle not found|transport timed out/;
const FAILED_ROOMS: Room[] = [];

/**
 * Decoders each recognition thread loads before the worker registers; a thread loads one more
 * when an utterance arrives while all of its own are lent (the pool places each utterance on the
 * least busy thread, so that is an overlap of more utterances than threads). Two per thread held
 * ~100 MB of the idle worker (bench bot-load: 555 against 456 MB) that one call never uses, and
 * under load a thread holds as many as it decodes at once either way. The cost is the first such
 * overlap: that utterance's first frames wait 0.5–3 s for the load (decision 0285), once per
 * worker, since loaded decoders stay (decision 0570). Under settings v5 a thread's first decoder
 * adds 76 MB, each next (sharing its language model) 44 MB (bench bot-memory).
 */
const DECODERS_PER_THREAD = 1;

/** Connections the calls of one process share: a call's session writes one statement at a time. */
const SHARED_CONNECTIONS = 4;

/** Makes this process host the calls its agents worker is assigned. Call once, before the worker runs. */
export async function hostCallsInProcess(config: Config, log: (line: string) => void): Promise<void> {
  const pool = await agentsProcPool();
  const stt = buildSttRouting(config, { decodersPerThread: DECODERS_PER_THREAD });
  const sql = createSql(jobDatabaseUrl(config), { max: SHARED_CONNECTIONS });
  const analyzers = await buildAnalyzers({ config, sql, warm: true, onFallback: (r) => log(`llm: ${r}`) });
  // Calls that ended while their bot was gone keep no provisional reply unsettled (decision 0530).
  const withdrawn = await withdrawStoppedOfEndedCalls(sql, (merchantId, event) =>
    notifyCallEvent(sql, merchantId, event).catch(() => {}),
  );
  if (withdrawn > 0) log(`${withdrawn} provisional replies of ended calls withdrawn (their bot had stopped)`);
  await stt.ready;
  const resources = { stt, config, log, shared: { sql, analyzers } };
  pool.prototype.start = function (this: PoolInternals) {
    this.started = true;
  };
  pool.prototype.launchJob = async function (this: PoolInternals, info: RunningJobInfo) {
    let room = new Room();
    const callbacks: (() => Promise<void>)[] = [];
    let ended: Promise<void> | undefined;
    let over!: () => void;
    const done = new Promise<void>((resolve) => (over = resolve));
    const shutdown = () =>
      (ended ??= (async () => {
        await room.disconnect().catch(() => {});
        for (const callback of callbacks) await callback().catch(() => {});
        this.executors.splice(this.executors.indexOf(hosted), 1);
        over();
      })());
    const hosted: HostedCall = { runningJob: info, close: shutdown, join: () => done };
    this.executors.push(hosted);
    runCall(
      {
        id: info.job.id,
        metadata: info.job.metadata,
        connect: async () => {
          try {
            return await connectAudioOnly(room, info);
          } catch (err) {
            // Kept referenced: rtc-node's finalizer of a Room whose join failed can throw and would
            // end this process, every call in it included (decision 0200).
            FAILED_ROOMS.push(room);
            if (!RETRY_JOIN.test(String(err))) throw err;
            room = new Room();
            return connectAudioOnly(room, info);
          }
        },
        onShutdown: (callback) => callbacks.push(callback),
        shutdown: () => void shutdown(),
      },
      resources,
    ).catch((err: unknown) => {
      log(`job ${info.job.id}: call failed: ${String(err)}`);
      void shutdown();
    });
  };
}

/** As agents' `JobContext.connect` with AUTO_SUBSCRIBE audio only: a video call's video is never pulled. */
async function connectAudioOnly(room: Room, info: RunningJobInfo): Promise<Room> {
  await room.connect(info.url, info.token, { autoSubscribe: false, dynacast: false });
  const subscribe = (publication: RemoteTrackPublication) => {
    if (publication.kind === TrackKind.KIND_AUDIO) publication.setSubscribed(true);
  };
  for (const p of room.remoteParticipants.values()) for (const pub of p.trackPublications.values()) subscribe(pub);
  room.on(RoomEvent.TrackPublished, subscribe);
  return room;
}

/** agents' process pool class, the very module its worker imported (the package exports only its index). */
async function agentsProcPool(): Promise<{ prototype: Record<string, unknown> }> {
  const index = createRequire(import.meta.url).resolve('@livekit/agents');
  const file = join(dirname(index), 'ipc', 'proc_pool.js');
  const module = (await import(pathToFileURL(file).href)) as { ProcPool?: { prototype: Record<string, unknown> } };
  const proto = module.ProcPool?.prototype;
  if (!proto || typeof proto.launchJob !== 'function' || typeof proto.start !== 'function')
    throw new KefuError(
      'CONFIG_INVALID',
      `KEFU_BOT_EXECUTOR=shared needs @livekit/agents 1.9's process pool (${file}); use KEFU_BOT_EXECUTOR=process`,
    );
  return module.ProcPool!;
}
