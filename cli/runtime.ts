import { type Config, loadConfig } from '../core/config.js';
import { assertAppRoleOwnsNothing, grantAppRole, roleReach } from '../db/app-role.js';
import { createSql, type Database, openDatabase } from '../db/client.js';
import { migrate, type MigrationReport } from '../db/migrate.js';

/**
 * Applies pending migrations. With KEFU_MIGRATION_DATABASE_URL the schema's owner migrates and
 * grants the app's role what it needs; that role must then own nothing (decision 0173).
 */
export async function migrateDatabase(
  db: Database,
  config: Config['database'],
  onApplied?: (file: string) => void,
): Promise<MigrationReport> {
  const ownerUrl = config.kind === 'external' ? config.migrationUrl : undefined;
  if (!ownerUrl) return migrate(db.sql, { onApplied });
  const owner = createSql(ownerUrl, { max: 1 });
  try {
    const report = await migrate(owner, { onApplied });
    const reach = await roleReach(db.sql);
    await grantAppRole(owner, reach.role);
    assertAppRoleOwnsNothing(reach);
    return report;
  } finally {
    await owner.end();
  }
}

/** Config, an open database with every migration applied, and a way to close it. */
export async function openRuntime(log: (line: string) => void): Promise<{ config: Config; db: Database }> {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  if (db.owner) log(`database: ${db.description}`);
  try {
    const report = await migrateDatabase(db, config.database, (file) => log(`migrate: applied ${file}`));
    if (report.applied.length === 0) log(`migrate: schema up to date (${report.alreadyApplied} migrations)`);
  } catch (err) {
    await db.close();
    throw err;
  }
  return { config, db };
}

/** Runs `fn` with a migrated database and always closes it. */
export async function withRuntime<T>(
  log: (line: string) => void,
  fn: (rt: { config: Config; db: Database }) => Promise<T>,
): Promise<T> {
  const rt = await openRuntime(log);
  try {
    return await fn(rt);
  } finally {
    await rt.db.close();
  }
}
