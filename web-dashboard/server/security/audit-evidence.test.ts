import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../../cli/commands/audit.js';
import { writeCheckpoint } from '../../../pipelines/moderation/audit-checkpoint.js';
import { moderationSettings } from '../../../pipelines/moderation/settings.js';
import { makeFlaggedCall, upholdEveryFlag } from '../../../pipelines/moderation/testing/fixtures.js';
import { useTestDatabase } from '../../../test/db.js';
import { createApp } from '../app.js';
import { signedInUser } from './testing.js';

/**
 * Finding: the audit trail was not evidence-grade. A superuser (PGlite has no other kind; see the
 * threat model) disables the triggers and edits history; verify must name every broken event,
 * catch edits to the moderation tables, and — through the signed checkpoints outside the
 * database — truncation and a wholesale recomputation of the chain.
 */
const db = useTestDatabase();
const KEY = 'k'.repeat(40);
const settings = moderationSettings();

async function decidedCase() {
  const sql = db.sql();
  return (await upholdEveryFlag(sql, await makeFlaggedCall(sql, [{}, {}]), settings)).decisions;
}

async function verify(file?: string) {
  const lines: string[] = [];
  const code = await verifyAuditTrail(db.sql(), (t) => lines.push(t), file ? { key: KEY, file } : undefined);
  return { code, lines };
}

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'kefu-audit-')), 'checkpoints.jsonl');
const ids = async () =>
  (await db.sql()<{ id: number }[]>`select id from audit_events order by id`).map((r) => Number(r.id));

async function asSuperuser(edit: () => Promise<unknown>, table = 'audit_events') {
  const sql = db.sql();
  await sql`alter table ${sql(table)} disable trigger user`;
  try {
    await edit();
  } finally {
    await sql`alter table ${sql(table)} enable trigger user`;
  }
}

/** Every table of the moderation record (decision 0174): original rows and change rows. */
const APPEND_ONLY = [
  ['flag_rows', 'evidence_text'],
  ['flag_case_links', 'case_id'],
  ['decision_rows', 'reason_text'],
  ['decision_statements', 'statement'],
  ['decision_overturns', 'overturn'],
  ['penalty_rows', 'points'],
  ['penalty_reversals', 'note'],
  ['appeal_rows', 'statement'],
  ['appeal_claims', 'expires_at'],
  ['appeal_outcomes', 'outcome_text'],
] as const;

