import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKefuError } from '../core/errors.js';
import { useTestDatabase } from '../test/db.js';
import { MIGRATIONS_DIR, migrate, readMigrations } from './migrate.js';
import { variantSql } from './migration-variants.js';

const db = useTestDatabase({ migrate: false });

function migrationsCopy(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-migrations-'));
  for (const f of readdirSync(MIGRATIONS_DIR)) writeFileSync(join(dir, f), readFileSync(join(MIGRATIONS_DIR, f)));
  for (const [f, body] of Object.entries(extra)) writeFileSync(join(dir, f), body);
  return dir;
}

describe('migrate', () => {
  it('applies every migration once; a second run is a no-op', async () => {
    const sql = db.sql();
    const files = readMigrations().map((m) => m.file);
    const first = await migrate(sql);
    expect(first.applied).toEqual(files);
    const second = await migrate(sql);
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });
    const [row] = await sql<{ count: number }[]>`select count(*)::int as count from schema_migrations`;
    expect(row?.count).toBe(files.length);
  });

  it('rolls back a broken migration whole and names it', async () => {
    const sql = db.sql();
    const dir = migrationsCopy({
      '9001_half_broken.sql': 'create table half_done (id int);\nselect no_such_function();',
    });
    const err = await migrate(sql, { dir }).catch((e: unknown) => e);
    expect(isKefuError(err, 'MIGRATION_FAILED')).toBe(true);
    expect((err as Error).message).toContain('9001_half_broken.sql');
    expect((err as Error).message).toContain('no_such_function');
    const [table] = await sql<{ exists: boolean }[]>`select to_regclass('half_done') is not null as exists`;
    expect(table?.exists).toBe(false);
    const recorded = await sql`select 1 from schema_migrations where version = 9001`;
    expect(recorded.length).toBe(0);
  });

  it('refuses to go on when an applied migration was edited', async () => {
    const dir = migrationsCopy();
    const first = readMigrations(dir)[0]!;
    writeFileSync(join(dir, first.file), `${first.sql}\n-- edited\n`);
    const err = await migrate(db.sql(), { dir }).catch((e: unknown) => e);
    expect(isKefuError(err, 'MIGRATION_CHANGED')).toBe(true);
    expect((err as Error).message).toContain(first.file);
  });

  it('records the vector variant 0001 was applied in: as written on pgvector, float4[] without', async () => {
    const rows = await db.sql()<{ version: number; variant: string | null }[]>`
      select version, variant from schema_migrations where variant is not null order by version`;
    expect(rows).toEqual(db.kind === 'embedded' ? [] : [{ version: 1, variant: 'float4[]' }]);
  });

  it("stops when 0001's float4[] variant no longer matches the file", () => {
    const dir = migrationsCopy();
    const first = readMigrations(dir)[0]!;
    const moved = { ...first, sql: first.sql.replace('embedding   vector(1024)', 'embedding vector(1024)') };
    expect(() => variantSql(moved, 'float4[]')).toThrow(
      /expects "embedding {3}vector\(1024\) not null," exactly once, found 0/,
    );
  });

  it('rejects a misnamed migration file', () => {
    const dir = migrationsCopy({ 'add-things.sql': 'select 1' });
    expect(() => readMigrations(dir)).toThrow(/add-things\.sql is not named NNNN_snake_name\.sql/);
  });
});
