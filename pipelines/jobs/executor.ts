import postgres from 'postgres';
import type { Sql } from '../../db/client.js';

/**
 * pg-boss's database adapter over Kefu's one postgres.js client, so the queue shares the embedded
 * database's single connection instead of opening a pool of its own. Two things differ from the
 * `pg` driver pg-boss expects: Kefu's client camel-cases column names (pg-boss reads both its
 * snake_case columns and its own camelCase aliases, so each row carries both spellings), and
 * parameterless text may be several statements (`BEGIN; …; COMMIT;`), which needs the simple
 * protocol on one connection, rolled back if a statement fails so the connection is not left in an
 * aborted transaction.
 */
export function postgresJsExecutor(sql: Sql): {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
} {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const rows = await sql.unsafe(text, values as postgres.ParameterOrJSON<never>[]);
        return { rows: rows.map(bothSpellings) };
      }
      const conn = await sql.reserve();
      try {
        const result = (await conn.unsafe(text).simple()) as unknown as
          | Record<string, unknown>[]
          | Record<string, unknown>[][];
        const rows =
          result.length > 0 && Array.isArray(result[0]) ? (result as Record<string, unknown>[][]).flat() : result;
        return { rows: (rows as Record<string, unknown>[]).map(bothSpellings) };
      } catch (err) {
        await conn.unsafe('rollback').catch(() => {});
        throw err;
      } finally {
        conn.release();
      }
    },
  };
}

function bothSpellings(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const [key, value] of Object.entries(row)) {
    const snake = postgres.fromCamel(key);
    if (!(snake in out)) out[snake] = value;
  }
  return out;
}
