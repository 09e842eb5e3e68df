import type { Embedder } from '../pipelines/embed/contract.js';
import { HashedNgramEmbedder } from '../pipelines/embed/hashed-ngram.js';
import { MemoryPolicyRetriever } from '../pipelines/suggest/policy-store.js';
import { evaluateRetrieval, type RetrievalScores } from '../pipelines/suggest/retrieval-eval.js';
import { RETRIEVAL_QUERIES } from '../pipelines/suggest/testing/retrieval-queries.js';

/**
 * Policy retrieval quality on the labelled customer turns, per language: recall@1, recall@3 and
 * MRR. Defaults to the offline hashed embedder; pass another Embedder to compare.
 */
export async function runRetrievalBench(
  options: { embedder?: Embedder; log?: (line: string) => void } = {},
): Promise<Record<'zh' | 'en', RetrievalScores>> {
  const embedder = options.embedder ?? new HashedNgramEmbedder(512);
  const log = options.log ?? console.log;
  const retriever = await MemoryPolicyRetriever.create(embedder);
  const result = {} as Record<'zh' | 'en', RetrievalScores>;
  log(`policy retrieval (${embedder.model})`);
  for (const language of ['zh', 'en'] as const) {
    const s = await evaluateRetrieval(
      retriever,
      RETRIEVAL_QUERIES.filter((q) => q.language === language),
    );
    result[language] = s;
    log(
      `  ${language}: ${s.queries} queries  recall@1 ${pct(s.recallAt1)}  recall@3 ${pct(s.recallAt3)}  MRR ${s.mrr.toFixed(3)}`,
    );
  }
  return result;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
