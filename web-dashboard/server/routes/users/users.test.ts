import { describe, expect, it } from 'vitest';
import { upsertMerchant } from '../../../../db/queries/people.js';
import { makeUser } from '../../../../pipelines/moderation/testing/fixtures.js';
import { useTestDatabase } from '../../../../test/db.js';
import { createApp } from '../../app.js';
import { signedInClient } from '../../api/test-client.js';

const db = useTestDatabase();

const lastAudit = async (action: string, id: string) =>
  (
    await db.sql()<{ after: Record<string, unknown> | null }[]>`
      select after from audit_events where action = ${action} and entity_id = ${id} order by id desc limit 1`
  )[0]?.after;

describe('the users API as the users page uses it', () => {
  it('lists lockouts, and keeps the reason an admin gives in the audit event', async () => {
    const sql = db.sql();
    const app = createApp({ sql, components: [] });
    await upsertMerchant(sql, { id: 'm-u1', name: '店铺一' });
    await upsertMerchant(sql, { id: 'm-u2', name: '店铺二' });
    const admin = await signedInClient(app, sql, (await makeUser(sql, 'admin')).id);
    const staff = await makeUser(sql, 'merchant_staff', 'm-u1');
    await sql`
      insert into sign_in_throttle (key, failures, last_failure_at, blocked_until, locked)
      values (${`account:${staff.email}`}, 10, now(), now(), true)`;

    const listed = (await admin.call('GET', '/api/users')).body.data;
    expect(listed.find((u: { id: string }) => u.id === staff.id).locked).toBe(true);
    expect(listed.filter((u: { locked: boolean }) => u.locked)).toHaveLength(1);

    const unlocked = await admin.call('POST', `/api/users/${staff.id}/unlock`, { reason: '工单 1' });
    expect(unlocked.body.data).toEqual({ wasLocked: true });
    expect(await lastAudit('user.unlocked', staff.id)).toEqual({ locked: false, reason: '工单 1' });
    expect((await admin.call('GET', '/api/users')).body.data.some((u: { locked: boolean }) => u.locked)).toBe(false);

    // Without a body, as before: still audited, with no reason.
    expect((await admin.call('POST', `/api/users/${staff.id}/password-reset`)).status).toBe(200);
    expect(await lastAudit('user.password_reset', staff.id)).toBeNull();
    expect((await admin.call('POST', `/api/users/${staff.id}/password-reset`, { reason: '工单 2' })).status).toBe(200);
    expect(await lastAudit('user.password_reset', staff.id)).toEqual({ reason: '工单 2' });

    const moved = await admin.call('PUT', `/api/users/${staff.id}`, {
      role: 'merchant_staff',
      merchantId: 'm-u2',
      displayName: staff.displayName,
      reason: '调岗',
    });
    expect(moved.status).toBe(200);
    expect(await lastAudit('user.updated', staff.id)).toEqual({
      role: 'merchant_staff',
      merchantId: 'm-u2',
      reason: '调岗',
    });

    // A reviewer grant waits for a second admin; the approver sees the reason.
    const grant = await admin.call('PUT', `/api/users/${staff.id}`, {
      role: 'moderator',
      merchantId: null,
      displayName: staff.displayName,
      reason: '加入审核组',
    });
    expect(grant.status).toBe(202);
    expect(grant.body.data.approvalRequired.change.reason).toBe('加入审核组');
  });

  it('refuses a reason that is too long or a field it does not know, naming it', async () => {
    const sql = db.sql();
    const app = createApp({ sql, components: [] });
    const admin = await signedInClient(app, sql, (await makeUser(sql, 'admin')).id);
    const target = await makeUser(sql, 'moderator');
    const long = await admin.call('POST', `/api/users/${target.id}/unlock`, { reason: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect(long.body.error?.message).toContain('reason');
    const odd = await admin.call('POST', `/api/users/${target.id}/unlock`, { because: 'x' });
    expect(odd.status).toBe(400);
    expect(odd.body.error?.code).toBe('INPUT_INVALID');
  });
});
