/**
 * Single-call latency of the bot, this checkout beside a baseline in one run: end of the
 * customer's speech → suggestion at the merchant, p50/p95, with each worker's CPU per call-minute
 * and memory (PSS) while its call is on (both robust to the machine's other load), through real `kefu agent` workers (a
 * job process per call), the LiveKit test server, rtc-node clients, flite speech and Postgres.
 * Turns alternate between the two workers so machine load falls on both alike. The baseline is
 * KEFU_BENCH_BASELINE (another checkout with node_modules; KEFU_BENCH_BASELINE_NAME labels it), else a temporary worktree of `main`.
 * KEFU_BENCH_EXECUTORS=shared,process runs each checkout under each executor. KEFU_BENCH_PROVISIONAL=compare
 * runs this checkout twice instead, with provisional replies on and off (decision 0495). Load with many calls:
 * bench/bot-load.ts. Run: npm run bench -- bot
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RoomServiceClient } from 'livekit-server-sdk';
import { prioritizeProcess } from '../agent/priority.js';
import { COPILOT_TOPIC, TRANSCRIPTION_ATTRIBUTES, TRANSCRIPTION_TOPIC } from '../core/copilot.js';
import { migrate } from '../db/migrate.js';
import { tempDir } from '../test/audio/speech-fixtures.js';
import {
  callAudio,
  REPLY_EVENTS,
  type RunningAgent,
  seedBotFixtures,
  startAgent,
  withConnection,
} from '../test/e2e/harness.js';
import { PHONES_NICE, waitFor } from '../test/livekit/test-participant.js';
import { startLiveKitTestServer, type LiveKitTarget } from '../test/livekit/test-server.js';
import { ensureBuilt, joinBenchCall } from './bot-call.js';
import { loadAverage, sampleGroup } from './bot-footprint.js';
import { bridgedDatabase, DEFAULT_PG, namespaceDatabase, runInNamespace } from './netns.js';
import { percentile } from './stats.js';

const TURNS = Number(process.env.KEFU_BENCH_TURNS ?? 6);
const COMPARE_PROVISIONAL = process.env.KEFU_BENCH_PROVISIONAL === 'compare';
const REPO = fileURLToPath(new URL('..', import.meta.url));

export async function runBotBench(): Promise<void> {
  const given = process.env.KEFU_BENCH_BASELINE;
  const baseline = COMPARE_PROVISIONAL
    ? { dir: REPO, name: 'provisional off', remove: () => {} }
    : given
      ? { dir: given, name: process.env.KEFU_BENCH_BASELINE_NAME ?? given, remove: () => {} }
      : mainWorktree();
  for (const repo of [REPO, baseline.dir]) ensureBuilt(repo);
  const db = await bridgedDatabase(process.env.KEFU_TEST_DATABASE_URL ?? DEFAULT_PG);
  try {
    const code = await runInNamespace(fileURLToPath(import.meta.url), ['--in-netns'], {
      KEFU_BENCH_DB_SOCKET: db.socketUrl,
      KEFU_BENCH_BASELINE_DIR: baseline.dir,
      KEFU_BENCH_BASELINE_NAME: baseline.name,
    });
    if (code !== 0) console.log(`  bot: stopped (exit ${code})`);
  } catch (err) {
    console.log(`  bot: not measured (needs a network namespace: root, unshare, ip): ${(err as Error).message}`);
  } finally {
    await db.close();
    baseline.remove();
  }
}

/** `main` checked out beside this one, sharing its node_modules; removed after the run. */
function mainWorktree(): { dir: string; name: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-bench-main-'));
  rmSync(dir, { recursive: true });
  execFileSync('git', ['worktree', 'add', '--detach', dir, 'main'], { cwd: REPO, stdio: 'ignore' });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  const name = `main@${execFileSync('git', ['rev-parse', '--short', 'main'], { cwd: REPO }).toString().trim()}`;
  return {
    dir,
    name,
    remove: () => {
      if (existsSync(dir)) execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: REPO, stdio: 'ignore' });
    },
  };
}

