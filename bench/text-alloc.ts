/**
 * Where a first-seen line's allocation goes: `CallAnalysis.hear` over N recorded lines new to every
 * cache (as bench/text-profile.ts), under V8's sampling heap profiler (node:inspector), after the
 * analyzers are built (objects GC collected are kept); bytes summed per allocating function (self)
 * and per stack (inclusive, once per stack however deep it recurses); optionally the last three
 * frames above one function's allocations.
 *
 *   npx tsx --no-regexp-tier-up bench/text-alloc.ts [N=1500] [TOP=40] [FUNCTION whose callers to list]
 */
import { Session } from 'node:inspector/promises';
import { firstSeenCall, frameName } from './profile-call.js';

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  id: number;
  children: HeapNode[];
}
interface Sample {
  size: number;
  nodeId: number;
}

const n = Number(process.argv[2] ?? 1500);
const top = Number(process.argv[3] ?? 40);
const { analysis, lines } = await firstSeenCall(n);
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
// Every object sampled at 1 KB on average; samples deleted by GC are kept (the flags below).
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 1024,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
for (const line of lines) await analysis.hear(line);
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as {
  profile: { head: HeapNode; samples: Sample[] };
};
const name = (node: HeapNode) => frameName(node.callFrame);
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
const focus = process.argv[4];
const callers = new Map<string, number>();
const walk = (node: HeapNode, stack: string[]) => {
  const k = name(node);
  if (focus && k.startsWith(focus) && node.selfSize) {
    const who = stack.slice(-3).join(' < ');
    callers.set(who, (callers.get(who) ?? 0) + node.selfSize);
  }
  const here = stack.includes(k) ? stack : [...stack, k];
  self.set(k, (self.get(k) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const s of here) if (node.selfSize) inclusive.set(s, (inclusive.get(s) ?? 0) + node.selfSize);
  for (const c of node.children) walk(c, here);
};
walk(profile.head, []);
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (${(total / n / 1024).toFixed(1)} KB a line sampled over ${n} lines)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${(v / n / 1024).toFixed(2)} KB/line  ${k}`);
  }
};
show('self', self);
show('inclusive', inclusive);
if (focus) show(`callers of ${focus} (last three frames)`, callers);
