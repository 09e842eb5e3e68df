import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KefuError } from '../core/errors.js';
import type { Sql } from './client.js';
import { fromPackageRoot } from '../core/paths.js';
import { type MigrationVariant, variantFor, variantSql } from './migration-variants.js';
import { vectorStorage } from './vector-storage.js';

export const MIGRATIONS_DIR = fromPackageRoot('db/migrations/');

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads `NNNN_name.sql` files in version order; anything else in the folder is an error. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) {
        throw new KefuError('MIGRATION_FAILED', `Migration file ${file} is not named NNNN_snake_name.sql`);
      }
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(match[1]),
        name: match[2]!,
        file,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    })
    .sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new KefuError('MIGRATION_FAILED', `Two migrations share version ${migrations[i]!.version}`);
    }
  }
  return migrations;
}

/**
 * Applies pending migrations in order, each in its own transaction with its record, so a failing
 * one leaves the database as the previous one left it. An applied file that has since changed
 * stops everything: silently skipping it would leave schemas that differ between machines.
 */
export async function migrate(
  sql: Sql,
  options: { dir?: string; onApplied?: (file: string) => void } = {},
): Promise<MigrationReport> {
  const migrations = readMigrations(options.dir);
  await sql`
    create table if not exists schema_migrations (
      version     integer primary key,
      name        text not null,
      checksum    text not null,
      applied_at  timestamptz not null default now()
    )`;
  // Which capability variant a migration was applied in (null: as written); see migration-variants.ts.
  await sql`alter table schema_migrations add column if not exists variant text`;
  const storage = await vectorStorage(sql);
  const report: MigrationReport = { applied: [], alreadyApplied: 0 };
  for (const m of migrations) {
    const applied = await sql.begin(async (tx) => {
      // Serialises concurrent `kefu migrate` runs against one external Postgres.
      await tx`select pg_advisory_xact_lock(7390)`;
      const [existing] = await tx<{ checksum: string; variant: MigrationVariant }[]>`
        select checksum, variant from schema_migrations where version = ${m.version}`;
      if (existing) {
        if (existing.checksum !== variantSql(m, existing.variant).checksum) {
          throw new KefuError(
            'MIGRATION_CHANGED',
            `Migration ${m.file} was changed after it was applied. Restore it and add a new migration instead.`,
          );
        }
        return false;
      }
      const variant = variantFor(m, storage);
      const run = variantSql(m, variant);
      try {
        await tx.unsafe(run.sql);
      } catch (cause) {
        throw new KefuError(
          'MIGRATION_FAILED',
          `Migration ${m.file} failed and was rolled back: ${(cause as Error).message}`,
          { cause },
        );
      }
      await tx`insert into schema_migrations (version, name, checksum, variant)
               values (${m.version}, ${m.name}, ${run.checksum}, ${variant})`;
      return true;
    });
    if (applied) {
      report.applied.push(m.file);
      options.onApplied?.(m.file);
    } else {
      report.alreadyApplied++;
    }
  }
  return report;
}