async function inNamespace(): Promise<void> {
  // The callers and the media server stand for other machines: ahead of other work here.
  const refused = prioritizeProcess(PHONES_NICE);
  if (refused) console.log(`  the phones' priority: ${refused}`);
  const target = await startLiveKitTestServer();
  const db = await namespaceDatabase(process.env.KEFU_BENCH_DB_SOCKET ?? '');
  const tmp = tempDir('kefu-bot-bench-');
  // Each checkout under each executor asked for (KEFU_BENCH_EXECUTORS=shared,process), else this
  // checkout under KEFU_BENCH_EXECUTOR and the baseline under its own default (decision 0203).
  const executors = process.env.KEFU_BENCH_EXECUTORS?.split(',').filter(Boolean);
  const checkouts = [
    {
      label: COMPARE_PROVISIONAL ? 'provisional on' : 'this checkout',
      repo: REPO,
      name: `kefu-bench-new-${process.pid}`,
    },
    {
      label: process.env.KEFU_BENCH_BASELINE_NAME ?? 'baseline',
      repo: process.env.KEFU_BENCH_BASELINE_DIR ?? REPO,
      name: `kefu-bench-base-${process.pid}`,
    },
  ];
  const variants: Variant[] = checkouts.flatMap((c, i) =>
    (executors ?? [i === 0 ? process.env.KEFU_BENCH_EXECUTOR : undefined]).map((executor) => ({
      label: executors && executor ? `${c.label} (${executor})` : c.label,
      repo: c.repo,
      name: executors && executor ? `${c.name}-${executor}` : c.name,
      env: {
        ...(executor ? { KEFU_BOT_EXECUTOR: executor } : {}),
        ...(COMPARE_PROVISIONAL ? { KEFU_BOT_PROVISIONAL: String(i === 0) } : {}),
      } as Record<string, string>,
      ...unmeasured(),
    })),
  );
  try {
    await withConnection(db.url, async (sql) => {
      await migrate(sql);
      await seedBotFixtures(sql);
    });
    const { oneLine } = callAudio(tmp.dir);
    let port = 18_090;
    for (const v of variants) v.agent = await startAgent(target, db.url, v.name, port++, v.env, v.repo);
    console.log('bot bench: LiveKit test server, PocketSphinx (en), offline text pipeline, Postgres; turns alternate');
    for (const v of variants) console.log(`  ${v.label}: worker \`${v.agent!.command}\``);
    for (let turn = 0; turn < TURNS; turn++) {
      for (const v of variants) {
        const at = await oneTurn(target, db.url, v, oneLine).catch((err: unknown) => {
          console.log(`  ${v.label}: turn ${turn + 1} failed: ${(err as Error).message.split('\n')[0]}`);
          return undefined;
        });
        if (at !== undefined) v.samples.push(at);
      }
    }
    for (const v of variants) {
      const ms = (xs: number[], p: number) => `${percentile(xs, p).toFixed(0)} ms`;
      console.log(
        `  ${v.label.padEnd(16)} end of customer speech → suggestion at merchant: p50 ${ms(v.samples, 50)}, p95 ${ms(v.samples, 95)} over ${v.samples.length} turns; of which speech end → final transcript at the merchant (VAD end, decoder's last pass, delivery) p50 ${ms(v.toFinal, 50)}, p95 ${ms(v.toFinal, 95)}, and final → suggestion (text pipeline, delivery) p50 ${ms(v.finalToSuggestion, 50)}, p95 ${ms(v.finalToSuggestion, 95)}; bot in the room ${percentile(v.joinMs, 50).toFixed(0)} ms after dispatch (p50); worker CPU ${(v.cpuMs / 1000 / (v.callMs / 60_000)).toFixed(1)} s per call-minute; the call's job process PSS ${v.jobPssMb.length > 0 ? `p50 ${percentile(v.jobPssMb, 50).toFixed(0)} MB` : 'none (calls in the worker)'}, worker group ${percentile(v.groupPssMb, 50).toFixed(0)} MB in ${v.processes} processes`,
      );
    }
    for (const v of variants) {
      const ms = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(0)} / p95 ${percentile(xs, 95).toFixed(0)} ms`;
      console.log(
        `  ${v.label.padEnd(16)} end of customer speech → first reply at the merchant (provisional or final) ${ms(v.samples)}; → reply standing on the final (confirmed, or the final's own) ${ms(v.settled)}; turns with a provisional reply ${v.early} of ${v.samples.length}, of which withdrawn ${v.withdrawn}${v.noProvisional.size > 0 ? `; why none (the bot's log): ${[...v.noProvisional].map(([why, n]) => `${why} ×${n}`).join(', ')}` : ''}`,
      );
    }
    for (const v of variants) {
      const st = v.stages;
      if (st.vad.length === 0) continue;
      const pp = (xs: number[]) => `${percentile(xs, 50).toFixed(0)}/${percentile(xs, 95).toFixed(0)}`;
      console.log(
        `  ${v.label.padEnd(16)} stages p50/p95 ms over ${st.vad.length} turns (the bot's own clock): speech end → the VAD ends the utterance ${pp(st.vad)}; → final released (recogniser's last pass) ${pp(st.lastPass)}; → advice sent (text pipeline) ${pp(st.analysis)}; → at the merchant (delivery through the test server) ${pp(st.delivery)}${st.provisional.length > 0 ? `; VAD end → provisional replies sent ${pp(st.provisional)} (${st.provisional.length} turns)` : ''}`,
      );
    }
    for (const v of variants) {
      const ahead = speculationsOf(v.agent!.tail(100_000));
      if (ahead)
        console.log(
          `  ${v.label.padEnd(16)} advice computed on the interim stood for the final ${ahead.used} times, discarded ${ahead.discarded} times (the final differed in what advice reads), over ${ahead.calls} calls`,
        );
    }
    for (const v of variants)
      console.log(
        `  ${v.label.padEnd(16)} what the merchant got (customer's final; standing replies): ${[...v.got].map(([got, n]) => `${got} ×${n}`).join('; ')}`,
      );
    // Finals and replies apart: PocketSphinx's front end is not deterministic between runs (0285),
    // so a final can differ by a word on both sides alike while every reply stays the same.
    const kinds = (key: 'final' | 'replies') =>
      variants.map((v) =>
        JSON.stringify([...new Set([...v.got.keys()].map((g) => JSON.stringify(JSON.parse(g)[key])))].sort()),
      );
    const same = (xs: string[]) =>
      xs.every((x) => x === xs[0]) ? 'the same in every checkout' : 'DIFFER between checkouts (above)';
    console.log(`  what the merchant got: replies ${same(kinds('replies'))}; finals ${same(kinds('final'))}`);
    console.log(
      `  load average ${loadAverage()} (2-core machine shared with other work: compare the two lines, not the absolutes)`,
    );
  } finally {
    for (const v of variants) await v.agent?.stop();
    tmp.remove();
    db.stop();
    await target.close();
  }
}

