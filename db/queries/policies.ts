import pgvector from 'pgvector';
import { type PolicyDocument, PolicyDocumentSchema } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import type { Sql } from '../client.js';
import { type VectorStorage, vectorStorage } from '../vector-storage.js';

/** Width of the stored vector column; see docs/decisions/0003-embedding-column.md. */
export const STORED_DIMS = 1024;

/**
 * Zero-pads a vector to the column width (cosine distance between padded vectors is unchanged)
 * and writes it as a literal of the column's type: pgvector's, or float4[] (decision 0141).
 */
export function toStoredVector(vector: readonly number[], storage: VectorStorage = 'pgvector'): string {
  if (vector.length === 0 || vector.length > STORED_DIMS) {
    throw new KefuError('INPUT_INVALID', `An embedding must have 1–${STORED_DIMS} dimensions, not ${vector.length}`);
  }
  if (!vector.every(Number.isFinite)) {
    throw new KefuError('INPUT_INVALID', 'An embedding contains a value that is not a finite number');
  }
  const padded = new Array<number>(STORED_DIMS).fill(0);
  vector.forEach((v, i) => (padded[i] = v));
  return storage === 'pgvector' ? pgvector.toSql(padded) : `{${padded.join(',')}}`;
}

/** `embedding <=> q` for the database's vector storage (a fragment: never awaited on its own). */
function cosineDistance(sql: Sql, storage: VectorStorage, vector: readonly number[]) {
  const q = toStoredVector(vector, storage);
  return storage === 'pgvector'
    ? sql`e.embedding <=> ${q}::vector`
    : sql`float4_cosine_distance(e.embedding, ${q}::float4[])`;
}

export async function upsertPolicy(sql: Sql, doc: PolicyDocument): Promise<void> {
  const d = PolicyDocumentSchema.parse(doc);
  await sql`
    insert into policy_documents (id, language, version, title, body, tags)
    values (${d.id}, ${d.language}, ${d.version}, ${d.title}, ${d.body}, ${d.tags})
    on conflict (id) do update set language = excluded.language, version = excluded.version,
      title = excluded.title, body = excluded.body, tags = excluded.tags, updated_at = now()`;
}

export async function listPolicies(sql: Sql, language?: 'zh' | 'en'): Promise<PolicyDocument[]> {
  return sql<PolicyDocument[]>`
    select id, language, version, title, body, tags from policy_documents
    ${language ? sql`where language = ${language}` : sql``}
    order by id`;
}

export async function upsertPolicyEmbedding(
  sql: Sql,
  e: { policyId: string; model: string; vector: readonly number[] },
): Promise<void> {
  const storage = await vectorStorage(sql);
  const embedding = toStoredVector(e.vector, storage);
  await sql`
    insert into policy_embeddings (policy_id, model, dims, embedding)
    values (${e.policyId}, ${e.model}, ${e.vector.length},
            ${storage === 'pgvector' ? sql`${embedding}::vector` : sql`${embedding}::float4[]`})
    on conflict (policy_id, model) do update set dims = excluded.dims, embedding = excluded.embedding,
      created_at = now()`;
}

export interface PolicyMatch {
  policy: PolicyDocument;
  /** Cosine similarity, 1 = same direction. */
  similarity: number;
}

/** Nearest policies to a query vector, among vectors made by the same model. */
export async function nearestPolicies(
  sql: Sql,
  q: { model: string; vector: readonly number[]; limit: number; language?: 'zh' | 'en' },
): Promise<PolicyMatch[]> {
  const distance = cosineDistance(sql, await vectorStorage(sql), q.vector);
  const rows = await sql<(PolicyDocument & { distance: number })[]>`
    select d.id, d.language, d.version, d.title, d.body, d.tags, ${distance} as distance
    from policy_embeddings e join policy_documents d on d.id = e.policy_id
    where e.model = ${q.model} and e.dims = ${q.vector.length}
      ${q.language ? sql`and d.language = ${q.language}` : sql``}
    order by ${distance}
    limit ${q.limit}`;
  return rows.map(({ distance, ...policy }) => ({ policy, similarity: 1 - Number(distance) }));
}
