/**
 * The lexicon scan alone (`matchEntries`), A/B in one process over the text bench's first-seen
 * lines: each entry of terms only started at its first literal (as shipped) against every entry
 * scanned from the line's start, alternating rounds so both pay the same load; prints the main
 * thread's CPU per line of each, and checks both found the same matches (decision 0695).
 *
 *   npx tsx --no-regexp-tier-up bench/lexicon-scan.ts [N=3000] [ROUNDS=6]
 */
import { isDeepStrictEqual } from 'node:util';
import { analyzeLine } from '../pipelines/language/index.js';
import { lexicon } from '../pipelines/language/lexicon.js';
import { type MatchInput, matchEntries } from '../pipelines/language/match.js';
import { threadCpuNs } from './stats.js';
import { firstSeenTranscript } from './text-pipeline.js';

const n = Number(process.argv[2] ?? 3000);
const rounds = Number(process.argv[3] ?? 6);
const shipped = lexicon();
const fromStart = { entries: shipped.entries.map((e) => ({ ...e, leads: false })), gate: shipped.gate };

const inputs: MatchInput[] = firstSeenTranscript(n).map(({ text }) => {
  const a = analyzeLine(text, { cache: false });
  return {
    norm: a.norm,
    lower: a.norm.toLowerCase(),
    hasHan: /\p{Script=Han}/u.test(a.norm),
    hasLatin: /[A-Za-z]/.test(a.norm),
    skip: a.masks.filter((m) => m.kind !== 'phone' && m.kind !== 'digits').map((m) => m.nspan),
    tokenStarts: new Set(a.tokens.map((t) => t.nspan[0])),
    tokenEnds: new Set(a.tokens.map((t) => t.nspan[1])),
  };
});
// The entries are copies, so matches are compared by the entry's ref.
const found = (lex: typeof shipped | typeof fromStart, input: MatchInput) =>
  matchEntries(lex, input).map((m) => [m.entry.ref, m.text, m.nspan]);
for (const input of inputs)
  if (!isDeepStrictEqual(found(shipped, input), found(fromStart, input)))
    throw new Error(`the two scans differ on ${JSON.stringify(input.norm)}`);

const cpu = () => threadCpuNs() ?? process.cpuUsage().user * 1000;
const run = (lex: typeof shipped | typeof fromStart) => {
  const start = cpu();
  for (const input of inputs) matchEntries(lex, input);
  return (cpu() - start) / 1000 / inputs.length;
};
const times = { leads: [] as number[], fromStart: [] as number[] };
for (let r = 0; r < rounds; r++) {
  times.fromStart.push(run(fromStart));
  times.leads.push(run(shipped));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${inputs.length} lines, same matches; µs a line (main thread's CPU), rounds then median:`);
for (const [name, xs] of Object.entries(times))
  console.log(`  ${name.padEnd(10)} ${xs.map((x) => x.toFixed(1)).join(' ')}  → ${median(xs).toFixed(1)}`);
