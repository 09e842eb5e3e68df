/**
 * The bot as a LiveKit Agents worker: registers under the agent name for explicit dispatch
 * (LiveKit spreads calls across every worker registered under it) and runs all its calls in this
 * process (KEFU_BOT_EXECUTOR=shared, agent/shared-host.ts; the default with Postgres) or each in a
 * job process of its own (`process`). Wiring only: the call itself is agent/job.ts and agent/room.ts.
 */
import {
  AgentServer,
  type JobContext,
  type JobProcess,
  ServerOptions,
  defineAgent,
  InferenceRunner,
  initializeLogger,
  log,
  telemetry,
} from '@livekit/agents';
import { fileURLToPath } from 'node:url';
import { type Config, loadConfig } from '../core/config.js';
import { KefuError } from '../core/errors.js';
import { RUNNING_COMPILED } from '../core/paths.js';
import { buildSttRouting, type SttRouting } from '../pipelines/speech/router.js';
import { runCallJob } from './job.js';
import { prioritizeProcess } from './priority.js';

type ProcessData = { stt?: SttRouting };

export default defineAgent<ProcessData>({
  // Speech models load once per job process, before a call arrives: the process reports ready
  // only when its recognition threads have, so a call's first words never wait for a model.
  prewarm: async (proc: JobProcess<ProcessData>) => {
    proc.userData.stt = buildSttRouting(oneCall(loadConfig()));
    await proc.userData.stt.ready;
  },
  entry: async (ctx: JobContext<ProcessData>) => {
    const stt = ctx.proc.userData.stt ?? buildSttRouting(oneCall(loadConfig()));
    await runCallJob(ctx as JobContext, stt, (line) => log().info(line));
  },
});

/**
 * A job process hears one call: two speakers, whom one recognition thread decodes at about a fifth
 * of a core. A thread per core in every job process held a model copy each (~100 MB) and loaded
 * them all before each call (decision 0202), so job processes take one unless KEFU_STT_THREADS says.
 */
export function oneCall(config: Config): Config {
  return { ...config, stt: { ...config.stt, threads: config.stt.threads ?? 1 } };
}

export interface WorkerOptions {
  /** Calls one worker takes at once; the embedded database allows one. */
  maxCalls?: number;
  /** The worker's health endpoint (agents' HTTP server). */
  healthPort?: number;
}

/**
 * agents 1.9 starts an inference process for its audio end-of-turn model whenever that model's
 * native binding loads, whether or not an agent uses it. Kefu ends turns by their words
 * (pipelines/speech/turn.ts), and the idle process held ~290 MB PSS (bench, at load ~15). The
 * library skips the model when the method is already taken and starts no process when no runner
 * is listed, so the method is marked taken without being listed.
 */
function skipAudioTurnModel(): void {
  if (Object.hasOwn(InferenceRunner.registeredRunners, AUDIO_TURN_MODEL)) return;
  Object.defineProperty(InferenceRunner.registeredRunners, AUDIO_TURN_MODEL, {
    value: 'not used by Kefu',
    enumerable: false,
  });
}
const AUDIO_TURN_MODEL = 'lk_eot_audio';

/**
 * agents' event-loop stall monitor: a timer every 20 ms on the worker's loop (and each job
 * process's), a watchdog thread of its own beside it and an observer of every garbage collection,
 * all to log a stall of 100 ms or more. Measured alone (decision 0775): 0.9–2.3 % of a core and 4–22 MB
 * RSS for every process that runs it, whether it hosts calls or not. Off by default; an operator
 * who wants its warnings sets the variable (agents' own: the warn threshold in ms, 0 = off).
 */
export function quietLoopMonitor(env: NodeJS.ProcessEnv = process.env): void {
  const name = telemetry.loopMonitor.ENV_WARN_THRESHOLD_MS;
  if ((env[name] ?? '').trim() === '') env[name] = '0';
}

/**
 * With KEFU_BOT_EXECUTOR=shared, before `run()`: the worker process hosts its calls itself
 * (agent/shared-host.ts), its recognition pool and text pipeline loaded now, once.
 */
export async function prepareExecutor(config: Config): Promise<void> {
  if (config.botExecutor !== 'shared') return;
  const { hostCallsInProcess } = await import('./shared-host.js');
  await hostCallsInProcess(config, (line) => log().info(line));
}

/** The worker, ready to `run()`: it registers with LiveKit and takes dispatched calls until closed. */
export function createWorker(config: Config, options: WorkerOptions = {}): AgentServer {
  if (!config.livekit)
    throw new KefuError('CONFIG_INVALID', 'kefu agent needs LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET');
  skipAudioTurnModel();
  // Before the server starts its monitor; job processes forked later inherit the variable.
  quietLoopMonitor();
  initializeLogger({ pretty: false, level: config.logLevel === 'silent' ? 'fatal' : config.logLevel });
  // `kefu agent` raised the priority at its start (before loading this module); again here for any
  // other caller, before any job process is forked: they inherit it.
  const refused = prioritizeProcess(config.agentNice);
  if (refused) log().warn(refused);
  const maxCalls = options.maxCalls ?? (config.database.kind === 'embedded' ? 1 : undefined);
  const server = new AgentServer(
    new ServerOptions({
      // Compiled, a forked job process loads this module; from sources it needs the shim that
      // registers the TypeScript loader the fork does not inherit.
      agent: fileURLToPath(new URL(RUNNING_COMPILED ? import.meta.url : './job-process.js', import.meta.url)),
      agentName: config.livekit.agentName,
      wsURL: config.livekit.url,
      apiKey: config.livekit.apiKey,
      apiSecret: config.livekit.apiSecret,
      production: true,
      logLevel: config.logLevel === 'silent' ? 'fatal' : config.logLevel,
      port: options.healthPort,
      // A job process loads the pipelines and speech models before it reports ready; on a busy
      // host that takes longer than the library's 10 s, and then no call is ever taken.
      initializeProcessTimeout: 60_000,
      ...(maxCalls !== undefined && {
        loadFunc: async (s: AgentServer) => Math.min(1, s.activeJobs.length / maxCalls),
        loadThreshold: 0.999,
      }),
    }),
  );
  return server;
}
