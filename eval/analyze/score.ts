/**
 * Blind evaluation of `kefu analyze`: runs every call in eval/analyze/calls through the CLI
 * (a child process, offline) and compares with eval/analyze/expected/<name>.json.
 *
 *   npx tsx eval/analyze/score.ts [--set DIR] [--in-process] [name-filter]
 *
 * --set DIR names a folder holding calls/ and expected/ (relative to the repo root, or absolute);
 * the default is eval/analyze.
 * --in-process runs the same steps as `kefu analyze` (in-process.ts) in this process, one scratch
 * database for all calls, one call at a time, instead of a CLI child process per call (~10 s each).
 *
 * Matching:
 * - orderNumbers: exact strings, as sets per call.
 * - amounts: distinct value+currency per call (a repeated amount counts once).
 * - promises: matched on speaker+action (same utterance preferred, then nearest); among matched,
 *   deadline accuracy and conditional accuracy. Recall per action class, and how many expected
 *   promises had a promise of any action on their line (found, whatever the class).
 * - flags: matched on category+utterance; false positives on lines listed in `hardNegatives`
 *   are counted separately from other false positives. Recall and false positives per category;
 *   calls with any flag not expected ("calls with a false flag"), and recall over privacy_request +
 *   contact_exchange + off_platform_payment together.
 * - recommendedRefund: the kind of the option with `recommended: true` (null when none), accuracy.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type ExpectedCall, parseExpected } from './expected.js';
import { openAnalyzer } from './in-process.js';
import { matchPromises } from './match-promises.js';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');

function parseArgs(argv: string[]): { set: string; filter: string; inProcess: boolean } {
  let set = here,
    filter = '',
    inProcess = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--set' || arg.startsWith('--set=')) {
      const dir = arg === '--set' ? argv[++i] : arg.slice('--set='.length);
      if (!dir) {
        console.error('usage: score.ts [--set DIR] [name-filter]');
        process.exit(2);
      }
      set = resolve(repo, dir);
    } else if (arg === '--in-process') inProcess = true;
    else filter = arg;
  }
  return { set, filter, inProcess };
}
const { set: setDir, filter: nameFilter, inProcess } = parseArgs(process.argv.slice(2));

interface ExpPromise {
  speaker: string;
  action: string;
  deadline: string | null;
  conditional: boolean;
  utterance?: number;
}
interface Got {
  orderNumbers: string[];
  amounts: { value: number; currency: string; utterance: number }[];
  promises: (ExpPromise & { utterance: number; text: string })[];
  flags: { category: string; utterance: number; speaker: string; evidence: string; rule: string }[];
  refundOptions: { kind: string; recommended: boolean }[];
}

class PRF {
  tp = 0;
  fp = 0;
  fn = 0;
  line(name: string): string {
    const p = this.tp + this.fp ? this.tp / (this.tp + this.fp) : 1;
    const r = this.tp + this.fn ? this.tp / (this.tp + this.fn) : 1;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    return `${name.padEnd(14)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(f)}   (tp ${this.tp}, fp ${this.fp}, fn ${this.fn})`;
  }
}
const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)}%`;
const mismatches = {
  orderNumbers: [] as string[],
  amounts: [] as string[],
  promises: [] as string[],
  flags: [] as string[],
  recommendedRefund: [] as string[],
};
const miss = (field: keyof typeof mismatches, call: string, expected: unknown, got: unknown) =>
  mismatches[field].push(`${call}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);

const orders = new PRF(),
  amounts = new PRF(),
  promises = new PRF(),
  flags = new PRF();
let deadlineOk = 0,
  conditionalOk = 0,
  hardNegFp = 0,
  otherFp = 0,
  hardNegLines = 0,
  hardNegLinesFlagged = 0,
  callsWithFalseFlag = 0;
let refundOk = 0,
  refundN = 0;
/** Per action class / flag category: expected, matched, and (promises) found on the line with any action. */
const byAction = new Map<string, { n: number; tp: number; anyAction: number }>();
const byCategory = new Map<string, { n: number; tp: number; fp: number }>();
const tally = <T>(map: Map<string, T>, key: string, init: () => T): T => {
  if (!map.has(key)) map.set(key, init());
  return map.get(key)!;
};

