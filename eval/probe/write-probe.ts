/**
 * Writes a probe set (calls/*.jsonl + expected/*.json, as eval/analyze/score.ts reads) from one
 * compact spec file beside them, so a probe's calls are read and edited in one place and no
 * probe carries a generator of its own.
 *
 *   npx tsx eval/probe/write-probe.ts eval/<probe>/probe.json
 *
 * Labels a call does not give are empty (or null); every label is checked against its call:
 * line indices in range, promises on a line of their speaker, hard negatives never flagged.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { ExpectedCallSchema, ExpectedPromiseSchema } from '../analyze/expected.js';

const SPEAKERS = { c: 'customer', m: 'merchant' } as const;

const ProbeCallSchema = ExpectedCallSchema.extend({
  /** [speaker, text]: c is the customer (buyer), m the merchant. */
  lines: z.array(z.tuple([z.enum(['c', 'm']), z.string().min(1)])).min(1),
  orderNumbers: ExpectedCallSchema.shape.orderNumbers.default([]),
  amounts: ExpectedCallSchema.shape.amounts.default([]),
  promises: z
    .array(ExpectedPromiseSchema.extend({ speaker: ExpectedPromiseSchema.shape.speaker.default('merchant') }))
    .default([]),
  flags: ExpectedCallSchema.shape.flags.default([]),
  recommendedRefund: ExpectedCallSchema.shape.recommendedRefund.default(null),
  hardNegatives: z.array(z.number().int().nonnegative()).default([]),
});
const ProbeSchema = z.object({
  /** What the probe labels and who wrote it when: copied into every expected file. */
  note: z.string().min(1),
  calls: z.record(z.string().regex(/^[\w-]+$/, 'a file name: letters, digits, _ and -'), ProbeCallSchema),
});
type ProbeCall = z.infer<typeof ProbeCallSchema>;

/** Every way a call's labels can disagree with its lines, as readable problems. */
export function problemsOf(name: string, call: ProbeCall): string[] {
  const problems: string[] = [];
  const speakerOf = (i: number) => SPEAKERS[call.lines[i]![0]];
  const inRange = (what: string, i: number | undefined) => {
    if (i !== undefined && i >= call.lines.length)
      problems.push(`${name}: ${what} names line ${i}, the call has ${call.lines.length}`);
    return i !== undefined && i < call.lines.length;
  };
  for (const p of call.promises)
    if (inRange('a promise', p.utterance) && speakerOf(p.utterance!) !== p.speaker)
      problems.push(`${name}: a ${p.speaker}'s promise on line ${p.utterance}, said by the ${speakerOf(p.utterance!)}`);
  for (const f of call.flags) inRange(`a ${f.category} flag`, f.utterance);
  for (const h of call.hardNegatives) {
    inRange('a hard negative', h);
    if (call.flags.some((f) => f.utterance === h))
      problems.push(`${name}: line ${h} is both flagged and a hard negative`);
  }
  return problems;
}

/** Reads a spec and writes its set beside it; returns how many calls were written. */
export function writeProbe(specFile: string): number {
  const parsed = ProbeSchema.safeParse(JSON.parse(readFileSync(specFile, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${specFile}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`,
    );
  const { note, calls } = parsed.data;
  const problems = Object.entries(calls).flatMap(([name, call]) => problemsOf(name, call));
  if (problems.length > 0) throw new Error(`${specFile}:\n  ${problems.join('\n  ')}`);
  const dir = dirname(specFile);
  mkdirSync(join(dir, 'calls'), { recursive: true });
  mkdirSync(join(dir, 'expected'), { recursive: true });
  for (const [name, { lines, ...labels }] of Object.entries(calls)) {
    let t = 0;
    const utterances = lines.map(([speaker, text]) => {
      // Roughly a speaking pace, so audio-length heuristics see plausible lines.
      const ms = Math.max(1500, [...text].length * 120);
      const line = { speaker: SPEAKERS[speaker], text, startMs: t, endMs: t + ms };
      t += ms + 800;
      return `${JSON.stringify(line)}\n`;
    });
    writeFileSync(join(dir, 'calls', `${name}.jsonl`), utterances.join(''));
    writeFileSync(join(dir, 'expected', `${name}.json`), `${JSON.stringify({ ...labels, note }, null, 2)}\n`);
  }
  return Object.keys(calls).length;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const spec = process.argv[2];
  if (!spec) {
    console.error('usage: write-probe.ts eval/<probe>/probe.json');
    process.exit(2);
  }
  try {
    console.log(`${writeProbe(resolve(spec))} calls written beside ${spec}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}
