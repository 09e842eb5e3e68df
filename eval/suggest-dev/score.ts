/**
 * The suggestions dev set: short after-sales dialogues written by the suggest engineer (not a
 * blind set) in the register buyers use, each labelled on its last customer line with the
 * problem, the policies that would be relevant to cite and, where said, product, count and
 * preference. Runs the advisor offline at every customer line, dropping replies already offered
 * as the call session does, and scores what the merchant was shown over the dialogue against the
 * labels of its last line.
 *
 *   npx tsx eval/suggest-dev/score.ts [--verbose]
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Suggestion } from '../../core/analysis.js';
import { loadConfig } from '../../core/config.js';
import type { TranscriptLine } from '../../core/domain.js';
import { extractNotes } from '../../pipelines/notes/index.js';
import { buildAdvisor } from '../../pipelines/suggest/build.js';

const Turn = z.object({
  id: z.string(),
  lines: z.array(z.tuple([z.enum(['customer', 'merchant']), z.string()])),
  issue: z.string().nullable(),
  policies: z.array(z.string()),
  product: z.string().optional(),
  count: z.number().optional(),
  total: z.number().optional(),
  preference: z.enum(['refund', 'replacement']).optional(),
});

const turns = readFileSync(new URL('./turns.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    const parsed = Turn.safeParse(JSON.parse(l));
    if (!parsed.success) throw new Error(`turns.jsonl line ${i + 1}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
const verbose = process.argv.includes('--verbose');
const now = new Date('2026-12-05T10:00:00+08:00');
const { advisor } = await buildAdvisor({ config: loadConfig({}), llm: null });

const tally = {
  issueRight: 0,
  identified: { tp: 0, predicted: 0, expected: 0 },
  cite: { turnsCiting: 0, turnsCitingOnlyRelevant: 0, turnsExpecting: 0, turnsExpectingHit: 0 },
  suggestions: { citing: 0, unrelated: 0 },
  useful: 0,
  usefulBarMoney: 0,
  zeroMoney: 0,
  clarifyWhenStated: 0,
  clarifyRepeatedPurpose: 0,
  noSuggestion: 0,
  product: { right: 0, labelled: 0 },
  count: { right: 0, labelled: 0 },
  preference: { right: 0, labelled: 0 },
};

for (const turn of turns) {
  const lines: TranscriptLine[] = turn.lines.map(([speaker, text], i) => ({
    speaker,
    text,
    startMs: i * 3000,
    endMs: i * 3000 + 2500,
  }));
  const offered: Suggestion[] = [];
  let last: Awaited<ReturnType<typeof advisor.advise>> | null = null;
  let clarifiers = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.speaker !== 'customer') continue;
    const notes = extractNotes(lines.slice(0, i + 1), { startedAt: now, timeZone: 'Asia/Shanghai' });
    const advice = await advisor.advise({ lines, index: i, now, notes, offered });
    const fresh = advice.suggestions.filter((s) => !offered.some((o) => o.text === s.text));
    offered.push(...fresh);
    clarifiers += fresh.filter(isClarifier).length;
    last = advice;
  }
  if (!last) continue;
  // What the merchant was shown for this problem over the dialogue (a reply is offered once).
  const fresh = offered;
  const predicted = last.issue?.kind ?? null;
  const cited = new Set(fresh.flatMap((s) => s.policies));
  const relevant = new Set(turn.policies);
  const issueRight = predicted === turn.issue;
  if (issueRight) tally.issueRight++;
  if (predicted) tally.identified.predicted++;
  if (turn.issue) tally.identified.expected++;
  if (predicted && issueRight) tally.identified.tp++;
  if (cited.size > 0) tally.cite.turnsCiting++;
  if (cited.size > 0 && [...cited].every((p) => relevant.has(p))) tally.cite.turnsCitingOnlyRelevant++;
  if (relevant.size > 0) tally.cite.turnsExpecting++;
  if ([...cited].some((p) => relevant.has(p))) tally.cite.turnsExpectingHit++;
  for (const s of fresh.filter((s) => s.policies.length > 0)) {
    tally.suggestions.citing++;
    if (s.policies.some((p) => !relevant.has(p))) tally.suggestions.unrelated++;
  }
  const clarifying = fresh.filter(isClarifier);
  if (turn.issue && clarifying.length > 0 && !/多少|几个|how many|which/i.test(clarifying[0]!.text))
    tally.clarifyWhenStated++;
  if (clarifiers > 1) tally.clarifyRepeatedPurpose++;
  if (fresh.length === 0) tally.noSuggestion++;
  const shown = [...fresh.map((s) => s.text), ...last.refundOptions.map((o) => o.rationale)].join('\n');
  const zero = /[¥$]0(\.00)?(?!\d)/.test(shown) || last.refundOptions.some((o) => o.amount === 0 && !tbc(o));
  if (zero) tally.zeroMoney++;
  const usefulBarMoney =
    issueRight &&
    (relevant.size > 0
      ? cited.size > 0 && [...cited].every((p) => relevant.has(p))
      : cited.size === 0 && clarifying.length <= 1 && fresh.length === clarifying.length);
  const useful = usefulBarMoney && !zero;
  if (useful) tally.useful++;
  if (usefulBarMoney) tally.usefulBarMoney++;
  const issue = last.issue as (typeof last.issue & { product?: string | null }) | null;
  if (turn.product) {
    tally.product.labelled++;
    if (issue?.product && (issue.product.includes(turn.product) || turn.product.includes(issue.product)))
      tally.product.right++;
  }
  if (turn.count !== undefined) {
    tally.count.labelled++;
    if (issue?.count === turn.count && (turn.total === undefined || issue.total === turn.total)) tally.count.right++;
  }
  if (turn.preference) {
    tally.preference.labelled++;
    if ((issue as { preference?: string } | null)?.preference === turn.preference) tally.preference.right++;
  }
  if (verbose || !useful) {
    console.log(
      `${useful ? 'ok  ' : 'MISS'} ${turn.id} issue ${predicted}${issueRight ? '' : ` (want ${turn.issue})`} cited [${[...cited].join(',')}] want [${turn.policies.join(',')}]`,
    );
    for (const s of fresh) console.log(`       · ${s.text.slice(0, 90)} [${s.policies.join(',')}]`);
  }
}

function isClarifier(s: Suggestion): boolean {
  return s.policies.length === 0 && /[？?]\s*\S{0,30}$/.test(s.text);
}
function tbc(o: object): boolean {
  return (o as { amountToBeConfirmed?: boolean }).amountToBeConfirmed === true;
}

const n = turns.length;
const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`);
console.log(`\nsuggestions dev set: ${n} dialogues (${turns.filter((t) => t.id.startsWith('zh')).length} zh)`);
console.log(`  useful on the last line           ${pct(tally.useful, n)}`);
console.log(`  … the same, ignoring ¥0 amounts    ${pct(tally.usefulBarMoney, n)}`);
console.log(`  problem class right               ${pct(tally.issueRight, n)}`);
console.log(
  `  issue identified P / R            ${pct(tally.identified.tp, tally.identified.predicted)} / ${pct(tally.identified.tp, tally.identified.expected)}`,
);
console.log(
  `  policy relevant P / R (turns)     ${pct(tally.cite.turnsCitingOnlyRelevant, tally.cite.turnsCiting)} / ${pct(tally.cite.turnsExpectingHit, tally.cite.turnsExpecting)}`,
);
console.log(`  suggestions citing an unrelated   ${pct(tally.suggestions.unrelated, tally.suggestions.citing)}`);
console.log(`  ¥0 / $0 shown                     ${pct(tally.zeroMoney, n)}`);
console.log(`  clarifier although issue stated   ${tally.clarifyWhenStated}`);
console.log(`  dialogues with >1 clarifier       ${tally.clarifyRepeatedPurpose}`);
console.log(`  no suggestion on the last line    ${tally.noSuggestion}`);
console.log(`  product named                     ${pct(tally.product.right, tally.product.labelled)}`);
console.log(`  quantity right                    ${pct(tally.count.right, tally.count.labelled)}`);
console.log(`  preference right                  ${pct(tally.preference.right, tally.preference.labelled)}`);
