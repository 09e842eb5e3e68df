import { describe, expect, it } from 'vitest';
import { fileAppeal } from '../../../pipelines/moderation/appeals.js';
import { moderationSettings } from '../../../pipelines/moderation/settings.js';
import { makeFlaggedCall, upholdEveryFlag } from '../../../pipelines/moderation/testing/fixtures.js';
import { useTestDatabase } from '../../../test/db.js';
import { createApp } from '../app.js';
import { signedInUser } from './testing.js';

/** Finding: separation of duties by account id only (fresh moderators, self-promotion, one-admin auto rules). */
const db = useTestDatabase();
const settings = moderationSettings();

async function appealedDecision(sql: ReturnType<typeof db.sql>, decider: { id: string; role: 'admin' | 'moderator' }) {
  const made = await makeFlaggedCall(sql, [{}]);
  const { caseId, decisions } = await upholdEveryFlag(sql, made, settings, decider);
  const { makeUser } = await import('../../../pipelines/moderation/testing/fixtures.js');
  const staff = await makeUser(sql, 'merchant_staff', made.merchantId);
  const appeal = await fileAppeal(
    sql,
    { kind: 'user', id: staff.id, role: 'merchant_staff', merchantId: made.merchantId },
    { decisionId: decisions[0]!.id, statement: '申诉', attachments: [] },
    settings,
  );
  return { appealId: appeal.id, caseId };
}

describe('separation of duties', () => {
  it('an appeal is refused to a moderator created, or promoted, after the decision, and to anyone who worked the case', async () => {
    const sql = db.sql();
    const app = createApp({ sql, components: [] });
    const veteran = await signedInUser(app, sql, 'moderator');
    const helper = await signedInUser(app, sql, 'moderator');
    const staffToPromote = await signedInUser(
      app,
      sql,
      'merchant_staff',
      (await makeFlaggedCall(sql, [{}])).merchantId,
    );
    const admin = await signedInUser(app, sql, 'admin');
    // The helper claimed and released the case before the admin decided it.
    const made = await appealedDecision(sql, { id: admin.user.id, role: 'admin' });
    await sql`insert into audit_events (actor_kind, actor_id, action, entity_type, entity_id, prev_hash, hash)
      values ('user', ${helper.user.id}, 'case.claimed', 'case', ${made.caseId}, '', '')`;
    const fresh = await signedInUser(app, sql, 'moderator');
    // An old account promoted after the decision (the trigger stamps role_granted_at).
    await sql`update users set role = 'moderator', merchant_id = null where id = ${staffToPromote.user.id}`;
    const promoted = staffToPromote;
    for (const [who, why] of [
      [admin, /You made the decision/],
      [fresh, /account or role is newer/],
      [promoted, /account or role is newer/],
      [helper, /worked on the case/],
    ] as const) {
      const res = await who.client.call('POST', `/api/appeals/${made.appealId}/claim`);
      expect(res.status).toBe(403);
      expect(res.body.error?.message).toMatch(why);
    }
    expect((await veteran.client.call('POST', `/api/appeals/${made.appealId}/claim`)).status).toBe(200);
  });

  it('granting a reviewer role takes a second admin; nobody approves their own request or changes their own role', async () => {
    const sql = db.sql();
    const app = createApp({ sql, components: [] });
    const a1 = await signedInUser(app, sql, 'admin');
    const a2 = await signedInUser(app, sql, 'admin');
    const created = await a1.client.call('POST', '/api/users', {
      email: 'new-mod@t.kefu',
      displayName: 'N',
      role: 'moderator',
      merchantId: null,
      password: 'new-mod-password',
    });
    expect(created.status).toBe(202);
    const request = created.body.data.approvalRequired;
    expect(JSON.stringify(request)).not.toMatch(/passwordHash|scrypt/);
    expect(await sql`select 1 from users where email = 'new-mod@t.kefu'`).toHaveLength(0);
    expect((await a1.client.call('POST', `/api/approvals/${request.id}/approve`)).status).toBe(403);
    expect((await a2.client.call('POST', `/api/approvals/${request.id}/approve`)).status).toBe(200);
    expect(await sql`select role from users where email = 'new-mod@t.kefu'`).toEqual([{ role: 'moderator' }]);
    expect((await a2.client.call('POST', `/api/approvals/${request.id}/approve`)).status).toBe(409);

    const self = await a1.client.call('PUT', `/api/users/${a1.user.id}`, {
      displayName: 'me',
      role: 'moderator',
      merchantId: null,
    });
    expect(self.status).toBe(403);
    const mod = await signedInUser(app, sql, 'moderator');
    const promote = await a1.client.call('PUT', `/api/users/${mod.user.id}`, {
      displayName: 'M',
      role: 'admin',
      merchantId: null,
    });
    expect(promote.status).toBe(202);
    expect(await sql`select role from users where id = ${mod.user.id}`).toEqual([{ role: 'moderator' }]);
    const rejected = await a2.client.call('POST', `/api/approvals/${promote.body.data.approvalRequired.id}/reject`);
    expect(rejected.status).toBe(200);
    const actions = await sql<
      { action: string }[]
    >`select action from audit_events where entity_type = 'approval' order by id`;
    expect(actions.map((r) => r.action)).toEqual([
      'approval.requested',
      'approval.approved',
      'approval.requested',
      'approval.rejected',
    ]);
  });

  it('switching a rule to automatic decisions takes a second admin; back to review takes one', async () => {
    const sql = db.sql();
    const app = createApp({ sql, components: [] });
    const a1 = await signedInUser(app, sql, 'admin');
    const a2 = await signedInUser(app, sql, 'admin');
    const path = '/api/rules/zh.contact.invite-frame/policy';
    const asked = await a1.client.call('PUT', path, { judgment: 'auto', reason: 'precise' });
    expect(asked.status).toBe(202);
    const policy = async () =>
      (await sql`select judgment from rule_policies where rule_id = 'zh.contact.invite-frame'`)[0]?.judgment;
    expect(await policy()).not.toBe('auto');
    await a2.client.call('POST', `/api/approvals/${asked.body.data.approvalRequired.id}/approve`);
    expect(await policy()).toBe('auto');
    expect((await a1.client.call('PUT', path, { judgment: 'review', reason: 'noisy' })).status).toBe(200);
    expect(await policy()).toBe('review');
  });
});
