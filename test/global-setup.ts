import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createSql } from '../db/client.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { fromPackageRoot } from '../core/paths.js';
import { MIGRATIONS_DIR, migrate } from '../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of an embedded database with every migration applied ('' on a server run). */
    pgTemplate: string;
  }
}

/**
 * Migrates one embedded database before the suite and keeps its snapshot, so each test file starts
 * from it instead of initialising a cluster and migrating (about 6 s of CPU each, a minute of wall
 * time on a busy 2-core machine). The snapshot is keyed by the migrations and PGlite's version.
 */
export default async function setup(project: TestProject): Promise<void> {
  if (process.env.KEFU_TEST_DATABASE_URL) {
    project.provide('pgTemplate', '');
    return;
  }
  const path = join(tmpdir(), `kefu-test-template-${templateKey()}.tar`);
  if (!existsSync(path)) {
    const pg = await startEmbeddedPostgres();
    const sql = createSql(pg.url, { max: 1 });
    await migrate(sql);
    await sql.end();
    const tar = Buffer.from(await (await pg.snapshot()).arrayBuffer());
    await pg.stop();
    // Written whole, then renamed: a concurrent run never reads half a template.
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, tar);
    renameSync(partial, path);
  }
  project.provide('pgTemplate', path);
}

function templateKey(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS_DIR).sort())
    hash.update(name).update(readFileSync(join(MIGRATIONS_DIR, name)));
  hash.update(
    JSON.parse(readFileSync(fromPackageRoot('node_modules/@electric-sql/pglite/package.json'), 'utf8')).version,
  );
  return hash.digest('hex').slice(0, 16);
}
