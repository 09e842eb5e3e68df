import type { PolicyRetriever } from './policy-store.js';

export interface LabelledQuery {
  query: string;
  language: 'zh' | 'en';
  /** Policy ids that answer it; the first hit among them counts. */
  relevant: string[];
}

export interface RetrievalScores {
  queries: number;
  recallAt1: number;
  recallAt3: number;
  /** Mean reciprocal rank of the first relevant policy within the top 10. */
  mrr: number;
  misses: { query: string; expected: string[]; got: string[] }[];
}

/** Scores a retriever on labelled queries: how often the right policy is ranked first, in the top 3, and how high. */
export async function evaluateRetrieval(
  retriever: PolicyRetriever,
  queries: readonly LabelledQuery[],
): Promise<RetrievalScores> {
  let at1 = 0;
  let at3 = 0;
  let rr = 0;
  const misses: RetrievalScores['misses'] = [];
  for (const q of queries) {
    const ids = (await retriever.retrieve(q.query, { language: q.language, limit: 10 })).map((m) => m.policy.id);
    const rank = ids.findIndex((id) => q.relevant.includes(id)) + 1;
    if (rank === 1) at1++;
    if (rank >= 1 && rank <= 3) at3++;
    else misses.push({ query: q.query, expected: q.relevant, got: ids.slice(0, 3) });
    if (rank >= 1) rr += 1 / rank;
  }
  const n = queries.length;
  return { queries: n, recallAt1: at1 / n, recallAt3: at3 / n, mrr: rr / n, misses };
}
