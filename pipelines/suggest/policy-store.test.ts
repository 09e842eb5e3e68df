import { describe, expect, it } from 'vitest';
import { HashedNgramEmbedder } from '../embed/hashed-ngram.js';
import { useTestDatabase } from '../../test/db.js';
import { DbPolicyRetriever, loadPolicies, MemoryPolicyRetriever, seedPolicies } from './policy-store.js';
import { evaluateRetrieval } from './retrieval-eval.js';
import { RETRIEVAL_QUERIES } from './testing/retrieval-queries.js';

const db = useTestDatabase();
const embedder = new HashedNgramEmbedder(512);

describe('policy knowledge base', () => {
  it('ships 10–14 policies per language, the same remedies in both', () => {
    const docs = loadPolicies();
    const zh = docs.filter((d) => d.language === 'zh').map((d) => d.id.slice(3));
    const en = docs.filter((d) => d.language === 'en').map((d) => d.id.slice(3));
    expect(zh.length).toBeGreaterThanOrEqual(10);
    expect(zh.length).toBeLessThanOrEqual(14);
    expect(en.sort()).toEqual(zh.sort());
  });

  it('seeds policies with vectors idempotently', async () => {
    const sql = db.sql();
    const first = await seedPolicies(sql, embedder);
    await seedPolicies(sql, embedder);
    const [row] = await sql<
      { n: number }[]
    >`select count(*)::int as n from policy_embeddings where model = ${embedder.model}`;
    expect(row!.n).toBe(first.policies);
    expect(first.model).toBe('hashed-ngram-v1-512');
  });

  it('retrieves from pgvector within the call language, ranked as the in-memory retriever ranks', async () => {
    await seedPolicies(db.sql(), embedder);
    const fromDb = new DbPolicyRetriever(db.sql(), embedder);
    const inMemory = await MemoryPolicyRetriever.create(embedder);
    for (const q of RETRIEVAL_QUERIES.slice(0, 12)) {
      const a = await fromDb.retrieve(q.query, { language: q.language, limit: 3 });
      const b = await inMemory.retrieve(q.query, { language: q.language, limit: 3 });
      expect(a.map((m) => m.policy.id)).toEqual(b.map((m) => m.policy.id));
      expect(a.every((m) => m.policy.language === q.language)).toBe(true);
      expect(a[0]!.similarity).toBeCloseTo(b[0]!.similarity, 4);
    }
    expect(await fromDb.retrieve('  ', { language: 'zh' })).toEqual([]);
  });

  // Measured floor for the offline hashed embedder (figures in `npm run bench`); a regression
  // in the embedder, the policy texts or the retriever shows up here.
  it.each(['zh', 'en'] as const)('hashed retrieval quality in %s stays above its floor', async (language) => {
    const queries = RETRIEVAL_QUERIES.filter((q) => q.language === language);
    expect(queries.length).toBeGreaterThanOrEqual(15);
    const scores = await evaluateRetrieval(await MemoryPolicyRetriever.create(embedder), queries);
    expect(scores.recallAt3).toBeGreaterThanOrEqual(0.85);
    expect(scores.mrr).toBeGreaterThanOrEqual(0.75);
  });

  it('ranks a repeated query once, and hands each caller a ranking of its own', async () => {
    const embedder = new HashedNgramEmbedder();
    const retriever = await MemoryPolicyRetriever.create(embedder);
    let embedded = 0;
    const embed = embedder.embed.bind(embedder);
    embedder.embed = (texts) => {
      embedded += texts.length;
      return embed(texts);
    };
    const first = await retriever.retrieve('收到的苹果烂了，想退款', { language: 'zh' });
    first[0]!.similarity = -1;
    first.pop();
    const again = await retriever.retrieve('收到的苹果烂了，想退款', { language: 'zh' });
    expect(embedded).toBe(1);
    expect(again).toHaveLength(3);
    expect(again[0]!.similarity).toBeGreaterThan(0);
    // Another language or limit is another ranking.
    await retriever.retrieve('收到的苹果烂了，想退款', { language: 'zh', limit: 5 });
    expect(embedded).toBe(2);
  });
});