async function analyze(name: string, startedAt: string): Promise<Got> {
  const { stdout } = await run(
    'node',
    ['bin/kefu.js', 'analyze', join(setDir, 'calls', `${name}.jsonl`), '--started-at', startedAt, '--json'],
    { cwd: repo, maxBuffer: 64 << 20 },
  );
  return JSON.parse(stdout) as Got;
}

function score(name: string, exp: ExpectedCall, got: Got): void {
  // order numbers
  const eo = new Set(exp.orderNumbers),
    go = new Set(got.orderNumbers);
  for (const o of eo)
    if (go.has(o)) orders.tp++;
    else {
      orders.fn++;
      miss('orderNumbers', name, o, null);
    }
  for (const o of go)
    if (!eo.has(o)) {
      orders.fp++;
      miss('orderNumbers', name, null, o);
    }

  // amounts
  const key = (a: { value: number; currency: string }) => `${Math.round(a.value * 100) / 100} ${a.currency}`;
  const ea = new Set(exp.amounts.map(key)),
    ga = new Set(got.amounts.map(key));
  for (const a of ea)
    if (ga.has(a)) amounts.tp++;
    else {
      amounts.fn++;
      miss('amounts', name, a, null);
    }
  for (const a of ga)
    if (!ea.has(a)) {
      amounts.fp++;
      miss('amounts', name, null, `${a} (line ${got.amounts.find((x) => key(x) === a)?.utterance})`);
    }

  // promises
  const show = (p: ExpPromise) =>
    `${p.speaker} ${p.action} ${p.deadline ?? 'null'}${p.conditional ? ' cond' : ''} @${p.utterance}`;
  const { matched, extra } = matchPromises(exp.promises, got.promises);
  for (const [e, g] of matched) {
    const cls = tally(byAction, e.action, () => ({ n: 0, tp: 0, anyAction: 0 }));
    cls.n++;
    if (got.promises.some((g) => g.speaker === e.speaker && g.utterance === e.utterance)) cls.anyAction++;
    if (!g) {
      promises.fn++;
      miss('promises', name, show(e), null);
      continue;
    }
    promises.tp++;
    cls.tp++;
    const dOk = g.deadline === e.deadline,
      cOk = g.conditional === e.conditional;
    if (dOk) deadlineOk++;
    if (cOk) conditionalOk++;
    if (!dOk || !cOk || g.utterance !== e.utterance) {
      miss(
        'promises',
        name,
        show(e),
        `${show(g)} "${g.text}"${dOk ? '' : ' [deadline]'}${cOk ? '' : ' [conditional]'}` +
          (g.utterance !== e.utterance ? ' [other line]' : ''),
      );
    }
  }
  for (const g of extra) {
    promises.fp++;
    miss('promises', name, null, `${show(g)} "${g.text}"`);
  }

  // flags
  const hard = new Set(exp.hardNegatives ?? []);
  hardNegLines += hard.size;
  const flagged = new Set<number>();
  const fkey = (f: { category: string; utterance: number }) => `${f.category}@${f.utterance}`;
  const ef = new Set(exp.flags.map(fkey));
  const gf = new Map(got.flags.map((f) => [fkey(f), f]));
  for (const f of exp.flags) tally(byCategory, f.category, () => ({ n: 0, tp: 0, fp: 0 })).n++;
  for (const f of ef)
    if (gf.has(f)) {
      flags.tp++;
      tally(byCategory, f.split('@')[0]!, () => ({ n: 0, tp: 0, fp: 0 })).tp++;
    } else {
      flags.fn++;
      miss('flags', name, f, null);
    }
  for (const [k, f] of gf) {
    if (ef.has(k)) continue;
    flags.fp++;
    tally(byCategory, f.category, () => ({ n: 0, tp: 0, fp: 0 })).fp++;
    const onHard = hard.has(f.utterance);
    if (onHard) {
      hardNegFp++;
      flagged.add(f.utterance);
    } else otherFp++;
    miss('flags', name, null, `${k} ${f.speaker} "${f.evidence}" ${f.rule}${onHard ? ' [HARD NEGATIVE]' : ''}`);
  }
  hardNegLinesFlagged += flagged.size;
  if ([...gf.keys()].some((k) => !ef.has(k))) callsWithFalseFlag++;

  // recommended refund
  const rec = got.refundOptions.find((o) => o.recommended)?.kind ?? null;
  refundN++;
  if (rec === exp.recommendedRefund) refundOk++;
  else
    miss(
      'recommendedRefund',
      name,
      exp.recommendedRefund,
      `${rec} (options: ${got.refundOptions.map((o) => o.kind).join(', ') || 'none'})`,
    );
}

