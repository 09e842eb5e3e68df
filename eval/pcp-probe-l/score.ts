/**
 * The lexcov probe (session 11): 40 indirect privacy / contact / payment violations and 42
 * look-alikes (the buyer's own number, the platform's channels and card-last-four, warnings,
 * refusals, photos and order numbers asked for), written from how-people-talk.md before any
 * lexicon change. Its first run is `first-run.txt`; it is never fitted against afterwards.
 * A violation is found when its category is flagged on its last line; a look-alike is flagged
 * when any privacy/contact/payment flag is raised on any of its lines. `--second` runs
 * `cases-2.jsonl` instead: 20 violations and 20 look-alikes written after the change, in the same
 * families with other words, run once (`second-first-run.txt`) and never fitted. `--cases FILE`
 * runs another probe in the same format (eval/pcp-probe-m/cases.jsonl, session 12); a case's
 * optional `not` names categories that must not be flagged on its last line (a payment whose words
 * must not also be read as a privacy request): such a flag counts as found wrong.
 * `--categories a,b,…` scores other categories instead of privacy/contact/payment (the categories
 * a violation may expect and whose flags make a look-alike flagged; eval/claims-probe-15, session 15).
 *
 *   npx tsx eval/pcp-probe-l/score.ts [--second | --cases FILE] [--categories LIST] [--verbose]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { FlagCategorySchema } from '../../core/domain.js';
import { openAnalyzer, spacedJsonl } from '../analyze/in-process.js';

const categoriesArg = process.argv.indexOf('--categories');
const PCP: readonly string[] =
  categoriesArg > 0
    ? z.array(FlagCategorySchema).parse((process.argv[categoriesArg + 1] ?? '').split(','))
    : ['privacy_request', 'contact_exchange', 'off_platform_payment'];
const Scored = FlagCategorySchema.refine((c) => PCP.includes(c), 'a category this run does not score');
const Case = z.object({
  id: z.string(),
  expect: Scored.nullable(),
  not: z.array(Scored).default([]),
  lines: z.array(z.tuple([z.enum(['customer', 'merchant']), z.string()])).min(1),
});
const casesArg = process.argv.indexOf('--cases');
const casesFile =
  casesArg > 0
    ? resolve(process.cwd(), process.argv[casesArg + 1] ?? '')
    : new URL(process.argv.includes('--second') ? './cases-2.jsonl' : './cases.jsonl', import.meta.url);
const cases = readFileSync(casesFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => Case.parse(JSON.parse(l)));
const verbose = process.argv.includes('--verbose');

const analyzer = await openAnalyzer();
const found = new Map<string, { n: number; tp: number }>();
let lookalikes = 0;
let flagged = 0;
const out: string[] = [];
for (const c of cases) {
  const got = await analyzer.analyze(spacedJsonl(c.lines), '2026-12-06T10:00:00+08:00', c.id);
  const pcp = got.flags.filter((f) => PCP.includes(f.category));
  const shown = pcp.map((f) => `${f.category}@${f.utterance} ${f.rule}`).join('; ');
  if (c.expect) {
    const last = c.lines.length - 1;
    const hit =
      pcp.some((f) => f.category === c.expect && f.utterance === last) &&
      !pcp.some((f) => (c.not as readonly string[]).includes(f.category) && f.utterance === last);
    const t = found.get(c.expect) ?? { n: 0, tp: 0 };
    t.n++;
    if (hit) t.tp++;
    found.set(c.expect, t);
    if (!hit || verbose)
      out.push(`${hit ? 'found' : 'MISSED'} ${c.id} ${c.expect}: ${c.lines.at(-1)![1]}${shown ? ` [${shown}]` : ''}`);
  } else {
    lookalikes++;
    if (pcp.length > 0) flagged++;
    if (pcp.length > 0 || verbose)
      out.push(`${pcp.length ? 'FALSE FLAG' : 'quiet'} ${c.id}: ${c.lines.at(-1)![1]}${shown ? ` [${shown}]` : ''}`);
  }
}
await analyzer.close();
const all = [...found.values()].reduce((a, t) => ({ n: a.n + t.n, tp: a.tp + t.tp }), { n: 0, tp: 0 });
console.log(out.join('\n'));
console.log(`violations found ${all.tp}/${all.n}`);
for (const [category, t] of found) console.log(`  ${category.padEnd(21)} ${t.tp}/${t.n}`);
console.log(`look-alikes flagged ${flagged}/${lookalikes}`);
