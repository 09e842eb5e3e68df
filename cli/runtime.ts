import { type Config, loadConfig } from '../core/config.js';
import { type Database, openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';

/** Config, an open database with every migration applied, and a way to close it. */
export async function openRuntime(log: (line: string) => void): Promise<{ config: Config; db: Database }> {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  if (db.owner) log(`database: ${db.description}`);
  try {
    const report = await migrate(db.sql, { onApplied: (file) => log(`migrate: applied ${file}`) });
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
