/**
 * Where a first-seen line's time goes: `CallAnalysis.hear` over N recorded lines new to every cache
 * (the text bench's first-seen run), profiled through node:inspector after the analyzers are built,
 * summed per function — self time and inclusive time (a function counted once per sample however
 * deep it recurses) — and per stage: each sample charged to the engine of the innermost pipelines/
 * frame on its stack (regexMatches and memoByText are passed over, so a data pattern's run and a
 * memo's look-up count for the stage that asked; the language layer split by file). Optionally writes the raw profile for a viewer.
 *
 *   npx tsx bench/text-profile.ts [N=2000] [TOP=40] [OUT.cpuprofile]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { firstSeenCall, frameName } from './profile-call.js';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const n = Number(process.argv[2] ?? 2000);
const top = Number(process.argv[3] ?? 40);
const { analysis, lines } = await firstSeenCall(n);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
for (const line of lines) await analysis.hear(line);
const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
if (process.argv[4]) writeFileSync(process.argv[4], JSON.stringify(profile));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const name = (node: Node) => frameName(node.callFrame);
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const leaf = byId.get(id)!;
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const k = name(byId.get(at)!);
    if (!seen.has(k)) {
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  }
});
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled over ${n} lines)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${(v / 1000 / n).toFixed(3)} ms/line  ${k}`);
  }
};
/** The stage of a frame's file, or undefined outside the pipelines (a builtin, a RegExp, node:). */
const stageOf = (url: string): string | undefined => {
  const file = url.replace(/^.*\/pipelines\//, '');
  if (file === url) return undefined;
  const [dir, rest] = file.split('/');
  // A data pattern's run and a memo's look-up count for the stage that asked.
  if (dir === 'language' && (rest === 'regex-matches.ts' || rest === 'text-memo.ts')) return undefined;
  if (dir === 'language') return `language: ${rest}`;
  if (dir === 'compliance')
    return /learned|semantic/.test(rest!)
      ? 'trained layer'
      : /frame|call-state/.test(rest!)
        ? 'compliance: frames, call state'
        : 'compliance: rules, detector, arbitration';
  if (dir === 'learn' || dir === 'embed') return 'trained layer';
  if (dir === 'notes') return /promise/.test(rest!) ? 'notes: promises' : 'notes: amounts, deadlines, orders, products';
  if (dir === 'suggest' || dir === 'summary') return 'suggestions';
  return dir === 'session' ? 'session' : `other: ${dir}`;
};
const stages = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const leaf = byId.get(id)!;
  let stage = leaf.callFrame.functionName === '(garbage collector)' ? 'GC' : undefined;
  for (let at: number | undefined = id; at !== undefined && !stage; at = parent.get(at))
    stage = stageOf(byId.get(at)!.callFrame.url);
  stages.set(stage ?? 'other', (stages.get(stage ?? 'other') ?? 0) + dt);
});
show('self time', self);
show('inclusive time', inclusive);
show('by stage (innermost pipelines frame)', stages);
process.exit(0);