type Variant = {
  label: string;
  repo: string;
  agent?: RunningAgent;
  name: string;
  env: Record<string, string>;
  samples: number[];
  /** Speech end → the reply standing on the final: confirmed provisional, or the final's own. */
  settled: number[];
  /** Turns whose first reply was provisional, and of those, withdrawn. */
  early: number;
  withdrawn: number;
  /** Speech end → the customer's final transcript at the merchant, and that → the suggestion. */
  toFinal: number[];
  finalToSuggestion: number[];
  /** CPU of the worker's process group while calls were on, and how long they were on. */
  cpuMs: number;
  callMs: number;
  /** At each suggestion: the call's job process (the largest in the group) and the whole group. */
  jobPssMb: number[];
  groupPssMb: number[];
  processes: number;
  /** Call started (bot dispatched) → the bot in the room. */
  joinMs: number[];
  /** Stages from the bot's own timing line (wall clock, same host): see `stagesOf`. */
  stages: { vad: number[]; lastPass: number[]; analysis: number[]; delivery: number[]; provisional: number[] };
  /** Why turns got no provisional reply, as the bot logged it (decision 0725). */
  noProvisional: Map<string, number>;
  /** What the merchant got each turn (the customer's final, the standing replies' text), counted: a speed change keeps it. */
  got: Map<string, number>;
};
const unmeasured = () => ({
  samples: [],
  settled: [],
  early: 0,
  withdrawn: 0,
  toFinal: [],
  finalToSuggestion: [],
  cpuMs: 0,
  callMs: 0,
  jobPssMb: [],
  groupPssMb: [],
  processes: 0,
  joinMs: [],
  stages: { vad: [], lastPass: [], analysis: [], delivery: [], provisional: [] },
  noProvisional: new Map(),
  got: new Map(),
});

