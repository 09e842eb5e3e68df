import { createHash } from 'node:crypto';
import { KefuError } from '../core/errors.js';
import type { Migration } from './migrate.js';
import type { VectorStorage } from './vector-storage.js';

/**
 * Where Postgres has no pgvector, migrations written for it are applied with these exact
 * statements replaced (decision 0141): the file stays as it is, so its checksum still guards
 * it, and schema_migrations records the variant. Each `from` must occur exactly once, so an
 * edit that moved one stops the migration instead of slipping pgvector syntax through.
 */
const FLOAT4_REWRITES: Record<string, readonly (readonly [from: string, to: string])[]> = {
  '0001_init.sql': [
    ['create extension if not exists vector;', '-- no pgvector on this server: see docs/decisions/0141'],
    [
      'embedding   vector(1024) not null,',
      'embedding   float4[] not null check (array_ndims(embedding) = 1 and cardinality(embedding) = 1024),',
    ],
    ['create index policy_embeddings_hnsw on policy_embeddings using hnsw (embedding vector_cosine_ops);', ''],
  ],
};

export type MigrationVariant = 'float4[]' | null;

export function variantFor(m: Pick<Migration, 'file'>, storage: VectorStorage): MigrationVariant {
  return storage === 'float4[]' && FLOAT4_REWRITES[m.file] ? 'float4[]' : null;
}

/** The SQL to run for `variant`, and the checksum recorded for it. */
export function variantSql(m: Migration, variant: MigrationVariant): { sql: string; checksum: string } {
  if (!variant) return { sql: m.sql, checksum: m.checksum };
  let sql = m.sql;
  for (const [from, to] of FLOAT4_REWRITES[m.file] ?? []) {
    const count = sql.split(from).length - 1;
    if (count !== 1) {
      throw new KefuError(
        'MIGRATION_FAILED',
        `${m.file}: its float4[] variant expects "${from}" exactly once, found ${count} (db/migration-variants.ts)`,
      );
    }
    sql = sql.replace(from, () => to);
  }
  return { sql, checksum: createHash('sha256').update(sql).digest('hex') };
}