async function main(): Promise<void> {
  const filter = nameFilter;
  const names = readdirSync(join(setDir, 'calls'))
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => f.replace(/\.jsonl$/, ''))
    .filter((n) => n.includes(filter))
    .sort();
  const expected = new Map(
    names.map((n) => {
      const file = join(setDir, 'expected', `${n}.json`);
      return [n, parseExpected(readFileSync(file, 'utf8'), file)];
    }),
  );
  const results = new Map<string, Got>();
  if (inProcess) {
    const analyzer = await openAnalyzer();
    try {
      for (const n of names) {
        const file = join(setDir, 'calls', `${n}.jsonl`);
        results.set(n, (await analyzer.analyze(readFileSync(file, 'utf8'), expected.get(n)!.startedAt, file)) as Got);
      }
    } finally {
      await analyzer.close();
    }
  } else {
    const queue = [...names];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let n = queue.shift(); n; n = queue.shift()) results.set(n, await analyze(n, expected.get(n)!.startedAt));
      }),
    );
  }
  for (const n of names) score(n, expected.get(n)!, results.get(n)!);

  console.log(
    `kefu analyze, blind set${setDir === here ? '' : ` ${relative(repo, setDir) || setDir}`}: ${names.length} calls\n`,
  );
  console.log(orders.line('orderNumbers'));
  console.log(amounts.line('amounts'));
  console.log(promises.line('promises'));
  console.log(
    `${''.padEnd(14)} deadline ${deadlineOk}/${promises.tp} of matched, conditional ${conditionalOk}/${promises.tp} of matched`,
  );
  console.log(flags.line('flags'));
  console.log(
    `${''.padEnd(14)} false positives: ${hardNegFp} on hard-negative lines (${hardNegLinesFlagged}/${hardNegLines} such lines flagged), ${otherFp} elsewhere`,
  );
  console.log(
    `${''.padEnd(14)} calls with a false flag: ${callsWithFalseFlag}/${refundN} (${pct(callsWithFalseFlag / refundN).trim()})`,
  );
  const privacy = ['privacy_request', 'contact_exchange', 'off_platform_payment'].map((c) => byCategory.get(c));
  const privacyN = privacy.reduce((s, t) => s + (t?.n ?? 0), 0),
    privacyTp = privacy.reduce((s, t) => s + (t?.tp ?? 0), 0);
  console.log(
    `${''.padEnd(14)} privacy/contact/payment recall: ${privacyTp}/${privacyN} (${privacyN ? pct(privacyTp / privacyN).trim() : '–'})`,
  );
  console.log(`${'refund kind'.padEnd(14)} ${refundOk}/${refundN} correct (${pct(refundOk / refundN)})`);
  console.log('\npromise recall by action class (found = a promise of any class on that line)');
  for (const [action, t] of [...byAction].sort())
    console.log(`  ${action.padEnd(12)} R ${pct(t.tp / t.n)}  (${t.tp}/${t.n}; found ${t.anyAction}/${t.n})`);
  console.log('flag recall by category');
  for (const [category, t] of [...byCategory].sort())
    console.log(`  ${category.padEnd(21)} R ${t.n ? pct(t.tp / t.n) : '    –'}  (${t.tp}/${t.n}; false flags ${t.fp})`);
  for (const [field, list] of Object.entries(mismatches)) {
    console.log(`\n## ${field} (${list.length})`);
    for (const m of list) console.log(`- ${m}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
