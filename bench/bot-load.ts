/**
 * Load on one bot worker (`kefu agent`, a job process per call, Postgres through a bridge) through
 * the LiveKit test server: N simulated calls at once, both sides speaking flite audio, N rising
 * until a budget breaks (suggestion p95 > 1.5 s after the customer's speech ends, or transcript
 * lag p95 > 1 s). Prints, per level: latencies, the worker's CPU per call-minute, memory (PSS) per
 * job process and per call, and database connections; then the largest N per core that held, and
 * calls per core derived from the worker's own CPU (the harness shares the cores, so no level shows
 * the worker alone).
 * Run: npm run bench -- bot-load (KEFU_BENCH_MAX_CALLS caps N, default 12; KEFU_BENCH_LEVELS=1,2,4,8
 * picks the levels; KEFU_BENCH_ALL_LEVELS=1 measures every level up to the cap even after one breaks
 * a budget, as on a loaded machine; KEFU_BENCH_EXECUTORS=shared,process runs each checkout's worker
 * under each executor, side by side).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RoomServiceClient } from 'livekit-server-sdk';
import { prioritizeProcess } from '../agent/priority.js';
import { COPILOT_TOPIC, TRANSCRIPTION_TOPIC } from '../core/copilot.js';
import { migrate } from '../db/migrate.js';
import { composeSpeech, synthesize, tempDir } from '../test/audio/speech-fixtures.js';
import { type RunningAgent, seedBotFixtures, startAgent, withConnection } from '../test/e2e/harness.js';
import { PHONES_NICE } from '../test/livekit/test-participant.js';
import { startLiveKitTestServer } from '../test/livekit/test-server.js';
import { type BenchCall, ensureBuilt, joinBenchCall } from './bot-call.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
import { busiestThreads, loadAverage, processesCpuMs, sampleGroup, sampleThreads } from './bot-footprint.js';
import { bridgedDatabase, DEFAULT_PG, namespaceDatabase, runInNamespace } from './netns.js';
import { percentile } from './stats.js';

const SUGGESTION_BUDGET_MS = 1500;
const LAG_BUDGET_MS = 1000;
const LEVELS = [1, 2, 3, 4, 6, 8, 10, 12, 16, 20, 24];

export async function runBotLoadBench(): Promise<void> {
  const baseline = process.env.KEFU_BENCH_BASELINE;
  for (const repo of [REPO, ...(baseline ? [baseline] : [])]) ensureBuilt(repo);
  const db = await bridgedDatabase(process.env.KEFU_TEST_DATABASE_URL ?? DEFAULT_PG);
  try {
    const code = await runInNamespace(fileURLToPath(import.meta.url), ['--in-netns'], {
      KEFU_BENCH_DB_SOCKET: db.socketUrl,
      KEFU_BENCH_BASELINE_DIR: baseline ?? '',
    });
    if (code !== 0) console.log(`  bot-load: stopped (exit ${code})`);
  } catch (err) {
    console.log(`  bot-load: not measured (needs a network namespace: root, unshare, ip): ${(err as Error).message}`);
  } finally {
    await db.close();
  }
}

type Turn = { speaker: 'customer' | 'merchant'; wav: string };
type Measured = { suggestion: number[]; lag: number[]; missing: number; timeline: string[] };

async function inNamespace(): Promise<void> {
  // The callers and the media server stand for other machines: ahead of other work here.
  const refused = prioritizeProcess(PHONES_NICE);
  if (refused) console.log(`  the phones' priority: ${refused}`);
  const target = await startLiveKitTestServer();
  const db = await namespaceDatabase(process.env.KEFU_BENCH_DB_SOCKET ?? '');
  const tmp = tempDir('kefu-bot-load-');
  const agentName = `kefu-load-${process.pid}`;
  const livekit = { url: target.url, apiKey: target.apiKey, apiSecret: target.apiSecret, agentName };
  try {
    await withConnection(db.url, async (sql) => {
      await migrate(sql);
      await seedBotFixtures(sql);
    });
    const say = (name: string, text: string) =>
      composeSpeech(
        [{ speech: synthesize(text, join(tmp.dir, `${name}.raw.wav`)) }, { silenceMs: 1500 }],
        join(tmp.dir, `${name}.wav`),
      ).path;
    const script: Turn[] = [
      { speaker: 'customer', wav: say('c1', 'The headphones arrived broken.') },
      { speaker: 'merchant', wav: say('m1', 'I am sorry to hear that. Let me check your order.') },
      { speaker: 'customer', wav: say('c2', 'Can you send me a replacement please?') },
    ];
    // This checkout beside the baseline (KEFU_BENCH_BASELINE, another built checkout), level by
    // level, so the machine's other load falls on both alike; each under every executor asked for.
    const baselineDir = process.env.KEFU_BENCH_BASELINE_DIR;
    const checkouts = [
      { label: 'this checkout', repo: REPO, agentName },
      ...(baselineDir ? [{ label: baselineDir, repo: baselineDir, agentName: `${agentName}-base` }] : []),
    ];
    const executors = process.env.KEFU_BENCH_EXECUTORS?.split(',').filter(Boolean);
    const variants: LoadVariant[] = checkouts.flatMap((c, i) =>
      (executors ?? [i === 0 ? process.env.KEFU_BENCH_EXECUTOR : undefined]).map((executor) => ({
        label: executor && executors ? `${c.label} (${executor})` : c.label,
        repo: c.repo,
        agentName: executor && executors ? `${c.agentName}-${executor}` : c.agentName,
        env: (executor ? { KEFU_BOT_EXECUTOR: executor } : {}) as Record<string, string>,
        held: 0,
        going: true,
        verdicts: [],
        cpuPerCallMinute: [],
      })),
    );
    const cores = availableParallelism();
    const cap = Number(process.env.KEFU_BENCH_MAX_CALLS ?? 12);
    // N holds only if every smaller level measured held too.
    const levels = process.env.KEFU_BENCH_LEVELS?.split(',').map(Number) ?? LEVELS;
    if (levels.some((l) => !Number.isInteger(l) || l < 1))
      throw new Error(`KEFU_BENCH_LEVELS must list call counts, e.g. 1,2,4,8 (got ${process.env.KEFU_BENCH_LEVELS})`);
    const agents: RunningAgent[] = [];
    try {
      let port = 18_091;
      for (const v of variants) {
        v.agent = await startAgent(target, db.url, v.agentName, port++, v.env, v.repo);
        agents.push(v.agent);
      }
      await new Promise((resolve) => setTimeout(resolve, 5000));
      for (const v of variants) {
        const sampled = sampleGroup(v.agent!.pid);
        const idle = sampled.pssMb;
        v.idleMb = idle.reduce((a, p) => a + p.mb, 0);
        v.idleAnonMb = sampled.anonMb;
        console.log(
          `bot-load ${v.label}: one worker (pid ${v.agent!.pid}, \`${v.agent!.command}\`, ${v.env.KEFU_BOT_EXECUTOR ?? 'default'} executor), ${cores} cores, PocketSphinx en, offline text pipeline, Postgres; idle: PSS ${v.idleMb.toFixed(0)} MB in ${idle.length} processes, anonymous ${v.idleAnonMb.toFixed(0)} MB`,
        );
      }
      for (const n of levels.filter((l) => l <= cap)) {
        for (const v of variants.filter((x) => x.going)) {
          const { broke, cpuPerCallMinute } = await runLevel(v, n, {
            dbUrl: db.url,
            livekit: { ...livekit, agentName: v.agentName },
            script,
            harnessPids: [process.pid, target.pid],
          });
          v.verdicts.push(`${n}: ${broke.length === 0 ? 'held' : `broke (${broke.join('; ')})`}`);
          if (cpuPerCallMinute !== undefined) v.cpuPerCallMinute.push({ n, s: cpuPerCallMinute });
          const ok = broke.length === 0;
          if (ok && v.held === (levels[levels.indexOf(n) - 1] ?? 0)) v.held = n;
          else if (process.env.KEFU_BENCH_ALL_LEVELS !== '1') v.going = false;
        }
        if (!variants.some((v) => v.going)) break;
      }
    } finally {
      for (const agent of agents) await agent.stop();
    }
    for (const v of variants) {
      console.log(
        `  ${v.label}: largest N that held: ${v.held} call(s) on one worker = ${(v.held / cores).toFixed(1)} per core (budgets: suggestion p95 ≤ ${SUGGESTION_BUDGET_MS} ms, transcript lag p95 ≤ ${LAG_BUDGET_MS} ms, every turn answered); levels: ${v.verdicts.join(', ')}`,
      );
      console.log(`    ${derivedCallsPerCore(v.cpuPerCallMinute)}`);
    }
  } finally {
    tmp.remove();
    db.stop();
    await target.close();
  }
}

type LoadVariant = {
  label: string;
  repo: string;
  agentName: string;
  env: Record<string, string>;
  agent?: RunningAgent;
  /** The worker's processes before any call. */
  idleMb?: number;
  /** Their anonymous memory before any call. */
  idleAnonMb?: number;
  held: number;
  going: boolean;
  /** Each level measured: held, or what broke it. */
  verdicts: string[];
  /** The worker's own CPU per call-minute at each level where every turn was answered. */
  cpuPerCallMinute: { n: number; s: number }[];
};

