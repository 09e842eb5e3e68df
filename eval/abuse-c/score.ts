/**
 * Abuse said by the merchant to the buyer: runs every sentence of eval/abuse-c/sentences.jsonl
 * as a one-line merchant call through the analysis `kefu analyze` uses, in one process with one
 * scratch database, and prints per language:
 * - addressed_abuse: share flagged with category `abuse` (recall);
 * - emphasis_profanity: share flagged `abuse`, and share with any flag (both should be low);
 * - neutral: share with any flag (false flags, should be 0).
 *
 *   npx tsx eval/abuse-c/score.ts [--set DIR] [--list]   (--list prints every miss and false flag)
 *
 * --set DIR reads DIR/sentences.jsonl instead (relative to the repo root, or absolute), e.g.
 * eval/abuse-d. A sentence may name its `speaker` (default merchant: a buyer's line is run as a
 * customer line) and a `kind` (insult, threat, third_party…); when any has a kind, the shares are
 * also printed per kind.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { openAnalyzer } from '../analyze/in-process.js';

const Sentence = z.object({
  id: z.string().min(1),
  lang: z.enum(['zh', 'en']),
  text: z.string().min(1),
  label: z.enum(['addressed_abuse', 'emphasis_profanity', 'neutral']),
  speaker: z.enum(['merchant', 'customer']).default('merchant'),
  kind: z.string().min(1).optional(),
});
type Sentence = z.infer<typeof Sentence>;

const here = dirname(fileURLToPath(import.meta.url));
const setArg = process.argv.indexOf('--set');
const setDir = setArg >= 0 ? process.argv[setArg + 1] : undefined;
if (setArg >= 0 && !setDir) {
  console.error('usage: score.ts [--set DIR] [--list]');
  process.exit(2);
}
const dir = setDir ? resolve(here, '..', '..', setDir) : here;
const file = join(dir, 'sentences.jsonl');
const sentences = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    const parsed = Sentence.safeParse(JSON.parse(l));
    if (!parsed.success)
      throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => x.path.join('.')).join(', ')}`);
    return parsed.data;
  });
const list = process.argv.includes('--list');
// Each sentence is its own call; one start time for all (the analyzer keeps rooms apart).
const startedAt = { zh: '2026-11-23T14:00:00+08:00', en: '2026-11-23T11:00:00-05:00' };

async function main(): Promise<void> {
  const analyzer = await openAnalyzer();
  const results: { s: Sentence; categories: string[]; evidence: string[] }[] = [];
  try {
    for (const s of sentences) {
      const line = JSON.stringify({ speaker: s.speaker, text: s.text, startMs: 0, endMs: 3000 });
      const got = await analyzer.analyze(`${line}\n`, startedAt[s.lang], s.id);
      results.push({
        s,
        categories: got.flags.map((f) => f.category),
        evidence: got.flags.map((f) => `${f.category}:${f.rule}`),
      });
    }
  } finally {
    await analyzer.close();
  }
  const share = (n: number, d: number) => `${d ? ((100 * n) / d).toFixed(1) : '–'}% (${n}/${d})`;
  const allMerchant = sentences.every((s) => s.speaker === 'merchant');
  console.log(`${basename(dir)}: ${sentences.length} ${allMerchant ? 'merchant ' : ''}sentences, one-line calls\n`);
  for (const lang of ['zh', 'en'] as const) {
    const of = (label: Sentence['label']) => results.filter((r) => r.s.lang === lang && r.s.label === label);
    const abuse = of('addressed_abuse'),
      emph = of('emphasis_profanity'),
      neutral = of('neutral');
    const asAbuse = (r: (typeof results)[number]) => r.categories.includes('abuse');
    const anyFlag = (r: (typeof results)[number]) => r.categories.length > 0;
    console.log(`${lang}  addressed_abuse flagged abuse   ${share(abuse.filter(asAbuse).length, abuse.length)}`);
    console.log(`${lang}  emphasis_profanity flagged abuse ${share(emph.filter(asAbuse).length, emph.length)}`);
    console.log(`${lang}  emphasis_profanity any flag      ${share(emph.filter(anyFlag).length, emph.length)}`);
    console.log(`${lang}  neutral any flag                 ${share(neutral.filter(anyFlag).length, neutral.length)}`);
  }
  const kinds = [...new Set(sentences.flatMap((s) => (s.kind ? [`${s.label} ${s.kind}`] : [])))].sort();
  if (kinds.length) console.log('\nby label and kind: flagged abuse, any flag');
  for (const k of kinds) {
    const of = results.filter((r) => `${r.s.label} ${r.s.kind}` === k);
    const abuse = of.filter((r) => r.categories.includes('abuse')).length;
    const any = of.filter((r) => r.categories.length > 0).length;
    console.log(`  ${k.padEnd(32)} ${share(abuse, of.length).padEnd(16)} ${share(any, of.length)}`);
  }
  if (!list) return;
  console.log('\n## addressed_abuse not flagged abuse');
  for (const r of results)
    if (r.s.label === 'addressed_abuse' && !r.categories.includes('abuse'))
      console.log(
        `- ${r.s.id} ${r.s.speaker === 'customer' ? '(buyer) ' : ''}${r.s.text}${r.evidence.length ? `  [${r.evidence.join(', ')}]` : ''}`,
      );
  console.log('\n## emphasis_profanity or neutral with a flag');
  for (const r of results)
    if (r.s.label !== 'addressed_abuse' && r.categories.length)
      console.log(`- ${r.s.id} ${r.s.speaker === 'customer' ? '(buyer) ' : ''}${r.s.text}  [${r.evidence.join(', ')}]`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
