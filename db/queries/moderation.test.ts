import { describe, expect, it } from 'vitest';
import { makeCallWithUtterances } from '../../test/factories.js';
import { useTestDatabase } from '../../test/db.js';
import { appendAuditEvent, listAuditEvents, verifyAuditChain } from './audit.js';
import { insertFlag, listFlags } from './flags.js';
import { insertAppeal } from './appeals.js';
import { insertDecision } from './decisions.js';
import { insertPenalty } from './penalties.js';
import { openCaseForCall } from './moderation.js';
import { upsertUser } from './people.js';

const db = useTestDatabase();

async function flaggedCall() {
  const sql = db.sql();
  const made = await makeCallWithUtterances(sql, [
    { speaker: 'customer', text: '苹果烂了三个' },
    { speaker: 'merchant', text: '您加我微信 abc8899，我私下转您钱' },
  ]);
  const u = made.utterances[1]!;
  const flag = await insertFlag(
    sql,
    {
      callId: made.call.id,
      merchantId: made.merchantId,
      utteranceId: u.id,
      category: 'contact_exchange',
      severity: 'high',
      ruleId: 'zh.contact.wechat',
      ruleVersion: 1,
      detector: 'rules',
      confidence: 0.93,
      speakerRole: 'merchant',
      evidenceText: '加我微信 abc8899',
      spanStart: 1,
      spanEnd: 12,
      audioStartMs: u.startMs,
      audioEndMs: u.endMs,
    },
    [
      { layer: 'rule', verdict: 'candidate', confidence: 0.9, detail: { pattern: '加.{0,2}微信' } },
      { layer: 'semantic', verdict: 'confirmed', confidence: 0.81, detail: { exemplar: 'zh-contact-3' } },
    ],
  );
  return { ...made, flag };
}

describe('flags with layered verdicts', () => {
  it("round-trips a flag with its evidence and every layer's verdict", async () => {
    const { call, flag } = await flaggedCall();
    const [got] = await listFlags(db.sql(), call.id);
    expect(got).toMatchObject({ id: flag.id, ruleId: 'zh.contact.wechat', ruleVersion: 1, spanStart: 1, spanEnd: 12 });
    expect(got!.verdicts.map((v) => [v.layer, v.verdict])).toEqual([
      ['rule', 'candidate'],
      ['semantic', 'confirmed'],
    ]);
  });

  it('refuses an empty evidence span', async () => {
    const { flag } = await flaggedCall();
    const { id: _id, caseId: _c, status: _s, createdAt: _t, ...rest } = flag;
    await expect(insertFlag(db.sql(), { ...rest, spanEnd: rest.spanStart }, [])).rejects.toThrow(/check constraint/);
  });
});

describe('cases, decisions, penalties and appeals', () => {
  it('opens one case per merchant and call, and walks it to an appeal', async () => {
    const sql = db.sql();
    const { call, merchantId, flag } = await flaggedCall();
    const opened = await openCaseForCall(sql, { merchantId, callId: call.id, slaHours: 24 });
    expect(opened).toMatchObject({ status: 'open', severity: 'high' });
    const again = await openCaseForCall(sql, { merchantId, callId: call.id, slaHours: 24 });
    expect(again?.id).toBe(opened!.id);
    const [withCase] = await listFlags(sql, call.id);
    expect(withCase?.caseId).toBe(opened!.id);

    const mod = await upsertUser(sql, {
      email: `mod-${merchantId}@t`,
      displayName: 'M',
      role: 'moderator',
      merchantId: null,
      passwordHash: 'x',
    });
    const decision = await insertDecision(sql, {
      caseId: opened!.id,
      flagId: flag.id,
      outcome: 'upheld',
      reasonCode: 'CONTACT_OFF_PLATFORM',
      reasonText: '',
      decidedBy: mod.id,
      automatedDetection: true,
      automatedDecision: 'not',
      statement: { ground: 'rule' },
    });
    await expect(insertDecision(sql, { ...decision, outcome: 'dismissed' })).rejects.toThrow(/duplicate key/);
    const penalty = await insertPenalty(sql, {
      merchantId,
      caseId: opened!.id,
      decisionId: decision.id,
      kind: 'points',
      points: 2,
      durationDays: 30,
    });
    expect(penalty.endsAt!.getTime() - penalty.startsAt.getTime()).toBe(30 * 24 * 3600 * 1000);

    const staff = await upsertUser(sql, {
      email: `staff-${merchantId}@t`,
      displayName: 'S',
      role: 'merchant_staff',
      merchantId,
      passwordHash: 'x',
    });
    const appeal = await insertAppeal(sql, {
      merchantId,
      caseId: opened!.id,
      decisionId: decision.id,
      filedBy: staff.id,
      statement: '我是在提醒买家不要加微信',
      attachments: [{ name: 'chat.txt', text: '…' }],
      slaHours: 72,
    });
    expect(appeal).toMatchObject({ status: 'open', outcome: null, attachments: [{ name: 'chat.txt' }] });
  });

  it('refuses an automated decision that names a human, and a human one that names none', async () => {
    const sql = db.sql();
    const { call, merchantId, flag } = await flaggedCall();
    const c = await openCaseForCall(sql, { merchantId, callId: call.id, slaHours: 24 });
    await expect(
      insertDecision(sql, {
        caseId: c!.id,
        flagId: flag.id,
        outcome: 'upheld',
        reasonCode: 'X',
        reasonText: '',
        decidedBy: null,
        automatedDetection: true,
        automatedDecision: 'not',
        statement: null,
      }),
    ).rejects.toThrow(/check constraint/);
  });
});

describe('audit trail', () => {
  it('chains events, refuses edits, and detects tampering by a superuser', async () => {
    const sql = db.sql();
    for (const action of ['flag.raised', 'case.opened', 'case.claimed'] as const) {
      await appendAuditEvent(sql, {
        actorKind: 'system',
        actorId: 'kefu',
        action,
        entityType: 'case',
        entityId: 'c-1',
        after: { action },
      });
    }
    const events = await listAuditEvents(sql, { entityType: 'case', entityId: 'c-1' });
    expect(events.map((e) => e.action)).toEqual(['flag.raised', 'case.opened', 'case.claimed']);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    // Row changes in the set-up add database-recorded events (migration 0052) beside these three.
    expect(await verifyAuditChain(sql)).toMatchObject({ broken: [], firstBroken: undefined });

    await expect(sql`update audit_events set actor_id = 'mallory' where id = ${events[1]!.id}`).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events`).rejects.toThrow(/append-only/);

    await sql`alter table audit_events disable trigger audit_events_no_update`;
    await sql`update audit_events set after = '{"action":"nothing"}' where id = ${events[1]!.id}`;
    await sql`alter table audit_events enable trigger audit_events_no_update`;
    expect(await verifyAuditChain(sql)).toMatchObject({
      firstBroken: { id: events[1]!.id, reason: 'hash_mismatch' },
    });
  });
});
