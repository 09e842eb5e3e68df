/**
 * Run from the root of an OLDER checkout (blind-engine.sh copies it there): that checkout's
 * compliance detector flags each call of the given JSON file; the output is "category@line" keys
 * per call (and "veto:category@line" for candidates a rule vetoed). The import is resolved at run time, against the checkout it runs in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [input, output] = process.argv.slice(2);
const { ComplianceDetector } = await import(pathToFileURL(join(process.cwd(), 'pipelines/compliance/index.ts')).href);
const calls = JSON.parse(readFileSync(input!, 'utf8')) as { key: string; lines: unknown[] }[];
const d = new ComplianceDetector();
const out: Record<string, string[]> = {};
// Accepted flags as "category@line"; candidates a rule vetoed (negation, warning, speaker…) as "veto:category@line".
type Seen = { category: string; utterance: number; accepted: boolean; droppedBy: string | null };
for (const c of calls) {
  const seen = (await d.inspect(c.lines)) as Seen[];
  const keys = seen.flatMap((f) =>
    f.accepted ? [`${f.category}@${f.utterance}`] : f.droppedBy === 'rule' ? [`veto:${f.category}@${f.utterance}`] : [],
  );
  out[c.key] = [...new Set(keys)];
}
writeFileSync(output!, `${JSON.stringify(out, Object.keys(out).sort(), 0)}\n`);
