import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { KefuError } from '../../core/errors.js';
import type { Sql } from '../../db/client.js';
import { crossCheckAudit, type Mismatch } from '../../db/queries/audit-crosscheck.js';
import { countAuditEventsUpTo, verifyAuditChain, type BrokenEvent } from '../../db/queries/audit.js';

/**
 * Checkpoints of the audit chain's head, signed with an HMAC whose key lives in the environment
 * and never in the database (decision 0172). Whoever can rewrite the database — and recompute
 * every hash, or cut the tail off — cannot forge a checkpoint, so the next verify sees it.
 */
const CheckpointSchema = z.object({
  at: z.string(),
  lastId: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  headHash: z.string(),
  mac: z.string(),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

export interface CheckpointOptions {
  key: string;
  file: string;
}

const sign = (key: string, c: Omit<Checkpoint, 'mac'>) =>
  createHmac('sha256', key).update(`kefu-audit-v1|${c.at}|${c.lastId}|${c.events}|${c.headHash}`).digest('hex');

/** Appends a signed checkpoint of the current head to the file. */
export async function writeCheckpoint(sql: Sql, o: CheckpointOptions): Promise<Checkpoint> {
  const check = await verifyAuditChain(sql);
  if (check.broken.length > 0)
    throw new KefuError('CONFLICT', 'The audit chain is broken; checkpointing it would vouch for the damage.');
  const body = {
    at: new Date().toISOString(),
    lastId: check.head?.id ?? 0,
    events: check.events,
    headHash: check.head?.hash ?? '',
  };
  const c = { ...body, mac: sign(o.key, body) };
  mkdirSync(dirname(o.file), { recursive: true });
  appendFileSync(o.file, `${JSON.stringify(c)}\n`, { mode: 0o600 });
  return c;
}

/** Every way the database disagrees with the signed checkpoints; empty when it agrees. */
export async function checkCheckpoints(sql: Sql, o: CheckpointOptions): Promise<string[]> {
  if (!existsSync(o.file)) return [`no checkpoint file at ${o.file} (run: kefu audit checkpoint)`];
  const problems: string[] = [];
  const lines = readFileSync(o.file, 'utf8').split('\n').filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const parsed = CheckpointSchema.safeParse(
      (() => {
        try {
          return JSON.parse(line);
        } catch {
          return null;
        }
      })(),
    );
    if (!parsed.success) {
      problems.push(`checkpoint line ${i + 1}: unreadable`);
      continue;
    }
    const c = parsed.data;
    const expected = Buffer.from(sign(o.key, c));
    const actual = Buffer.from(c.mac);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      problems.push(`checkpoint line ${i + 1}: signature does not match (edited, or another key)`);
      continue;
    }
    const found = await countAuditEventsUpTo(sql, c.lastId);
    if (found.lastHash === null && c.lastId > 0)
      problems.push(`checkpoint of ${c.at}: event ${c.lastId} is gone (the trail was truncated)`);
    else if (found.lastHash !== null && found.lastHash !== c.headHash)
      problems.push(`checkpoint of ${c.at}: event ${c.lastId} no longer has the signed hash (the chain was rewritten)`);
    if (found.events !== c.events)
      problems.push(
        `checkpoint of ${c.at}: ${found.events} events up to ${c.lastId}, signed ${c.events} (events deleted or inserted)`,
      );
  }
  return problems;
}

export interface AuditReport {
  events: number;
  broken: BrokenEvent[];
  mismatches: Mismatch[];
  checkpoints: string[] | null;
}

/** The chain, the moderation tables against it, and (with a key) the signed checkpoints. */
export async function auditReport(sql: Sql, checkpoint?: CheckpointOptions): Promise<AuditReport> {
  const chain = await verifyAuditChain(sql);
  return {
    events: chain.events,
    broken: chain.broken,
    mismatches: await crossCheckAudit(sql),
    checkpoints: checkpoint ? await checkCheckpoints(sql, checkpoint) : null,
  };
}
