import { describe, expect, it } from 'vitest';
import { toDsaStatement } from './dsa-export.js';
import { isLighter, ladderStep } from './ladder.js';
import { moderationSettings } from './settings.js';
import { buildStatement } from './statement.js';

const settings = moderationSettings();

describe('the penalty ladder', () => {
  it('climbs with standing penalties and severity, and the machine stops at its ceiling', () => {
    expect(ladderStep(settings, { standingPenalties: 0, severity: 'low', automated: false }).kind).toBe('warning');
    expect(ladderStep(settings, { standingPenalties: 0, severity: 'high', automated: false })).toMatchObject({
      kind: 'points',
      points: 2,
    });
    expect(ladderStep(settings, { standingPenalties: 3, severity: 'critical', automated: false }).kind).toBe(
      'suspension',
    );
    expect(ladderStep(settings, { standingPenalties: 3, severity: 'critical', automated: true })).toMatchObject({
      kind: 'points',
      points: 6,
    });
  });

  it('lets a partial overturn only lighten', () => {
    const susp = { kind: 'suspension' as const, points: 12, durationDays: 14 };
    expect(isLighter({ kind: 'warning', points: 0, durationDays: null }, susp)).toBe(true);
    expect(isLighter({ kind: 'suspension', points: 12, durationDays: 7 }, susp)).toBe(true);
    expect(isLighter(susp, susp)).toBe(false);
    expect(isLighter({ kind: 'suspension', points: 12, durationDays: null }, susp)).toBe(false);
  });
});

describe('statement of reasons', () => {
  const statement = buildStatement({
    decision: {
      id: 'd-1',
      caseId: 'c-1',
      decidedAt: new Date('2025-03-20T08:00:00Z'),
      reasonCode: 'CONTACT_OFF_PLATFORM',
      reasonText: '索要微信',
      automatedDecision: 'fully',
    },
    call: { id: 'call-1', startedAt: new Date('2025-03-19T02:00:00Z'), language: 'zh' },
    flag: {
      category: 'contact_exchange',
      severity: 'high',
      ruleId: 'zh.contact.wechat',
      ruleVersion: 2,
      detector: 'rules',
      confidence: 0.96,
      speakerRole: 'merchant',
      evidenceText: '加我微信 abc8899',
      spanStart: 1,
      spanEnd: 12,
      audioStartMs: 2000,
      audioEndMs: 3500,
      utteranceSeq: 1,
      verdicts: [],
    },
    penalty: {
      kind: 'suspension',
      points: 12,
      startsAt: new Date('2025-03-20T08:00:00Z'),
      endsAt: new Date('2025-04-03T08:00:00Z'),
    },
    appealWindowMonths: 6,
  });

  it('carries facts, rule and ground, automation, penalty and redress', () => {
    expect(statement).toMatchObject({
      automatedDetection: true,
      automatedDecision: 'fully',
      rule: { id: 'zh.contact.wechat', version: 2 },
      facts: { evidence: '加我微信 abc8899', audio: { startMs: 2000, endMs: 3500 } },
      redress: { appealUntil: '2025-09-20T08:00:00.000Z', free: true },
    });
    expect(statement.rule.ground.zh).toContain('微信');
    // The merchant reads the appeal window's end as a day, never "2025-09-20".
    expect(statement.redress.how).toEqual({
      zh: '可在2025年9月20日前免费申诉：在工作台“违规与申诉”页中提交说明和附件。',
      en: 'Appeal free of charge until Sep 20, 2025: file a statement with text attachments on the dashboard\'s "Flags & appeals" page.',
    });
  });

  it('exports the DSA Transparency Database fields without personal data', () => {
    const dsa = toDsaStatement(statement);
    expect(dsa).toMatchObject({
      puid: 'd-1',
      decision_account: 'DECISION_ACCOUNT_SUSPENDED',
      end_date_account_restriction: '2025-04-03',
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      incompatible_content_ground: 'zh.contact.wechat@2',
      automated_detection: 'Yes',
      automated_decision: 'AUTOMATED_DECISION_FULLY',
      content_language: 'ZH',
      application_date: '2025-03-20',
      content_date: '2025-03-19',
      source_type: 'SOURCE_VOLUNTARY',
    });
    expect(JSON.stringify(dsa)).not.toMatch(/abc8899|微信 abc|call-1|c-1/);
  });
});
