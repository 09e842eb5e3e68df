import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import { verifyAuditChain } from '../../db/queries/audit.js';
import { defineCommand } from '../command.js';

/** Checks every audit event's hash and link; 0 when intact, 1 naming the first broken event. */
export async function verifyAuditTrail(sql: Sql, out: (text: string) => void): Promise<number> {
  const check = await verifyAuditChain(sql);
  if (!check.firstBroken) {
    out(`OK: audit chain intact (${check.events} events)`);
    return 0;
  }
  const what =
    check.firstBroken.reason === 'hash_mismatch'
      ? 'its contents do not match its hash'
      : 'it does not link to the event before it';
  out(`BROKEN: audit event ${check.firstBroken.id} fails verification (${what}); ${check.events} events checked`);
  return 1;
}

export const auditCommand = defineCommand({
  name: 'audit',
  summary: 'Verify the audit trail: recompute the hash chain over every audit event.',
  usage: 'kefu audit verify',
  details: 'Prints OK with the number of events and exits 0, or names the first broken event and exits 1.',
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ positionals, log, out }) {
    if (positionals[0] !== 'verify')
      throw new KefuError('USAGE', `kefu audit: unknown subcommand "${positionals[0]}"; try "kefu audit verify"`);
    const { withRuntime } = await import('../runtime.js');
    return withRuntime(log, ({ db }) => verifyAuditTrail(db.sql, out));
  },
});
