import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import * as config from '../core/config.js';
import type { TranscriptLine } from '../core/domain.js';
import * as client from '../db/client.js';
import * as migration from '../db/migrate.js';
import * as people from '../db/queries/people.js';
import * as building from '../pipelines/session/build-analyzers.js';
import * as callAnalysis from '../pipelines/session/call-analysis.js';
import * as callSession from '../pipelines/session/call-session.js';
import { parseTranscriptJsonl } from '../pipelines/transcript/jsonl.js';
import { ms, percentile, threadCpuMs, threadCpuNs } from './stats.js';

const CUSTOMER = [
  '你好，我的订单号是 2406 1158 7736 219，昨天收到的苹果烂了三个，一共十个',
  '快递单号 SF1234567890123 显示三天了还没到，我都等急了',
  '洗衣机装好了但是一开机就漏水，能不能派师傅上门看看',
  'My order 7731904452 arrived yesterday and the left earbud is dead',
  'The package was supposed to come Monday, it is still not here',
  '少发了一双袜子，我付了 59 块',
  'Can I just get a refund? I paid $29 for it',
  '这个水壶用了两天就坏了，我要退货',
];
const MERCHANT = [
  '非常抱歉，我今天就给您退款',
  '您看我明天给您补发可以吗',
  'Sorry about that, I will ship a replacement by Friday',
  '师傅明天上午上门给您处理',
  'I will call you back within 2 hours',
  '您可以在平台申请售后，我这边马上同意',
  '您加我微信 abc8899，我私下转您钱',
  'If you leave five stars I will send you $5 back',
];

/** The modules the bench runs: these sources (under tsx), or their compiled dist/ (what production runs). */
const MODULES = {
  'core/config.js': config,
  'db/client.js': client,
  'db/migrate.js': migration,
  'db/queries/people.js': people,
  'pipelines/session/build-analyzers.js': building,
  'pipelines/session/call-analysis.js': callAnalysis,
  'pipelines/session/call-session.js': callSession,
};
type Modules = typeof MODULES;

/** The same modules from dist/ (`npm run build`); refused when dist/ is missing or older than a source. */
async function compiledModules(): Promise<Modules> {
  const dist = new URL('../dist/', import.meta.url);
  const { distIsFresh } = (await import(new URL('../bin/compiled.js', import.meta.url).href)) as {
    distIsFresh: () => boolean;
  };
  if (!existsSync(dist) || !distIsFresh())
    throw new Error('bench text-dist: dist/ is missing or stale; run npm run build');
  const loaded: Record<string, unknown> = {};
  for (const path of Object.keys(MODULES)) loaded[path] = await import(new URL(path, dist).href);
  return loaded as Modules;
}

/** A long call: customer and merchant alternate, 3 s apart, cycling through realistic lines. */
export function longTranscript(n: number): TranscriptLine[] {
  return Array.from({ length: n }, (_, i) => {
    const pool = i % 2 === 0 ? CUSTOMER : MERCHANT;
    return {
      speaker: i % 2 === 0 ? 'customer' : 'merchant',
      text: pool[Math.floor(i / 2) % pool.length]!,
      startMs: i * 3000,
      endMs: i * 3000 + 2500,
    };
  });
}

/** The development sets' calls (never the blind ones), whose lines the first-seen runs read. */
const RECORDED_SETS = ['blind-c', 'blind-d', 'blind-e', 'blind-f', 'blind-g', 'blind-h', 'analyze', 'analyze-b'];

/**
 * Recorded calls' lines, each text once (~4,600 distinct), in call order: every line is new to
 * every per-text memo and to the language layer's cache, as most lines of a real call are. Lines
 * from `skip` on, so two runs in one process can both read lines neither has seen.
 */
export function firstSeenTranscript(n: number, skip = 0): TranscriptLine[] {
  const seen = new Set<string>();
  const pool: TranscriptLine[] = [];
  for (const set of RECORDED_SETS) {
    const dir = new URL(`../eval/${set}/calls/`, import.meta.url);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()) {
      for (const line of parseTranscriptJsonl(readFileSync(new URL(file, dir), 'utf8'), file)) {
        if (seen.has(line.text)) continue;
        seen.add(line.text);
        pool.push(line);
      }
    }
  }
  if (skip + n > pool.length) throw new Error(`bench: only ${pool.length} distinct recorded lines, asked ${skip}+${n}`);
  return pool.slice(skip, skip + n).map((line, i) => ({ ...line, startMs: i * 3000, endMs: i * 3000 + 2500 }));
}

