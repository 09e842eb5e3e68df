/**
 * Hard negatives: lines that look like a violation and are not (lawful refusals, policy, official
 * channels, the buyer's own datum, scam warnings, quoted abuse, banter, emphasis, idioms, courier
 * lines, platform codes, numbers that are no contact). Each line is its own call, after the lines
 * in its `before`, through the analysis `kefu analyze` uses; any flag on the line is a false flag.
 *
 *   npx tsx eval/precision-probe/score.ts   (prints the share flagged per kind, then every flag)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { openAnalyzer, spacedJsonl } from '../analyze/in-process.js';

const Said = z.object({ speaker: z.enum(['merchant', 'customer']), text: z.string().min(1) });
const Probe = Said.extend({
  id: z.string().min(1),
  lang: z.enum(['zh', 'en']),
  kind: z.string().min(1),
  before: z.array(Said).default([]),
}).strict();
type Probe = z.infer<typeof Probe>;

const here = dirname(fileURLToPath(import.meta.url));
const probes = readFileSync(join(here, 'lines.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => Probe.parse(JSON.parse(l)));
const startedAt = { zh: '2026-12-06T14:00:00+08:00', en: '2026-12-06T11:00:00-05:00' };

async function main(): Promise<void> {
  const analyzer = await openAnalyzer();
  const flagged: { p: Probe; flags: string[] }[] = [];
  try {
    for (const p of probes) {
      const said = [...p.before, p].map((l) => [l.speaker, l.text] as const);
      const got = await analyzer.analyze(`${spacedJsonl(said)}\n`, startedAt[p.lang], p.id);
      const flags = got.flags.filter((f) => f.utterance === p.before.length).map((f) => `${f.category}:${f.rule}`);
      flagged.push({ p, flags });
    }
  } finally {
    await analyzer.close();
  }
  const n = flagged.filter((r) => r.flags.length > 0).length;
  console.log(
    `precision-probe: ${probes.length} hard-negative lines, ${n} flagged (${((100 * n) / probes.length).toFixed(1)}%)\n`,
  );
  for (const kind of [...new Set(probes.map((p) => p.kind))].sort()) {
    const of = flagged.filter((r) => r.p.kind === kind);
    console.log(`  ${kind.padEnd(20)} ${of.filter((r) => r.flags.length).length}/${of.length}`);
  }
  console.log('\n## flagged');
  for (const r of flagged) if (r.flags.length) console.log(`- ${r.p.id} ${r.p.text}  [${r.flags.join(', ')}]`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
