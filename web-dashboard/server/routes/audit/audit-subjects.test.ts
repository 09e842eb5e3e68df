import { beforeAll, describe, expect, it } from 'vitest';
import { buyerTag } from '../../../../core/buyer.js';
import { loadRules } from '../../../../pipelines/compliance/load-rules.js';
import { fileAppeal } from '../../../../pipelines/moderation/appeals.js';
import { moderationSettings } from '../../../../pipelines/moderation/settings.js';
import { makeFlaggedCall, makeUser, upholdEveryFlag } from '../../../../pipelines/moderation/testing/fixtures.js';
import { useTestDatabase } from '../../../../test/db.js';
import { type ApiClient, signedInClient } from '../../api/test-client.js';
import { createApp } from '../../app.js';

const db = useTestDatabase();
type Event = { action: string; entityType: string; entityId: string; subject: Record<string, any> | null };
let admin: ApiClient;
let made: Awaited<ReturnType<typeof makeFlaggedCall>>;
let staffName: string;
const rule = loadRules().rules.find((r) => r.language === 'zh')!;

beforeAll(async () => {
  const sql = db.sql();
  const app = createApp({ sql, components: [] });
  const settings = moderationSettings();
  made = await makeFlaggedCall(sql, [{}]);
  await sql`insert into buyers (id, name) values ('b-1', '张**') on conflict (id) do update set name = '张**'`;
  const { decisions } = await upholdEveryFlag(sql, made, settings);
  const staff = await makeUser(sql, 'merchant_staff', made.merchantId);
  staffName = staff.displayName;
  await fileAppeal(
    sql,
    { kind: 'user', id: staff.id, role: 'merchant_staff', merchantId: made.merchantId },
    { decisionId: decisions[0]!.id, statement: '顾客主动要求加微信。', attachments: [] },
    settings,
  );
  admin = await signedInClient(app, sql, (await makeUser(sql, 'admin')).id);
  expect((await admin.call('POST', `/api/users/${staff.id}/password-reset`, { reason: '忘记密码' })).status).toBe(200);
  const policy = await admin.call('PUT', `/api/rules/${rule.id}/policy`, {
    judgment: 'review',
    reason: '保持人工审核',
  });
  expect(policy.status).toBe(200);
  const moderator = await signedInClient(app, sql, (await makeUser(sql, 'moderator')).id);
  expect((await moderator.call('GET', '/api/export/calls.csv')).status).toBe(200);
});

async function events(): Promise<Event[]> {
  const res = await admin.call('GET', '/api/audit?limit=200&offset=0');
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('the audit log names what each event is about (issue 15)', () => {
  it('names a case, flag, decision, penalty and appeal by the merchant, buyer and time of their call', async () => {
    const all = await events();
    const bound = all.filter((e) => ['case', 'flag', 'decision', 'penalty', 'appeal'].includes(e.entityType));
    expect(new Set(bound.map((e) => e.entityType))).toEqual(new Set(['case', 'flag', 'decision', 'penalty', 'appeal']));
    const [merchant] = await db.sql()<{ name: string }[]>`select name from merchants where id = ${made.merchantId}`;
    for (const e of bound) {
      expect(e.subject, `${e.action} ${e.entityType}`).toMatchObject({
        merchant: merchant!.name,
        merchantId: made.merchantId,
        callId: made.call.id,
        callStartedAt: new Date(made.call.startedAt).toISOString(),
        buyer: { name: '张**', tag: buyerTag('b-1') },
      });
    }
    // Everything past the case itself also names what was flagged.
    const appeal = bound.find((e) => e.entityType === 'appeal')!;
    expect(appeal.subject!.category).toBe('contact_exchange');
    expect(appeal.subject!.caseId).toBe(bound.find((e) => e.entityType === 'case')!.entityId);
  });

  it('names an account by its name and e-mail, a rule by its ground, an export by its file', async () => {
    const all = await events();
    const reset = all.find((e) => e.action === 'user.password_reset')!;
    expect(reset.subject!.user.name).toBe(staffName);
    expect(reset.subject!.user.email).toMatch(/@test\.kefu$/);
    const policy = all.find((e) => e.action === 'rule_policy.changed')!;
    expect(policy.subject!.rule).toEqual({ ground: rule.ground, language: 'zh' });
    const exported = all.find((e) => e.entityType === 'export')!;
    expect(exported.subject).toMatchObject({ file: 'calls.csv', merchant: null });
  });

  it('says nothing rather than an id when the entity is unknown', async () => {
    const sql = db.sql();
    await sql`
      insert into audit_events (actor_kind, actor_id, action, entity_type, entity_id, before, after, prev_hash, hash)
      values ('system', 'system', 'case.updated', 'case', '00000000-0000-4000-8000-000000000000', null, null, '', '')`;
    const gone = (await events()).find((e) => e.entityId === '00000000-0000-4000-8000-000000000000')!;
    expect(gone.subject).toBeNull();
  });
});