const refusal = (q: Promise<unknown>) =>
  q.then(
    () => null,
    (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`,
  );

describe('an audit trail an auditor can rely on', () => {
  it('names every broken event, and every decision edited beside the application', async () => {
    const sql = db.sql();
    const [d] = await decidedCase();
    expect((await verify()).code).toBe(0);
    const all = await ids();
    const [x, y] = [all[2]!, all[5]!];
    const original = await sql`select id, actor_id from audit_events where id in ${sql([x, y])}`;
    await asSuperuser(() => sql`update audit_events set actor_id = 'mallory' where id in ${sql([x, y])}`);
    await asSuperuser(() => sql`update decision_rows set outcome = 'dismissed' where id = ${d!.id}`, 'decision_rows');
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.lines.filter((l) => l.startsWith('BROKEN:'))).toEqual([
      `BROKEN: audit event ${x} fails verification (its contents do not match its hash)`,
      `BROKEN: audit event ${y} fails verification (its contents do not match its hash)`,
    ]);
    expect(r.lines).toContain(`MISMATCH: decisions ${d!.id}: outcome or flag differs from the decision.made event`);
    // Put it back so the next tests start from an intact trail.
    await asSuperuser(async () => {
      for (const o of original) await sql`update audit_events set actor_id = ${o.actorId} where id = ${o.id}`;
    });
    await asSuperuser(() => sql`update decision_rows set outcome = 'upheld' where id = ${d!.id}`, 'decision_rows');
    expect((await verify()).code).toBe(0);
  });

  it('a signed checkpoint catches the tail cut off, which the chain alone cannot', async () => {
    const sql = db.sql();
    await decidedCase();
    // The tail holds sign-ins: nothing the moderation tables would miss, only the checkpoint can tell.
    for (let i = 0; i < 2; i++) {
      await sql`insert into audit_events (actor_kind, actor_id, action, entity_type, entity_id, prev_hash, hash)
        values ('user', 'u', 'session.signed_in', 'user', 'u', '', '')`;
    }
    const file = freshFile();
    await writeCheckpoint(sql, { key: KEY, file });
    expect((await verify(file)).code).toBe(0);
    const last = (await ids()).slice(-2);
    await asSuperuser(() => sql`delete from audit_events where id in ${sql(last)}`);
    expect((await verify()).code).toBe(0);
    const r = await verify(file);
    expect(r.code).toBe(1);
    expect(r.lines.join('\n')).toMatch(/event \d+ is gone \(the trail was truncated\)/);
  });

  it('a checkpoint catches one event rewritten with every later hash recomputed, and a forged checkpoint line', async () => {
    const sql = db.sql();
    await decidedCase();
    const file = freshFile();
    await writeCheckpoint(sql, { key: KEY, file });
    const all = await ids();
    await asSuperuser(async () => {
      await sql`update audit_events set actor_id = 'mallory' where id = ${all[3]!}`;
      let [{ prev }] = (await sql`select hash as prev from audit_events where id = ${all[2]!}`) as unknown as [
        { prev: string },
      ];
      for (const id of all.slice(3)) {
        const [row] = await sql<{ hash: string }[]>`
          update audit_events set prev_hash = ${prev}, hash = encode(sha256(convert_to(audit_event_digest_input(
            ${prev}, id, at, actor_kind, actor_id, action, entity_type, entity_id, before, after), 'UTF8')), 'hex')
          where id = ${id} returning hash`;
        prev = row!.hash;
      }
    });
    expect((await verify()).code).toBe(0);
    const r = await verify(file);
    expect(r.code).toBe(1);
    expect(r.lines.join('\n')).toMatch(/no longer has the signed hash \(the chain was rewritten\)/);

    // Re-signing needs the key, which is not in the database: an edited line fails its signature.
    const line = JSON.parse(readFileSync(file, 'utf8').trim());
    writeFileSync(file, `${JSON.stringify({ ...line, headHash: 'f'.repeat(64) })}\n`);
    expect((await verify(file)).lines.join('\n')).toMatch(/signature does not match/);
  });

  it('decisions, penalties, appeals and flags refuse UPDATE, DELETE and TRUNCATE, and lose nothing', async () => {
    const sql = db.sql();
    const [d] = await decidedCase();
    const before = await sql`select * from decisions where id = ${d!.id}`;
    for (const [table, column] of APPEND_ONLY) {
      const refused = `55000: ${table} is append-only: a change is a new row (decision 0174)`;
      expect(await refusal(sql`update ${sql(table)} set ${sql(column)} = ${sql(column)}`)).toBe(refused);
      expect(await refusal(sql`delete from ${sql(table)}`)).toBe(refused);
      expect(await refusal(sql`truncate ${sql(table)} cascade`)).toMatch(/^55000: \w+ is append-only/);
    }
    // The views with the old names are what everyone reads; they cannot be written through.
    for (const view of ['decisions', 'penalties', 'appeals', 'flags'])
      expect(await refusal(sql`delete from ${sql(view)}`)).toMatch(/^55000|cannot delete from view/);
    expect(await refusal(sql`update decision_rows set reason_text = 'rewritten later' where id = ${d!.id}`)).toBe(
      '55000: decision_rows is append-only: a change is a new row (decision 0174)',
    );
    expect(await sql`select * from decisions where id = ${d!.id}`).toEqual(before);
    expect((await verify()).code).toBe(0);
  });

  it('each change is a row of its own, which the database records in the chain under its own name', async () => {
    const sql = db.sql();
    const [d] = await decidedCase();
    const rows = await sql<{ actorKind: string; actorId: string; action: string; after: Record<string, unknown> }[]>`
      select actor_kind, actor_id, action, after from audit_events
      where entity_id in (${d!.id}, ${d!.flagId}) and actor_kind = 'database' order by id`;
    // The flag taken by the case, and the decision's statement of reasons written after it.
    expect(rows.map((r) => r.action)).toEqual(['flags.row_updated', 'decisions.row_updated']);
    expect(Object.keys(rows[0]!.after)).toEqual(['flagCaseLinks']);
    expect(Object.keys(rows[1]!.after)).toEqual(['decisionStatements']);
    const [{ n }] =
      (await sql`select count(*)::int as n from decision_statements where decision_id = ${d!.id}`) as unknown as [
        { n: number },
      ];
    expect(n).toBe(1);
    expect((await verify()).code).toBe(0);
  });

  it('exports of statements are audited', async () => {
    const sql = db.sql();
    const [d] = await decidedCase();
    const app = createApp({ sql, components: [] });
    const mod = await signedInUser(app, sql, 'moderator');
    expect((await mod.client.call('GET', `/api/decisions/${d!.id}/statement/dsa`)).status).toBe(200);
    const rows =
      await sql`select actor_id from audit_events where action = 'statement.exported' and entity_id = ${d!.id}`;
    expect(rows.map((r) => r.actorId)).toEqual([mod.user.id]);
  });
});
