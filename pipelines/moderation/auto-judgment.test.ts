import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';
import { listAuditEvents } from '../../db/queries/audit.js';
import { getRulePolicies, setRulePolicy } from '../../db/queries/rule-policies.js';
import type { Actor } from './actor.js';
import { claimAppeal, decideAppeal, fileAppeal } from './appeals.js';
import { openCaseForCall } from './open-cases.js';
import { moderationSettings } from './settings.js';
import { makeFlaggedCall, makeUser } from './testing/fixtures.js';

const db = useTestDatabase();
const settings = moderationSettings({ ruleHealth: { minSample: 3, maxOverturnRate: 0.5 } });
const asUser = (u: {
  id: string;
  role: 'moderator' | 'admin' | 'merchant_staff';
  merchantId: string | null;
}): Actor => ({ kind: 'user', id: u.id, role: u.role, merchantId: u.merchantId });

// Set-up, not the behaviour under test: these fixture rules exist in no rule file, and switching
// a real rule to auto needs a second admin (web-dashboard/server/security/duties.test.ts).
async function autoRule(ruleId: string) {
  await setRulePolicy(db.sql(), {
    ruleId,
    judgment: 'auto',
    updatedBy: null,
    reason: 'precise rule, high precision on audit',
  });
}

describe('automated judgments', () => {
  it('decides confident severe flags of auto rules alone, leaves the rest for review, and caps the penalty', async () => {
    await autoRule('zh.auto.wechat');
    const sql = db.sql();
    const made = await makeFlaggedCall(sql, [
      { ruleId: 'zh.auto.wechat', severity: 'critical', confidence: 0.97 },
      { ruleId: 'zh.auto.wechat', severity: 'high', confidence: 0.6 },
      { ruleId: 'zh.review.only', severity: 'critical', confidence: 0.99 },
    ]);
    const opened = await openCaseForCall(sql, made.call.id, settings);
    expect(opened).toMatchObject({ attached: 3, autoDecided: 1, case: { status: 'open' } });
    const [d] = await sql<{ decidedBy: string | null; automatedDecision: string; statement: any }[]>`
      select * from decisions where case_id = ${opened!.case.id}`;
    expect(d).toMatchObject({ decidedBy: null, automatedDecision: 'fully' });
    expect(d!.statement).toMatchObject({
      automatedDetection: true,
      automatedDecision: 'fully',
      reason: { code: 'AUTO_RULE_MATCH' },
    });
    const [p] = await sql<{ kind: string }[]>`select kind from penalties where case_id = ${opened!.case.id}`;
    expect(p!.kind).toBe('points'); // critical would reach higher rungs; the machine stops at its ceiling
    expect(await openCaseForCall(sql, made.call.id, settings)).toMatchObject({ attached: 0, autoDecided: 0 });
    const system = (await listAuditEvents(sql)).filter((e) => e.actorKind === 'system').map((e) => e.action);
    expect(system).toEqual(expect.arrayContaining(['flag.raised', 'case.opened', 'decision.made', 'penalty.applied']));
  });

  it('closes the case when the machine decided every flag', async () => {
    await autoRule('zh.auto.all');
    const made = await makeFlaggedCall(db.sql(), [{ ruleId: 'zh.auto.all', severity: 'high', confidence: 0.95 }]);
    expect(await openCaseForCall(db.sql(), made.call.id, settings)).toMatchObject({
      autoDecided: 1,
      case: { status: 'decided' },
    });
  });
});

describe('rule health', () => {
  it('switches a rule to review when its automated decisions are overturned above the rate', async () => {
    const sql = db.sql();
    const ruleId = 'zh.auto.noisy';
    await autoRule(ruleId);
    const moderator = asUser(await makeUser(sql, 'moderator'));
    for (let i = 0; i < 3; i++) {
      const made = await makeFlaggedCall(sql, [{ ruleId, severity: 'high', confidence: 0.99 }]);
      await openCaseForCall(sql, made.call.id, settings);
      const staff = asUser(await makeUser(sql, 'merchant_staff', made.merchantId));
      const [d] = await sql<
        { id: string }[]
      >`select d.id from decisions d join flags f on f.id = d.flag_id where f.call_id = ${made.call.id}`;
      const appeal = await fileAppeal(sql, staff, { decisionId: d!.id, statement: '误判', attachments: [] }, settings);
      await claimAppeal(sql, moderator, appeal.id, settings);
      await decideAppeal(
        sql,
        moderator,
        appeal.id,
        {
          outcome: i < 2 ? 'overturned_fully' : 'upheld',
          outcomeText: 'reviewed',
          replacementPenalty: null,
        },
        settings,
      );
      const judgment = (await getRulePolicies(sql, [ruleId])).get(ruleId)!.judgment;
      // 1/1 and 2/2 overturned stay below the minimum sample; 2/3 > 50% trips the switch.
      expect(judgment).toBe(i < 2 ? 'auto' : 'review');
    }
    const switched = (await listAuditEvents(sql, { entityType: 'rule_policy', entityId: ruleId })).at(-1)!;
    expect(switched).toMatchObject({
      actorKind: 'system',
      action: 'rule_policy.changed',
      before: { judgment: 'auto' },
      after: { judgment: 'review' },
    });
    expect((switched.after as { reason: string }).reason).toMatch(/2 of 3 automated decisions overturned/);
  });
});