interface Run {
  n: number;
  /** Utterances per second of CPU time: what one core sustains, whatever else the machine runs. */
  perCore: number;
  /** Utterances per second of wall time. */
  perSecond: number;
  /** Per-utterance CPU time, ms. */
  cpu: number[];
  /** Per-utterance wall time, ms (the delay a merchant sees). */
  wall: number[];
  /** The whole run's user and system CPU, s. */
  user: number;
  system: number;
  /** Utterances per second of the main thread's CPU alone (Linux), without V8's compiler and GC threads. */
  perMainThread: number | undefined;
  /** Per-utterance CPU of the main thread alone, ms (Linux; empty elsewhere): what the line itself costs. */
  mainCpu: number[];
}

async function measure(
  n: number,
  hear: (line: TranscriptLine) => Promise<unknown>,
  lines: TranscriptLine[] = longTranscript(n),
): Promise<Run> {
  const cpu: number[] = [];
  const wall: number[] = [];
  const mainCpu: number[] = [];
  const precise = threadCpuNs() !== undefined;
  const cpu0 = process.cpuUsage();
  const thread0 = threadCpuMs();
  const t0 = performance.now();
  for (const line of lines) {
    const c = process.cpuUsage();
    const main = precise ? threadCpuNs()! : 0;
    const t = performance.now();
    await hear(line);
    wall.push(performance.now() - t);
    if (precise) mainCpu.push((threadCpuNs()! - main) / 1e6);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const total = process.cpuUsage(cpu0);
  const thread1 = threadCpuMs();
  return {
    perMainThread: thread0 !== undefined && thread1 !== undefined ? n / ((thread1 - thread0) / 1000) : undefined,
    n,
    perCore: n / ((total.user + total.system) / 1e6),
    perSecond: n / ((performance.now() - t0) / 1000),
    cpu,
    wall,
    mainCpu,
    user: total.user / 1e6,
    system: total.system / 1e6,
  };
}

/**
 * The text pipeline per utterance — notes, compliance, advice after buyer lines — first on its
 * own (`CallAnalysis`, what `kefu analyze` runs) over first-seen lines (recorded calls' lines, each
 * new to every cache: the figure the goal is judged on) and over cycled lines (kept after their
 * first time: what the per-text memos save), then as a live call runs it (`CallSession`, each
 * utterance and finding stored in embedded PGlite), on both kinds. Figures from main before incremental
 * notes (bench/baselines/text.json) are printed beside them.
 */
export async function runTextPipelineBench(
  options: { utterances?: number; log?: (line: string) => void; compiled?: boolean } = {},
): Promise<void> {
  const log = options.log ?? console.log;
  const m = options.compiled ? await compiledModules() : MODULES;
  const { loadConfig } = m['core/config.js'];
  const { openDatabase } = m['db/client.js'];
  const { migrate } = m['db/migrate.js'];
  const { upsertMerchant } = m['db/queries/people.js'];
  const { buildAnalyzers } = m['pipelines/session/build-analyzers.js'];
  const { CallAnalysis } = m['pipelines/session/call-analysis.js'];
  const { CallSession } = m['pipelines/session/call-session.js'];
  log(options.compiled ? 'modules: compiled dist/ (what production runs)' : 'modules: sources under tsx');
  const n = options.utterances ?? Number(process.env.KEFU_BENCH_UTTERANCES ?? 2000);
  const startedAt = new Date();
  const timeZone = 'Asia/Shanghai';
  const goals: string[] = [];
  /** Issue 11's goals, judged on first-seen lines: ≥ 5,000 utterances/s per core, CPU p99 ≤ 2 ms. */
  const judge = (where: string, run: Run) => {
    const p99 = percentile(run.cpu, 99);
    const own = run.mainCpu.length > 0 ? `; main thread's CPU p99 ${ms(percentile(run.mainCpu, 99))}` : '';
    goals.push(
      `  ${where}: ${run.perCore.toFixed(0)} utterances/s per core (goal ≥ 5000: ${run.perCore >= 5000 ? 'met' : 'not met'}), CPU p50 ${ms(percentile(run.cpu, 50))} p99 ${ms(p99)} (goal ≤ 2 ms: ${p99 <= 2 ? 'met' : 'not met'})${own}`,
    );
  };
  const report = (title: string, run: Run, before?: BaselineRun) => {
    const was = (x: number | undefined, unit = '') => (x === undefined ? '' : `   (before: ${x.toFixed(1)}${unit})`);
    log(`${title}, ${run.n} utterances (offline engines)`);
    log(`  ${run.perCore.toFixed(0)} utterances/s per core (CPU time)${was(before?.perCore)}`);
    if (run.perMainThread !== undefined)
      log(
        `  ${run.perMainThread.toFixed(0)} utterances/s of the main thread's CPU (without V8's compiler and GC threads)`,
      );
    log(`  ${run.perSecond.toFixed(0)} utterances/s wall clock${was(before?.perSecond)}`);
    log(`  CPU ${run.user.toFixed(2)} s user + ${run.system.toFixed(2)} s system`);
    log(
      `  per utterance CPU p50 ${ms(percentile(run.cpu, 50))}  p99 ${ms(percentile(run.cpu, 99))}${was(before?.p99, ' ms p99')}`,
    );
    if (run.mainCpu.length > 0)
      log(
        `  per utterance main thread's CPU p50 ${ms(percentile(run.mainCpu, 50))}  p99 ${ms(percentile(run.mainCpu, 99))} (the line's own work)`,
      );
    log(`  per utterance wall p50 ${ms(percentile(run.wall, 50))}  p99 ${ms(percentile(run.wall, 99))}`);
    log(`  last 100 utterances CPU p50 ${ms(percentile(run.cpu.slice(-100), 50))} (a long call stays as fast)`);
  };

  // Building the analyzers loads every engine's knowledge and compiles its patterns (warm-up.ts):
  // a process pays it once, before its first call; printed so the per-utterance figures hide nothing.
  const built = process.cpuUsage();
  const analyzers = await buildAnalyzers({ config: loadConfig({}), warm: true });
  const load = process.cpuUsage(built);
  log(`analyzers built (knowledge loaded, patterns compiled): ${ms((load.user + load.system) / 1000)} CPU`);
  // First-seen lines first, so no earlier run has kept any of them.
  const fresh = new CallAnalysis(analyzers, { startedAt, timeZone, language: 'zh', orders: [] });
  const firstSeen = firstSeenTranscript(n);
  const noDatabase = await measure(n, (l) => fresh.hear(l), firstSeen);
  report('text pipeline, no database, first-seen lines (each new to every cache, as in a real call)', noDatabase);
  judge('no database', noDatabase);
  const analysis = new CallAnalysis(analyzers, { startedAt, timeZone, language: 'zh', orders: [] });
  report(
    'text pipeline, no database, repeated lines (16 lines cycled, kept after their first time)',
    await measure(n, (l) => analysis.hear(l)),
    BASELINE.noDatabase,
  );

  const db = await openDatabase({ kind: 'memory' });
  try {
    await migrate(db.sql);
    const stored = await buildAnalyzers({ config: loadConfig({}), sql: db.sql, warm: true });
    await upsertMerchant(db.sql, { id: 'm-bench', name: 'bench' });
    const dbRuns = Math.min(n, 1000);
    // The same two kinds of line as above: first-seen lines nobody has read yet (after the no-DB
    // run's), then the cycled lines, whose text analysis is kept, so what remains is the storing.
    for (const [kind, lines] of [
      ['first-seen lines', firstSeenTranscript(dbRuns, n)],
      ['repeated lines (what storing costs)', longTranscript(dbRuns)],
    ] as const) {
      const session = await CallSession.start(
        { sql: db.sql, analyzers: stored, emit: () => {} },
        { room: `bench-${kind}-${Date.now()}`, merchantId: 'm-bench', buyerId: 'b', startedAt, timeZone },
      );
      const run = await measure(
        dbRuns,
        (l) => session.addUtterance({ ...l, engine: 'transcript', confidence: null }),
        lines,
      );
      await session.end();
      report(`text pipeline, live call session on embedded PGlite, ${kind}`, run, BASELINE.embeddedDatabase);
      if (kind === 'first-seen lines') judge('embedded PGlite', run);
    }
  } finally {
    await db.close();
  }
  log(`  before = ${BASELINE.commit}: ${BASELINE.how}`);
  log('issue 11 goals, first-seen lines (with --against REF, REF → now beside each figure):');
  for (const line of goals) log(line);
  log(
    `load average at the end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
}

interface BaselineRun {
  perCore: number;
  perSecond: number;
  p99: number;
}
const BASELINE: { commit: string; how: string; noDatabase: BaselineRun; embeddedDatabase: BaselineRun } = JSON.parse(
  readFileSync(new URL('./baselines/text.json', import.meta.url), 'utf8'),
);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runTextPipelineBench();
