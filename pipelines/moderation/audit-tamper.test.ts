import { describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../cli/commands/audit.js';
import { useTestDatabase } from '../../test/db.js';
import { listAuditEvents } from '../../db/queries/audit.js';
import { openCaseForCall } from './open-cases.js';
import { moderationSettings } from './settings.js';
import { makeFlaggedCall } from './testing/fixtures.js';

const db = useTestDatabase();

describe('kefu audit verify', () => {
  it('says OK with the count, then names the first event a superuser tampered with', async () => {
    const sql = db.sql();
    const made = await makeFlaggedCall(sql, [{}, {}]);
    await openCaseForCall(sql, made.call.id, moderationSettings());
    const lines: string[] = [];
    const out = (t: string) => lines.push(t);
    const events = await listAuditEvents(sql);
    expect(await verifyAuditTrail(sql, out)).toBe(0);
    expect(lines.at(-1)).toMatch(new RegExp(`^OK: audit chain intact \\(${events.length} events`));

    // The app's own connection cannot edit history…
    await expect(sql`update audit_events set after = '{}' where id = ${events[1]!.id}`).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where id = ${events[1]!.id}`).rejects.toThrow(/append-only/);
    // …a superuser can switch the trigger off, but the chain still gives it away.
    await sql`alter table audit_events disable trigger audit_events_no_update`;
    await sql`update audit_events set actor_id = 'mallory' where id = ${events[1]!.id}`;
    await sql`alter table audit_events enable trigger audit_events_no_update`;
    expect(await verifyAuditTrail(sql, out)).toBe(1);
    expect(lines).toContain(
      `BROKEN: audit event ${events[1]!.id} fails verification (its contents do not match its hash)`,
    );
  });
});
