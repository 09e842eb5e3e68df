import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/db.js';
import { listAuditEvents, verifyAuditChain } from '../../../db/queries/audit.js';
import { openCaseForCall } from '../../../pipelines/moderation/open-cases.js';
import { moderationSettings } from '../../../pipelines/moderation/settings.js';
import { makeFlaggedCall, makeUser } from '../../../pipelines/moderation/testing/fixtures.js';
import { createApp } from '../app.js';
import { signedInClient } from './test-client.js';

const db = useTestDatabase();
const settings = moderationSettings();

async function setup() {
  const sql = db.sql();
  const app = createApp({ sql, components: [] });
  const made = await makeFlaggedCall(sql, [
    { ruleId: 'zh.contact.wechat', severity: 'high' },
    { ruleId: 'zh.payment.private', category: 'off_platform_payment', severity: 'medium', confidence: 0.7 },
  ]);
  const [staff, mod1, mod2, admin] = [
    await makeUser(sql, 'merchant_staff', made.merchantId),
    await makeUser(sql, 'moderator'),
    await makeUser(sql, 'moderator'),
    await makeUser(sql, 'admin'),
  ];
  return {
    sql,
    app,
    made,
    merchant: await signedInClient(app, sql, staff.id),
    m1: await signedInClient(app, sql, mod1.id),
    m2: await signedInClient(app, sql, mod2.id),
    admin: await signedInClient(app, sql, admin.id),
    mod1,
  };
}

