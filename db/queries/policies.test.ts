import { describe, expect, it } from 'vitest';
import { HashedNgramEmbedder } from '../../pipelines/embed/hashed-ngram.js';
import { cosine } from '../../pipelines/embed/contract.js';
import { useTestDatabase } from '../../test/db.js';
import { vectorStorage } from '../vector-storage.js';
import { listPolicies, nearestPolicies, toStoredVector, upsertPolicy, upsertPolicyEmbedding } from './policies.js';

const db = useTestDatabase();

const policies = [
  {
    id: 'zh.return.7day',
    language: 'zh' as const,
    title: '七天无理由退货',
    body: '签收后7天内，商品完好可无理由退货退款。',
    tags: ['return'],
  },
  {
    id: 'zh.fresh.bad-fruit',
    language: 'zh' as const,
    title: '坏果包赔',
    body: '生鲜水果到货腐烂、坏果，按坏果比例退款。',
    tags: ['fresh'],
  },
  {
    id: 'en.shipping.late',
    language: 'en' as const,
    title: 'Late shipping',
    body: 'If an order ships late, the buyer gets a coupon as compensation.',
    tags: ['shipping'],
  },
].map((p) => ({ ...p, version: 1 }));

describe('policy knowledge base (pgvector, or float4[] where the server has none)', () => {
  it('finds the nearest policy with a real cosine query: HNSW on pgvector, exact on float4[]', async () => {
    const sql = db.sql();
    const e = new HashedNgramEmbedder(512);
    for (const p of policies) {
      await upsertPolicy(sql, p);
      await upsertPolicyEmbedding(sql, { policyId: p.id, model: e.model, vector: e.embedOne(`${p.title} ${p.body}`) });
    }
    // The embedded database always has pgvector; Debian's PostgreSQL has none.
    const storage = await vectorStorage(sql);
    expect(storage).toBe(db.kind === 'embedded' ? 'pgvector' : 'float4[]');
    if (storage === 'pgvector') {
      // With three rows the planner would scan; switching scans off proves the HNSW index serves the query.
      const plan = await sql.begin(async (tx) => {
        await tx`set local enable_seqscan = off`;
        return tx`explain select policy_id from policy_embeddings
                  order by embedding <=> ${toStoredVector(e.embedOne('坏果'))} limit 1`;
      });
      expect(plan.map((r) => Object.values(r).join(' ')).join('\n')).toContain('policy_embeddings_hnsw');
    }

    const hits = await nearestPolicies(sql, {
      model: e.model,
      vector: e.embedOne('芒果烂了好几个，坏果能退吗'),
      limit: 2,
    });
    expect(hits[0]?.policy.id).toBe('zh.fresh.bad-fruit');
    expect(hits[0]!.similarity).toBeGreaterThan(hits[1]!.similarity);
    const query = e.embedOne('芒果烂了好几个，坏果能退吗');
    const doc = e.embedOne(`${policies[1]!.title} ${policies[1]!.body}`);
    expect(hits[0]!.similarity).toBeCloseTo(cosine(query, doc), 5);

    const en = await nearestPolicies(sql, {
      model: e.model,
      vector: e.embedOne('my order shipped late'),
      limit: 1,
      language: 'en',
    });
    expect(en.map((h) => h.policy.id)).toEqual(['en.shipping.late']);
  });

  it('never compares vectors across models', async () => {
    const sql = db.sql();
    await upsertPolicyEmbedding(sql, { policyId: 'zh.return.7day', model: 'other-model', vector: [1, 0, 0] });
    const hits = await nearestPolicies(sql, { model: 'other-model', vector: [0.9, 0.1, 0], limit: 5 });
    expect(hits.map((h) => h.policy.id)).toEqual(['zh.return.7day']);
    expect(hits[0]!.similarity).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 5);
  });

  it('rejects vectors wider than the column or holding NaN, storing nothing', async () => {
    const sql = db.sql();
    await expect(
      upsertPolicyEmbedding(sql, { policyId: 'zh.return.7day', model: 'wide', vector: new Array(1025).fill(0.1) }),
    ).rejects.toThrow(/1–1024 dimensions, not 1025/);
    await expect(
      upsertPolicyEmbedding(sql, { policyId: 'zh.return.7day', model: 'nan', vector: [NaN] }),
    ).rejects.toThrow(/finite/);
    const rows = await sql`select 1 from policy_embeddings where model in ('wide', 'nan')`;
    expect(rows.length).toBe(0);
  });

  it('lists policies by language', async () => {
    expect((await listPolicies(db.sql(), 'en')).map((p) => p.id)).toEqual(['en.shipping.late']);
  });
});