async function oneTurn(target: LiveKitTarget, dbUrl: string, v: Variant, wav: string): Promise<number> {
  const livekit = { url: target.url, apiKey: target.apiKey, apiSecret: target.apiSecret, agentName: v.name };
  const call = await joinBenchCall(dbUrl, livekit, ['customer']);
  const { merchant, customer } = call;
  v.joinMs.push(call.botJoinMs);
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Sampled while the call's job process lives (it exits after the call, taking its CPU count with it).
    const before = sampleGroup(v.agent!.pid);
    const t0 = Date.now();
    const { capturedAt } = await customer.speak(wav);
    // Where speech ends in real time (the WAV ends with 1.5 s of quiet), so a process that falls
    // behind while playing the audio out shows up as latency rather than hiding in a late capture.
    const speechEnd = capturedAt[0]! + capturedAt.length * 10 - 1500;
    const copilot = () => merchant.textsOn(COPILOT_TOPIC).map((t) => ({ ...t, type: t.attributes['kefu.event'] }));
    const arrived = await waitFor(
      () => copilot().find((t) => REPLY_EVENTS.includes(t.type ?? '')),
      30_000,
      'a suggestion',
    );
    // A provisional reply stands once confirmed, or is replaced by the final's own (or withdrawn outright).
    const standing =
      arrived.type === 'suggestions.provisional'
        ? await waitFor(
            () =>
              copilot().find(
                (t) =>
                  t.at >= arrived.at &&
                  t.type !== arrived.type &&
                  t.type !== 'suggestions.withdrawn' &&
                  t.type?.startsWith('suggestions.'),
              ) ?? copilot().find((t) => t.type === 'suggestions.withdrawn' && t.text.includes('"replacedBy":[]')),
            30_000,
            'the provisional reply settled',
          )
        : arrived;
    v.settled.push(standing.at - speechEnd);
    if (arrived.type === 'suggestions.provisional') v.early++;
    if (copilot().some((t) => t.type === 'suggestions.withdrawn')) v.withdrawn++;
    const after = sampleGroup(v.agent!.pid);
    v.cpuMs += after.cpuMs - before.cpuMs;
    v.callMs += Date.now() - t0;
    const jobs = after.pssMb.filter((p) => p.pid !== v.agent!.pid);
    if (jobs.length > 0) v.jobPssMb.push(Math.max(...jobs.map((p) => p.mb)));
    v.groupPssMb.push(after.pssMb.reduce((sum, p) => sum + p.mb, 0));
    v.processes = after.pssMb.length;
    // The customer's last final before the suggestion: the utterance the suggestion answers.
    const final = merchant
      .textsOn(TRANSCRIPTION_TOPIC)
      .filter(
        (t) =>
          t.attributes[TRANSCRIPTION_ATTRIBUTES.final] === 'true' &&
          t.attributes['kefu.speaker'] === 'customer' &&
          t.at <= standing.at,
      )
      .at(-1);
    // A confirmation names the provisional replies by id: their text is the arrived event's.
    const repliesOf = (text: string) =>
      (JSON.parse(text) as { event?: { suggestions?: { text: string; policies: string[] }[] } }).event?.suggestions;
    const replies = repliesOf(standing.type === 'suggestions.confirmed' ? arrived.text : standing.text);
    const got = JSON.stringify({
      final: final?.text,
      replies: replies?.map((r) => ({ text: r.text, policies: r.policies })) ?? standing.type,
    });
    v.got.set(got, (v.got.get(got) ?? 0) + 1);
    if (final) {
      v.toFinal.push(final.at - speechEnd);
      v.finalToSuggestion.push(standing.at - final.at);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const timing = stagesOf(v.agent!.tail(200), speechEnd, standing.at);
    if (timing) {
      v.stages.vad.push(timing.vadEnd - speechEnd);
      v.stages.lastPass.push(timing.final - timing.vadEnd);
      v.stages.analysis.push(timing.adviceOut - timing.final);
      v.stages.delivery.push(standing.at - timing.adviceOut);
      if (timing.provisionalOut !== undefined) v.stages.provisional.push(timing.provisionalOut - timing.vadEnd);
      if (timing.noProvisional)
        v.noProvisional.set(timing.noProvisional, (v.noProvisional.get(timing.noProvisional) ?? 0) + 1);
    }
    return arrived.at - speechEnd;
  } finally {
    await Promise.all([merchant.leave(), customer.leave()]);
    await new RoomServiceClient(livekit.url, livekit.apiKey, livekit.apiSecret).deleteRoom(call.room).catch(() => {});
  }
}

/**
 * The bot's timing line for the customer utterance that ended between `from` - 1 s and `until`
 * (agent/room.ts: wall-clock instants of the VAD's end, the final released, the advice sent), or
 * undefined when the checkout does not log one.
 */
function stagesOf(log: string, from: number, until: number) {
  const pattern =
    /customer utterance timing: vad end (\d+) final (\d+) advice out (\d+)(?: provisional out (\d+))?(?: no provisional \(([^)]+)\))?/;
  for (const line of log.split('\n').reverse()) {
    const m = pattern.exec(line);
    if (!m) continue;
    const [vadEnd, final, adviceOut] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const provisionalOut = m[4] === undefined ? undefined : Number(m[4]);
    if (vadEnd >= from - 1000 && adviceOut <= until)
      return { vadEnd, final, adviceOut, provisionalOut, noProvisional: m[5] };
  }
  return undefined;
}

/** The speculation counts of every call the worker ended (agent/room.ts's "ended" line), summed. */
function speculationsOf(log: string): { calls: number; used: number; discarded: number } | undefined {
  const pattern = /advice ahead of the final (\d+) times \((\d+) discarded\)/;
  const counts = log
    .split('\n')
    .map((line) => pattern.exec(line))
    .filter((m) => m !== null);
  if (counts.length === 0) return undefined;
  return {
    calls: counts.length,
    used: counts.reduce((n, m) => n + Number(m[1]), 0),
    discarded: counts.reduce((n, m) => n + Number(m[2]), 0),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--in-netns')) {
    await inNamespace();
    process.exit(0);
  }
  await runBotBench();
}
