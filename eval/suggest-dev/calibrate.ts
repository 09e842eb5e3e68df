/**
 * Calibrates the relevance threshold (pipelines/suggest/relevance.ts) on the suggestions dev set:
 * for each dialogue's last buyer line, the problem the offline detector hears and the policies
 * retrieved for it; a retrieved policy is judged relevant when it answers the problem's kind and
 * its cosine reaches the threshold. Prints precision/recall of those judgments against the
 * labelled relevant policies, per threshold.
 *
 *   npx tsx eval/suggest-dev/calibrate.ts
 */
import { readFileSync } from 'node:fs';
import type { TranscriptLine } from '../../core/domain.js';
import { HashedNgramEmbedder } from '../../pipelines/embed/hashed-ngram.js';
import { queryFor } from '../../pipelines/suggest/advise.js';
import { assessIssue } from '../../pipelines/suggest/issue.js';
import { factsFromCall } from '../../pipelines/suggest/order-facts.js';
import { MemoryPolicyRetriever } from '../../pipelines/suggest/policy-store.js';
import { RELEVANCE_THRESHOLD, relevantPolicies } from '../../pipelines/suggest/relevance.js';

interface Turn {
  id: string;
  lines: ['customer' | 'merchant', string][];
  issue: string | null;
  policies: string[];
}
const turns: Turn[] = readFileSync(new URL('./turns.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const retriever = await MemoryPolicyRetriever.create(new HashedNgramEmbedder(512));

const judged: { similarity: number; inFamily: boolean; gold: boolean; issueRight: boolean }[] = [];
let goldTotal = 0;
let goldRightIssue = 0;
for (const t of turns) {
  const lines: TranscriptLine[] = t.lines.map(([speaker, text], i) => ({ speaker, text, startMs: i, endMs: i }));
  const index = lines.findLastIndex((l) => l.speaker === 'customer');
  const language = t.id.startsWith('zh') ? 'zh' : 'en';
  goldTotal += t.policies.length;
  const facts = factsFromCall(lines, index, {}, language);
  const issue = assessIssue(lines, index, { fresh: facts.fresh });
  if (!issue) continue;
  const issueRight = issue.kind === t.issue;
  if (issueRight) goldRightIssue += t.policies.length;
  const retrieved = await retriever.retrieve(queryFor(lines, issue.utterance), { language, limit: 5 });
  const family = new Set(relevantPolicies(retrieved, issue, language, -1).map((p) => p.policy.id));
  for (const p of retrieved) {
    judged.push({
      similarity: p.similarity,
      inFamily: family.has(p.policy.id),
      gold: t.policies.includes(p.policy.id),
      issueRight,
    });
  }
}

console.log(
  `${turns.length} dialogues, ${goldTotal} labelled relevant policies, ${judged.length} retrieved for a heard problem`,
);
const table = (title: string, pairs: typeof judged, gold: number) => {
  console.log(`\n${title}\nthreshold  judged relevant  precision  recall`);
  for (const threshold of [0, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.25, 0.3]) {
    const yes = pairs.filter((j) => j.inFamily && j.similarity >= threshold);
    const tp = yes.filter((j) => j.gold).length;
    const mark = threshold === RELEVANCE_THRESHOLD ? '  ← RELEVANCE_THRESHOLD' : '';
    console.log(
      `${threshold.toFixed(2).padStart(9)}  ${String(yes.length).padStart(15)}  ${((100 * tp) / Math.max(1, yes.length)).toFixed(1).padStart(8)}%  ${((100 * tp) / gold).toFixed(1).padStart(5)}%${mark}`,
    );
  }
};
table('all dialogues (recall of every labelled policy)', judged, goldTotal);
table(
  'dialogues whose problem was heard right (the relevance judgment alone)',
  judged.filter((j) => j.issueRight),
  goldRightIssue,
);
