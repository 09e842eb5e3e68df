/**
 * Do the suggestions earn their place on whole calls? Runs each call of the analyze-format sets
 * (calls/*.jsonl + expected/*.json, e.g. eval/blind-f, eval/blind-e) through the same per-line
 * analysis `kefu analyze` runs, and counts what the merchant was shown:
 * - suggestions citing a policy, and how many cite one that answers the problem identified on
 *   their line (the kind's family in pipelines/suggest/knowledge/issue-kinds.json), and, on calls
 *   whose expected remedy is known, how many sit on a problem kind that remedy can answer;
 * - calls whose expected remedy says there is a product problem, and how many of them had their
 *   problem identified on some buyer line;
 * - clarifying questions: calls with one, calls with more than one, the same text twice;
 * - a money amount of zero shown (¥0.00, $0) in a suggestion or a refund option's rationale;
 * - on sets whose expectations carry an `issue` (the problem kind the call is about, null for none;
 *   eval/suggest-probe-12), whether the problem Kefu holds at the call's last line is that kind.
 * The sets carry no per-line problem labels, so "answers the problem" is judged against the
 * kind Kefu identified; the expected remedy is the only independent check.
 *
 *   npx tsx eval/suggest-calls/score.ts [--set DIR]... [--verbose]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../core/config.js';
import { parseStartedAt } from '../../core/time.js';
import { analyzeTranscript } from '../../pipelines/session/analyze-transcript.js';
import { buildAnalyzers } from '../../pipelines/session/build-analyzers.js';
import { CallReading } from '../../pipelines/suggest/call-reading.js';
import { CLARIFY_ENGINE } from '../../pipelines/suggest/clarify.js';
import { assessIssue } from '../../pipelines/suggest/issue.js';
import { policyFamily } from '../../pipelines/suggest/knowledge.js';
import { parseTranscriptJsonl } from '../../pipelines/transcript/jsonl.js';

/** The problem kinds whose refund rules (pipelines/suggest/refund-options.ts) can yield each remedy. */
const ANSWERS: Record<string, readonly string[]> = {
  replacement: ['damaged', 'wrong_item', 'not_as_described', 'changed_mind'],
  reship: ['spoiled', 'damaged', 'missing_item', 'late', 'wrong_item'],
  return_refund: ['damaged', 'wrong_item', 'not_as_described', 'changed_mind'],
  refund_only: ['spoiled', 'damaged', 'missing_item', 'not_as_described', 'late', 'changed_mind', 'wrong_item'],
  partial_refund: ['spoiled', 'damaged', 'missing_item', 'not_as_described', 'installation'],
  coupon: ['late', 'installation', 'damaged', 'spoiled', 'not_as_described'],
};

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const sets = args.flatMap((a, i) => (args[i - 1] === '--set' ? [a] : []));
if (sets.length === 0) sets.push('eval/blind-f', 'eval/blind-e');
const repo = resolve(import.meta.dirname, '..', '..');
const config = loadConfig();
const analyzers = await buildAnalyzers({ config, onFallback: () => {} });

for (const set of sets) {
  const dir = resolve(repo, set);
  const t = {
    calls: 0,
    citing: 0,
    citingFamily: 0,
    citingOnRemedyCalls: 0,
    citingAnswersRemedy: 0,
    callsCiting: 0,
    callsCitingNoRemedy: 0,
    remedyCalls: 0,
    remedyIdentified: 0,
    clarifyCalls: 0,
    clarifyTwice: 0,
    sameTwice: 0,
    zeroShown: 0,
    issueLabelled: 0,
    issueRight: 0,
  };
  for (const file of readdirSync(join(dir, 'calls')).sort()) {
    const name = file.replace(/\.jsonl$/, '');
    const expected = JSON.parse(readFileSync(join(dir, 'expected', `${name}.json`), 'utf8')) as {
      startedAt: string;
      recommendedRefund: string | null;
      issue?: string | null;
    };
    const lines = parseTranscriptJsonl(readFileSync(join(dir, 'calls', file), 'utf8'), name);
    const { at, timeZone } = parseStartedAt(expected.startedAt, config.timeZone);
    const { findings } = await analyzeTranscript(analyzers, lines, { startedAt: at, timeZone });
    const reading = new CallReading(lines);
    const issueAt = (i: number) => assessIssue(lines, i, { reading, fresh: reading.named('goods.fresh', i) });
    t.calls++;
    const remedy = expected.recommendedRefund;
    if (remedy) {
      t.remedyCalls++;
      if (lines.some((l, i) => l.speaker === 'customer' && issueAt(i) !== null)) t.remedyIdentified++;
    }
    const heldAtEnd = lines.length > 0 ? (issueAt(lines.length - 1)?.kind ?? null) : null;
    if (expected.issue !== undefined) {
      t.issueLabelled++;
      if (heldAtEnd === expected.issue) t.issueRight++;
    }
    const citing = findings.suggestions.filter((s) => s.policies.length > 0);
    if (citing.length > 0) t.callsCiting++;
    if (citing.length > 0 && !remedy) t.callsCitingNoRemedy++;
    for (const s of citing) {
      const issue = issueAt(s.afterUtterance);
      const language = s.policies[0]!.startsWith('en.') ? 'en' : 'zh';
      const family = issue ? policyFamily(issue.kind, language) : [];
      t.citing++;
      if (s.policies.every((p) => family.includes(p))) t.citingFamily++;
      if (remedy) {
        t.citingOnRemedyCalls++;
        if (issue && ANSWERS[remedy]?.includes(issue.kind)) t.citingAnswersRemedy++;
      }
    }
    const clarifiers = findings.suggestions.filter((s) => s.engine === CLARIFY_ENGINE);
    if (clarifiers.length > 0) t.clarifyCalls++;
    if (clarifiers.length > 1) t.clarifyTwice++;
    const texts = findings.suggestions.map((s) => s.text);
    if (new Set(texts).size < texts.length) t.sameTwice++;
    const shown = [...texts, ...findings.refundOptions.map((o) => o.rationale)].join('\n');
    if (/[¥$]\s?0(?:\.00?)?(?![\d.])/.test(shown)) t.zeroShown++;
    if (verbose)
      console.log(
        `${name}: remedy ${remedy} · issue ${heldAtEnd}${expected.issue !== undefined ? ` (labelled ${expected.issue})` : ''} · ${citing.length} citing [${citing.map((s) => `${s.afterUtterance}:${s.policies.join('+')}`).join(' ')}] · ${clarifiers.length} clarifying`,
      );
  }
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`);
  console.log(`\n${set}: ${t.calls} calls`);
  console.log(`  problem identified, remedy expected    ${pct(t.remedyIdentified, t.remedyCalls)}`);
  console.log(`  suggestions citing a policy            ${t.citing} in ${t.callsCiting} calls`);
  console.log(`  … policy answers the problem heard     ${pct(t.citingFamily, t.citing)}`);
  console.log(`  … problem fits the expected remedy     ${pct(t.citingAnswersRemedy, t.citingOnRemedyCalls)}`);
  console.log(`  calls citing, no remedy expected       ${pct(t.callsCitingNoRemedy, t.callsCiting)}`);
  console.log(`  calls with a clarifying question       ${pct(t.clarifyCalls, t.calls)}`);
  console.log(`  calls with more than one               ${t.clarifyTwice}`);
  console.log(`  calls showing the same text twice      ${t.sameTwice}`);
  console.log(`  calls showing a zero amount            ${t.zeroShown}`);
  if (t.issueLabelled > 0)
    console.log(`  problem at the last line as labelled   ${pct(t.issueRight, t.issueLabelled)}`);
}
