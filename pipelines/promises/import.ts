import { isKefuError } from '../../core/errors.js';
import { OrderEventSchema } from '../../core/order-events.js';
import type { Sql } from '../../db/client.js';
import { applyOrderEvent, type PromiseChange } from './lifecycle.js';

export interface ImportReport {
  lines: number;
  imported: number;
  /** Event ids already stored (a re-run of the same file changes nothing). */
  replayed: number;
  promisesClosed: number;
  /** Lines not imported, by 1-based line number, with what is wrong. */
  errors: { line: number; message: string }[];
}

/**
 * Imports order events from JSON Lines, the webhook's body one per line. Each line is applied in
 * its own transaction, so a bad line (not JSON, a bad field, an unknown order) is reported by
 * its number and the others are still imported; a re-run skips what is already stored.
 */
export async function importOrderEvents(
  sql: Sql,
  jsonl: string,
  onChange: (c: PromiseChange) => void = () => undefined,
): Promise<ImportReport> {
  const report: ImportReport = { lines: 0, imported: 0, replayed: 0, promisesClosed: 0, errors: [] };
  const lines = jsonl.split('\n');
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    report.lines++;
    const line = i + 1;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      report.errors.push({ line, message: 'not valid JSON' });
      continue;
    }
    const parsed = OrderEventSchema.safeParse(json);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((x) => `${x.path.join('.') || '(line)'}: ${x.message}`);
      report.errors.push({ line, message: fields.join('; ') });
      continue;
    }
    try {
      const r = await applyOrderEvent(sql, parsed.data, 'import');
      if (r.replayed) report.replayed++;
      else report.imported++;
      report.promisesClosed += r.changes.length;
      for (const c of r.changes) onChange(c);
    } catch (err) {
      if (!isKefuError(err, 'NOT_FOUND')) throw err;
      report.errors.push({ line, message: `orderId: no order "${parsed.data.orderId}"` });
    }
  }
  return report;
}
