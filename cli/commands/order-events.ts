import { readFile } from 'node:fs/promises';
import { KefuError } from '../../core/errors.js';
import { defineCommand } from '../command.js';

export const orderEventsCommand = defineCommand({
  name: 'order-events',
  summary: "Import the platform's order events (JSON Lines) and check open promises against them.",
  usage: 'kefu order-events import FILE.jsonl [--json]',
  details: [
    'FILE.jsonl  one event per line, the body the webhook takes:',
    '            {"eventId","orderId","type","at"[,"amount","currency","trackingNumber"]}',
    '--json      print the report as one JSON object',
    'Lines already imported (same eventId) change nothing; bad lines are named by number and exit 2.',
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  positionals: { min: 2, max: 2 },
  async run({ values, positionals, log, out }) {
    const [sub, file] = positionals as [string, string];
    if (sub !== 'import') throw new KefuError('USAGE', `kefu order-events: unknown subcommand "${sub}"; try "import"`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new KefuError('INPUT_INVALID', `${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? err})`);
    }
    const [{ withRuntime }, { importOrderEvents }, { promiseEvent }, { notifyCallEvent }] = await Promise.all([
      import('../runtime.js'),
      import('../../pipelines/promises/import.js'),
      import('../../pipelines/promises/lifecycle.js'),
      import('../../db/queries/call-events.js'),
    ]);
    return withRuntime(log, async ({ db }) => {
      // A running dashboard on the same database hears each closed promise through NOTIFY.
      const shared = db.kind === 'external' || db.owner !== undefined;
      const closed: Parameters<typeof promiseEvent>[0][] = [];
      const report = await importOrderEvents(db.sql, text, (c) => closed.push(c));
      if (shared) for (const c of closed) await notifyCallEvent(db.sql, c.merchantId, promiseEvent(c));
      if (values.json) out(JSON.stringify(report));
      else {
        out(
          `${file}: ${report.lines} events, ${report.imported} imported, ${report.replayed} already stored, ` +
            `${report.promisesClosed} promises closed, ${report.errors.length} bad lines`,
        );
        for (const e of report.errors) out(`  line ${e.line}: ${e.message}`);
      }
      return report.errors.length > 0 ? 2 : 0;
    });
  },
});
