import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import { auditReport, writeCheckpoint, type CheckpointOptions } from '../../pipelines/moderation/audit-checkpoint.js';
import { defineCommand } from '../command.js';

const WHY = {
  hash_mismatch: 'its contents do not match its hash',
  link_mismatch: 'it does not link to the event before it',
} as const;

/**
 * Checks every audit event's hash and link, the moderation tables against the chain, and (with a
 * key) the signed checkpoints; prints every problem. 0 when all agree, 1 otherwise.
 */
export async function verifyAuditTrail(
  sql: Sql,
  out: (text: string) => void,
  checkpoint?: CheckpointOptions,
): Promise<number> {
  const r = await auditReport(sql, checkpoint);
  for (const b of r.broken) out(`BROKEN: audit event ${b.id} fails verification (${WHY[b.reason]})`);
  for (const m of r.mismatches) out(`MISMATCH: ${m.table} ${m.id}: ${m.problem}`);
  for (const p of r.checkpoints ?? []) out(`CHECKPOINT: ${p}`);
  const problems = r.broken.length + r.mismatches.length + (r.checkpoints?.length ?? 0);
  if (problems === 0) {
    const signed = r.checkpoints ? ', signed checkpoints agree' : ', no checkpoint key set (KEFU_AUDIT_HMAC_KEY)';
    out(`OK: audit chain intact (${r.events} events${signed})`);
    return 0;
  }
  out(`${problems} problem(s); ${r.events} events checked`);
  return 1;
}

export const auditCommand = defineCommand({
  name: 'audit',
  summary: 'Verify the audit trail, or checkpoint its head with a signed line outside the database.',
  usage: 'kefu audit verify | kefu audit checkpoint',
  details:
    'verify: recomputes the hash chain, cross-checks decisions, penalties, appeals and flags against it and,\n' +
    'with KEFU_AUDIT_HMAC_KEY set, checks every signed checkpoint in KEFU_AUDIT_CHECKPOINT_FILE. Prints every\n' +
    'problem and exits 1, or OK and exits 0.\n' +
    'checkpoint: appends the signed chain head to KEFU_AUDIT_CHECKPOINT_FILE (needs KEFU_AUDIT_HMAC_KEY).',
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ positionals, log, out }) {
    const sub = positionals[0];
    if (sub !== 'verify' && sub !== 'checkpoint')
      throw new KefuError('USAGE', `kefu audit: unknown subcommand "${sub}"; try "kefu audit verify"`);
    const { withRuntime } = await import('../runtime.js');
    return withRuntime(log, async ({ db, config }) => {
      const key = config.audit.hmacKey;
      const options = key ? { key, file: config.audit.checkpointFile } : undefined;
      if (sub === 'verify') return verifyAuditTrail(db.sql, out, options);
      if (!options) throw new KefuError('CONFIG_INVALID', 'KEFU_AUDIT_HMAC_KEY: required to sign a checkpoint');
      const c = await writeCheckpoint(db.sql, options);
      out(`checkpoint: event ${c.lastId}, ${c.events} events, written to ${options.file}`);
      return 0;
    });
  },
});