describe('the moderation lifecycle over HTTP', () => {
  it('flags → case → claim → decide → statement → appeal → second moderator → penalty reversed', async () => {
    const { sql, made, merchant, m1, m2, admin, mod1 } = await setup();
    const opened = await openCaseForCall(sql, made.call.id, settings);
    expect(opened).toMatchObject({ attached: 2, autoDecided: 0, case: { status: 'open', severity: 'high' } });
    const caseId = opened!.case.id;

    const queue = await m1.call('GET', '/api/cases?category=off_platform_payment');
    expect(queue.status).toBe(200);
    expect(queue.body.data.map((c: { id: string }) => c.id)).toContain(caseId);
    expect(
      (await m1.call('GET', '/api/cases?category=abuse')).body.data.map((c: { id: string }) => c.id),
    ).not.toContain(caseId);
    const zh = await m1.call('GET', '/api/cases?language=zh');
    expect(zh.body.data.find((c: { id: string }) => c.id === caseId)).toMatchObject({ language: 'zh' });
    expect((await m1.call('GET', '/api/cases?language=en')).body.data.map((c: { id: string }) => c.id)).not.toContain(
      caseId,
    );
    expect((await m1.call('GET', '/api/cases?language=fr')).status).toBe(400);

    expect((await m1.call('POST', `/api/cases/${caseId}/claim`)).status).toBe(200);
    const stolen = await m2.call('POST', `/api/cases/${caseId}/claim`);
    expect(stolen).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT' } } });

    const view = await m1.call('GET', `/api/cases/${caseId}`);
    expect(view.status).toBe(200);
    const [f1, f2] = view.body.data.flags;
    expect(f1).toMatchObject({
      ruleId: 'zh.contact.wechat',
      ruleVersion: 1,
      spanStart: 1,
      spanEnd: 12,
      detector: 'rules',
      decision: null,
    });
    expect(f1.audioStartMs).toBe(made.utterances[1]!.startMs);
    expect(f1.verdicts.map((v: { layer: string }) => v.layer)).toEqual(['rule', 'semantic']);
    expect(view.body.data.utterances.map((u: { seq: number }) => u.seq)).toEqual([0, 1, 2]);

    const decided = await m1.call('POST', `/api/cases/${caseId}/decide`, {
      penalty: 'ladder',
      flags: [
        { flagId: f1.id, outcome: 'upheld', reasonCode: 'CONTACT_OFF_PLATFORM', reasonText: '主动索要微信' },
        { flagId: f2.id, outcome: 'dismissed', reasonCode: 'BENIGN_CONTEXT', reasonText: '提醒买家' },
      ],
    });
    expect(decided.status).toBe(200);
    expect(decided.body.data.penalties).toMatchObject([{ kind: 'points', points: 2 }]);
    const upheld = decided.body.data.decisions.find((d: { flagId: string }) => d.flagId === f1.id);
    const dismissed = decided.body.data.decisions.find((d: { flagId: string }) => d.flagId === f2.id);
    expect((await m2.call('POST', `/api/cases/${caseId}/decide`, { penalty: 'none', flags: [] })).status).toBe(400);

    const st = await merchant.call('GET', `/api/decisions/${upheld.id}/statement`);
    expect(st.status).toBe(200);
    expect(st.body.data.statement).toMatchObject({
      decisionId: upheld.id,
      automatedDetection: true,
      automatedDecision: 'not',
      rule: { id: 'zh.contact.wechat', version: 1, category: 'contact_exchange' },
      reason: { code: 'CONTACT_OFF_PLATFORM' },
      penalty: { kind: 'points', points: 2 },
      facts: { evidence: '加我微信 abc8899', span: [1, 12] },
      redress: { free: true },
    });
    expect(st.text).not.toContain(mod1.id);
    expect((await merchant.call('GET', `/api/decisions/${dismissed.id}/statement`)).status).toBe(404);

    const dsa = await merchant.call('GET', `/api/decisions/${upheld.id}/statement/dsa`);
    expect(dsa.body.data).toMatchObject({
      puid: upheld.id,
      decision_monetary: 'DECISION_MONETARY_OTHER',
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      automated_detection: 'Yes',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      source_type: 'SOURCE_VOLUNTARY',
      account_type: 'ACCOUNT_TYPE_BUSINESS',
      category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
    });
    expect(dsa.text).not.toContain('abc8899');

    const filed = await merchant.call('POST', '/api/appeals', {
      decisionId: upheld.id,
      statement: '我是在提醒买家不要加微信，录音可证',
      attachments: [{ name: '说明.txt', text: '完整对话…' }],
    });
    expect(filed.status).toBe(201);
    const appealId = filed.body.data.id;
    expect(
      (await merchant.call('POST', '/api/appeals', { decisionId: upheld.id, statement: 'again' })).body.error?.code,
    ).toBe('CONFLICT');
    expect(
      (await merchant.call('POST', '/api/appeals', { decisionId: dismissed.id, statement: 'x' })).body.error?.code,
    ).toBe('CONFLICT');

    expect((await m1.call('GET', '/api/appeals')).body.data.map((a: { id: string }) => a.id)).toContain(appealId);
    const own = await m1.call('POST', `/api/appeals/${appealId}/claim`);
    expect(own).toMatchObject({ status: 403, body: { error: { code: 'DUTY_SEPARATION' } } });
    expect(
      (await m2.call('POST', `/api/appeals/${appealId}/decide`, { outcome: 'upheld', outcomeText: 'x' })).body.error
        ?.code,
    ).toBe('CONFLICT');
    expect((await m2.call('POST', `/api/appeals/${appealId}/claim`)).status).toBe(200);
    const outcome = await m2.call('POST', `/api/appeals/${appealId}/decide`, {
      outcome: 'overturned_fully',
      outcomeText: '语境为提醒买家，不构成引导站外联系。',
    });
    expect(outcome.status).toBe(200);
    expect(outcome.body.data.reversed).toHaveLength(1);
    expect(outcome.body.data.reversed[0].reversedAt).not.toBeNull();

    const seen = await merchant.call('GET', `/api/appeals/${appealId}`);
    expect(seen.body.data).toMatchObject({
      status: 'decided',
      outcome: 'overturned_fully',
      outcomeText: '语境为提醒买家，不构成引导站外联系。',
    });
    expect(seen.body.data).not.toHaveProperty('decidedBy');
    const after = await merchant.call('GET', `/api/decisions/${upheld.id}/statement`);
    expect(after.body.data).toMatchObject({
      overturn: 'fully',
      appeal: { status: 'decided', outcome: 'overturned_fully' },
    });
    const penalties = await merchant.call('GET', '/api/penalties');
    expect(penalties.body.data.every((p: { reversedAt: string | null }) => p.reversedAt !== null)).toBe(true);
    const dsaAfter = await merchant.call('GET', `/api/decisions/${upheld.id}/statement/dsa`);
    expect(dsaAfter.body.data.end_date_monetary_restriction).toBe(new Date().toISOString().slice(0, 10));

    const actions = (await listAuditEvents(sql)).map((e) => e.action);
    for (const a of [
      'flag.raised',
      'case.opened',
      'case.claimed',
      'decision.made',
      'penalty.applied',
      'case.decided',
      'appeal.filed',
      'appeal.claimed',
      'appeal.decided',
      'decision.overturned',
      'penalty.reversed',
    ]) {
      expect(actions).toContain(a);
    }
    expect((await admin.call('GET', '/api/audit/verify')).body.data).toMatchObject({ intact: true, firstBroken: null });
    expect((await verifyAuditChain(sql)).firstBroken).toBeUndefined();
  });
});