/**
 * One level: `n` calls at once on the variant's worker; prints its line and returns what broke
 * (nothing when every budget held).
 */
async function runLevel(
  v: LoadVariant,
  n: number,
  o: {
    dbUrl: string;
    livekit: Parameters<typeof joinBenchCall>[1];
    script: Turn[];
    /** The phones (this process), then the test server. */
    harnessPids: [number, number?];
  },
): Promise<{ broke: string[]; cpuPerCallMinute?: number }> {
  const agent = v.agent!;
  const calls: BenchCall[] = [];
  const joinMs: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const started = Date.now();
      calls.push(await joinBenchCall(o.dbUrl, o.livekit, ['customer', 'merchant']));
      joinMs.push(Date.now() - started);
    }
  } catch (err) {
    // A level whose calls could not all join is a measurement that failed, not the end of the run.
    // The phones and the test server run on the bot's cores (they stand for other machines), so
    // the time each earlier call took to join is printed: a rising join time is the harness starved.
    const said = agent
      .tail(200)
      .split('\n')
      .filter((l) => /"msg":"(job|call) /.test(l));
    console.log(
      `  ${v.label} ${n} call(s): not measured: call ${calls.length + 1} could not join (${(err as Error).message.split('\n')[0]}); the calls before it joined in ${joinMs.map((ms) => (ms / 1000).toFixed(1)).join('/')} s; load ${loadAverage()}; the worker said:\n${said.slice(-4).join('\n')}`,
    );
    for (const c of calls) await hangUp(c, o.livekit);
    await waitForJobsToEnd(o.dbUrl);
    return { broke: [`call ${calls.length + 1} could not join`] };
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const before = sampleGroup(agent.pid);
  const threadsBefore = sampleThreads(agent.pid);
  // The phones (this process) and the test server apart: which part of the harness to make cheaper.
  const harnessCpuMs = () => o.harnessPids.map((pid) => (pid === undefined ? 0 : processesCpuMs([pid])));
  const harnessBefore = harnessCpuMs();
  const t0 = Date.now();
  const results = await Promise.all(
    calls.map((c, i) => playScript(c, o.script, (i * 2500) / n).catch(() => undefined)),
  );
  const minutes = (Date.now() - t0) / 60_000;
  const [phones = 0, server = 0] = harnessCpuMs().map((ms, i) => (ms - harnessBefore[i]!) / (minutes * 60_000));
  const pct = (cores: number) => `${(cores * 100).toFixed(0)} %`;
  const harness = `the harness ${pct(phones + server)} of a core (phones ${pct(phones)}, test server ${pct(server)})`;
  const after = sampleGroup(agent.pid);
  const threads = busiestThreads(threadsBefore, sampleThreads(agent.pid));
  // Both workers' connections: a shared worker keeps its small pool open between calls.
  const connections = await withConnection(o.dbUrl, async (sql) => {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity where datname = current_database()`;
    return (row?.n ?? 1) - 1;
  });
  const m: Measured = { suggestion: [], lag: [], missing: 0, timeline: [] };
  for (const r of results) {
    if (!r) m.missing++;
    else {
      m.suggestion.push(...r.suggestion);
      m.lag.push(...r.lag);
      m.missing += r.missing;
      if (r.missing > 0 && m.timeline.length === 0) m.timeline = r.timeline;
    }
  }
  const total = after.pssMb.reduce((a, p) => a + p.mb, 0);
  // The worker's process group only (its threads and job processes): never the phones' or the test server's.
  const cpuPerCallMinute = (after.cpuMs - before.cpuMs) / 1000 / (n * minutes);
  const p95s = percentile(m.suggestion, 95);
  const p95l = percentile(m.lag, 95);
  console.log(
    `  ${v.label} ${n} call(s): suggestion after end of speech p50 ${fmt(percentile(m.suggestion, 50))}, p95 ${fmt(p95s)}; transcript lag p50 ${fmt(percentile(m.lag, 50))}, p95 ${fmt(p95l)}; ${m.missing} turn(s) unanswered; worker CPU ${cpuPerCallMinute.toFixed(1)} s per call-minute (${(60 / cpuPerCallMinute).toFixed(1)} calls per core, derived); PSS ${total.toFixed(0)} MB in ${after.pssMb.length} processes = ${(total / n).toFixed(0)} MB per call, ${((total - (v.idleMb ?? 0)) / n).toFixed(0)} MB per call above the idle worker (processes ${after.pssMb.map((j) => j.mb.toFixed(0)).join('/')} MB); anonymous ${after.anonMb.toFixed(0)} MB, ${((after.anonMb - (v.idleAnonMb ?? 0)) / n).toFixed(0)} MB per call above idle; ${connections} database connection(s) of both workers; joins ${percentile(joinMs, 50).toFixed(0)}/${Math.max(...joinMs).toFixed(0)} ms p50/max; ${harness}; load ${loadAverage()}`,
  );
  console.log(`    busiest threads while the calls spoke: ${threads}`);
  const broke = [
    ...(m.missing > 0 ? [`${m.missing} turn(s) unanswered`] : []),
    ...(p95s > SUGGESTION_BUDGET_MS ? [`suggestion p95 ${fmt(p95s)} > ${SUGGESTION_BUDGET_MS} ms`] : []),
    ...(p95l > LAG_BUDGET_MS ? [`transcript lag p95 ${fmt(p95l)} > ${LAG_BUDGET_MS} ms`] : []),
  ];
  console.log(`    ${broke.length === 0 ? 'held' : `broke: ${broke.join('; ')}`}`);
  if (m.missing > 0) {
    const got = calls.map(
      (c) => `${c.merchant.textsOn(TRANSCRIPTION_TOPIC).length}/${c.merchant.textsOn(COPILOT_TOPIC).length}`,
    );
    console.log(`  the merchants received (transcript/copilot messages per call): ${got.join(' ')}`);
    console.log(`  one call with a turn unanswered, ms from its first word:\n${m.timeline.join('\n')}`);
    const said = agent
      .tail(400)
      .split('\n')
      .filter((l) => /"msg":"(call |job |llm)/.test(l));
    console.log(`  the worker said about its calls:\n${said.slice(-15).join('\n')}`);
  }
  for (const c of calls) await hangUp(c, o.livekit);
  await waitForJobsToEnd(o.dbUrl);
  // A level with turns unanswered did less work than its calls asked for: its CPU per call-minute would flatter.
  return { broke, cpuPerCallMinute: m.missing === 0 ? cpuPerCallMinute : undefined };
}

/**
 * Calls per core from the worker's own CPU, at the largest level where every turn was answered:
 * 60 s of a core ÷ the worker's CPU seconds per call-minute. Derived, not measured: on this host the
 * phones and the test server (which stand for other machines) run on the same cores and take
 * 0.3–1.3 of them, so no level can show the worker alone; it assumes CPU grows linearly with calls
 * and leaves no headroom for the latency budgets.
 */
function derivedCallsPerCore(levels: { n: number; s: number }[]): string {
  const last = levels.at(-1);
  if (!last) return "calls per core from the worker's CPU: no level had every turn answered";
  return `calls per core DERIVED from the worker's own CPU (not measured: the harness shares the cores): ${(60 / last.s).toFixed(1)} = 60 s ÷ ${last.s.toFixed(1)} s per call-minute at ${last.n} call(s), the largest level with every turn answered (all such levels: ${levels.map((l) => `${l.n}: ${l.s.toFixed(1)} s`).join(', ')}); linear in calls, no headroom for the budgets`;
}

/** The events that bring the merchant a reply: after the final, or provisionally as the speech ends. */
const FIRST_REPLY_EVENTS = ['suggestions.created', 'suggestions.provisional'] as const;

const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : 'n/a');

/**
 * Plays the script after `delayMs` (calls are staggered as real ones are). Per customer turn: the
 * first suggestion's arrival after the speech ends; per turn of either side: the last final
 * transcript of that speaker, after the speech ended.
 */
async function playScript(call: BenchCall, script: Turn[], delayMs: number): Promise<Measured> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  const out: Measured = { suggestion: [], lag: [], missing: 0, timeline: [] };
  const spoken: { speaker: Turn['speaker']; start: number; end: number }[] = [];
  for (const turn of script) {
    const who = turn.speaker === 'customer' ? call.customer : call.merchant;
    const { capturedAt } = await who.speak(turn.wav);
    // The WAV ends with 1.5 s of quiet: speech ends that long before the last frame's capture.
    spoken.push({ speaker: turn.speaker, start: capturedAt[0]!, end: capturedAt[0]! + capturedAt.length * 10 - 1500 });
  }
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const texts = call.merchant.texts;
  const t0 = spoken[0]?.start ?? 0;
  out.timeline = [
    ...spoken.map((s) => ({ at: s.start, line: `${s.speaker} speaks until ${s.end - t0}` })),
    ...texts.map((t) => ({
      at: t.at,
      line: `${t.topic} ${t.attributes['kefu.speaker'] ?? t.attributes['kefu.event'] ?? ''} ${t.attributes['lk.transcription_final'] === 'true' ? 'final' : ''} ${t.text.slice(0, 70)}`,
    })),
  ]
    .sort((a, b) => a.at - b.at)
    .map((e) => `    ${String(e.at - t0).padStart(6)} ${e.line}`);
  out.timeline.unshift(`t0 wall ${t0}`);
  spoken.forEach((s, i) => {
    const until = spoken.find((o, j) => j > i && o.speaker === s.speaker)?.start ?? Number.POSITIVE_INFINITY;
    const finals = texts.filter(
      (t) =>
        t.topic === TRANSCRIPTION_TOPIC &&
        t.attributes['lk.transcription_final'] === 'true' &&
        t.attributes['kefu.speaker'] === s.speaker &&
        t.at > s.start &&
        t.at < until,
    );
    if (finals.length > 0) out.lag.push(Math.max(0, finals.at(-1)!.at - s.end));
    else out.missing++;
    if (s.speaker !== 'customer' || i > 0) return;
    // The first customer turn names a problem: a suggestion must follow it. The first reply at the
    // merchant counts, sent after the final or provisionally as the speech ends (0495); counting
    // only `suggestions.created` took every provisional-and-confirmed reply for none (decision 0530).
    const suggestion = texts.find(
      (t) =>
        t.topic === COPILOT_TOPIC && t.at > s.start && FIRST_REPLY_EVENTS.some((type) => t.text.includes(`"${type}"`)),
    );
    if (suggestion) out.suggestion.push(suggestion.at - s.end);
    else out.missing++;
  });
  return out;
}

async function hangUp(call: BenchCall, livekit: { url: string; apiKey: string; apiSecret: string }): Promise<void> {
  // Bounded: a run once hung here after a level whose join failed; the room is deleted either way.
  const left = Promise.all([call.merchant.leave(), call.customer.leave()]);
  const late = await Promise.race([
    left.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 15_000).unref()),
  ]);
  if (late) console.log(`    the phones of room ${call.room} had not left after 15 s; deleting the room`);
  await new RoomServiceClient(livekit.url, livekit.apiKey, livekit.apiSecret).deleteRoom(call.room).catch(() => {});
}

/** The next level starts once every call of this one has ended (summaries written, connections closed). */
async function waitForJobsToEnd(dbUrl: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const active = await withConnection(dbUrl, async (sql) => {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from calls where ended_at is null`;
      return row?.n ?? 0;
    });
    if (active === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--in-netns')) {
    await inNamespace();
    process.exit(0);
  }
  await runBotLoadBench();
}
