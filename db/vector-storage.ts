import type { Sql } from './client.js';

/**
 * How this database stores policy embeddings (decision 0141): pgvector's `vector(1024)` with an
 * HNSW index where the extension (0.5+, for HNSW) is available, else `float4[]` ranked by exact
 * cosine in SQL, which the knowledge base's few hundred rows afford.
 */
export type VectorStorage = 'pgvector' | 'float4[]';

const known = new WeakMap<Sql, VectorStorage>();

/** What the schema has, once migrated; before that, what 0001 will be given. Cached per client. */
export async function vectorStorage(sql: Sql): Promise<VectorStorage> {
  const cached = known.get(sql);
  if (cached) return cached;
  const [row] = await sql<{ column: string | null; available: string | null }[]>`
    select (select format_type(atttypid, atttypmod) from pg_attribute
            where attrelid = to_regclass('policy_embeddings') and attname = 'embedding') as column,
           (select default_version from pg_available_extensions where name = 'vector') as available`;
  const storage: VectorStorage = row?.column
    ? row.column.startsWith('vector')
      ? 'pgvector'
      : 'float4[]'
    : hasHnsw(row?.available ?? null)
      ? 'pgvector'
      : 'float4[]';
  // Only a migrated schema's answer is final; a prediction may be asked again after migrating.
  if (row?.column) known.set(sql, storage);
  return storage;
}

/** HNSW came with pgvector 0.5.0. */
function hasHnsw(version: string | null): boolean {
  if (!version) return false;
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 0 || minor >= 5;
}

export function describeVectorStorage(storage: VectorStorage): string {
  return storage === 'pgvector'
    ? 'pgvector with HNSW'
    : 'without pgvector: policy vectors as float4[], exact cosine ranking in SQL';
}
