import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Sql } from '../../db/client.js';
import { nearestPolicies, type PolicyMatch, upsertPolicy, upsertPolicyEmbedding } from '../../db/queries/policies.js';
import { type PolicyDocument, PolicyDocumentSchema } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import { cosine, type Embedder } from '../embed/contract.js';
import { fromPackageRoot } from '../../core/paths.js';

export type { PolicyMatch } from '../../db/queries/policies.js';

const POLICIES_FILE = fromPackageRoot('db/seed/policies.json');

/** The after-sales knowledge base shipped in db/seed/policies.json, validated. */
export function loadPolicies(): PolicyDocument[] {
  const parsed = z.array(PolicyDocumentSchema).safeParse(JSON.parse(readFileSync(POLICIES_FILE, 'utf8')));
  if (!parsed.success) throw new KefuError('INPUT_INVALID', `db/seed/policies.json: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** What gets embedded: tags carry the buyer's own words ("烂了", "never arrived") the body may lack. */
export function policyText(doc: PolicyDocument): string {
  return `${doc.title}\n${doc.body}\n${doc.tags.join(' ')}`;
}

/** Upserts the policies and their vectors for this embedder's model; safe to run on every start. */
export async function seedPolicies(
  sql: Sql,
  embedder: Embedder,
  docs: readonly PolicyDocument[] = loadPolicies(),
): Promise<{ policies: number; model: string }> {
  const vectors = await embedder.embed(docs.map(policyText));
  // Upserts, so a run interrupted halfway is completed by the next one.
  for (const [i, doc] of docs.entries()) {
    await upsertPolicy(sql, doc);
    await upsertPolicyEmbedding(sql, { policyId: doc.id, model: embedder.model, vector: vectors[i]! });
  }
  return { policies: docs.length, model: embedder.model };
}

export interface PolicyRetriever {
  /** e.g. 'pgvector hashed-ngram-v1-512' for the banner. */
  readonly name: string;
  retrieve(query: string, options: { language: 'zh' | 'en'; limit?: number }): Promise<PolicyMatch[]>;
}

/** Top-k policies from Postgres by cosine distance (HNSW), among the call's language. */
export class DbPolicyRetriever implements PolicyRetriever {
  readonly name: string;

  constructor(
    private readonly sql: Sql,
    private readonly embedder: Embedder,
  ) {
    this.name = `pgvector ${embedder.model}`;
  }

  async retrieve(query: string, options: { language: 'zh' | 'en'; limit?: number }): Promise<PolicyMatch[]> {
    const [vector] = await this.embedder.embed([query]);
    if (!vector || vector.every((x) => x === 0)) return [];
    return nearestPolicies(this.sql, {
      model: this.embedder.model,
      vector,
      limit: options.limit ?? 3,
      language: options.language,
    });
  }
}

/**
 * The same ranking without a database, for `kefu analyze` and benches: exact cosine over the
 * documents held in memory (a knowledge base of dozens needs no index).
 */
export class MemoryPolicyRetriever implements PolicyRetriever {
  readonly name: string;

  private constructor(
    private readonly embedder: Embedder,
    private readonly indexed: { policy: PolicyDocument; vector: number[] }[],
  ) {
    this.name = `in-memory ${embedder.model}`;
  }

  static async create(
    embedder: Embedder,
    docs: readonly PolicyDocument[] = loadPolicies(),
  ): Promise<MemoryPolicyRetriever> {
    const vectors = await embedder.embed(docs.map(policyText));
    return new MemoryPolicyRetriever(
      embedder,
      docs.map((policy, i) => ({ policy, vector: vectors[i]! })),
    );
  }

  /**
   * Rankings by query: advice asks again after every buyer line, and the query (the line naming
   * the problem) stays the same for most of a call. The documents never change after `create`.
   */
  private readonly ranked = new Map<string, PolicyMatch[]>();

  async retrieve(query: string, options: { language: 'zh' | 'en'; limit?: number }): Promise<PolicyMatch[]> {
    const key = `${options.language}\u0000${options.limit ?? 3}\u0000${query}`;
    let ranking = this.ranked.get(key);
    if (!ranking) {
      ranking = await this.rank(query, options.language, options.limit ?? 3);
      if (this.ranked.size >= RANKINGS_KEPT) this.ranked.delete(this.ranked.keys().next().value!);
      this.ranked.set(key, ranking);
    }
    return ranking.map((m) => ({ ...m }));
  }

  private async rank(query: string, language: 'zh' | 'en', limit: number): Promise<PolicyMatch[]> {
    const [vector] = await this.embedder.embed([query]);
    if (!vector || vector.every((x) => x === 0)) return [];
    return this.indexed
      .filter((d) => d.policy.language === language)
      .map((d) => ({ policy: d.policy, similarity: cosine(vector, d.vector) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, limit);
  }
}

const RANKINGS_KEPT = 256;
