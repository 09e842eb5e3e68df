import { describe, expect, it } from 'vitest';
import { upsertPolicy } from '../../../../db/queries/policies.js';
import { claimCase } from '../../../../pipelines/moderation/cases.js';
import { decideCase } from '../../../../pipelines/moderation/decide.js';
import { openCaseForCall } from '../../../../pipelines/moderation/open-cases.js';
import { moderationSettings } from '../../../../pipelines/moderation/settings.js';
import { makeFlaggedCall, makeUser } from '../../../../pipelines/moderation/testing/fixtures.js';
import { useTestDatabase } from '../../../../test/db.js';
import { signedInClient } from '../../api/test-client.js';
import { createApp } from '../../app.js';

const db = useTestDatabase();
const settings = moderationSettings();

/** The rows of a CSV body (every field quoted, as toCsv writes them). */
const rowsOf = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replaceAll('""', '"')));

describe('GET /api/export/*.csv (what a merchant or reviewer opens in a spreadsheet)', () => {
  it('reads like the dashboard in the reader language: headers, labels, the readable summary, local times', async () => {
    const sql = db.sql();
    const app = createApp({ sql, components: [] });
    await upsertPolicy(sql, {
      id: 'zh.fresh.bad-fruit',
      language: 'zh',
      version: 1,
      title: '坏果包赔',
      body: '坏果按比例退款。',
      tags: [],
    });
    const made = await makeFlaggedCall(sql, [{ ruleId: 'zh.contact.invite-frame' }]);
    await sql`update calls set language = 'zh', status = 'ended', started_at = '2026-12-07T06:04:00Z',
      summary = ${sql.json({
        text: '处理：建议方案为按比例部分退款 ¥11.97（依据 zh.fresh.bad-fruit）。待办承诺：商家退款（2026-12-08前）。',
        language: 'zh',
      })} where id = ${made.call.id}`;
    const opened = await openCaseForCall(sql, made.call.id, settings);
    const mod = await makeUser(sql, 'moderator');
    const actor = { kind: 'user' as const, id: mod.id, role: 'moderator' as const, merchantId: null };
    await claimCase(sql, actor, opened!.case.id, settings);
    await decideCase(
      sql,
      actor,
      opened!.case.id,
      {
        flags: made.flags.map((f) => ({
          flagId: f.id,
          outcome: 'upheld' as const,
          reasonCode: 'CONTACT_OFF_PLATFORM' as const,
          reasonText: '引导买家加微信私下交易',
        })),
        penalty: 'ladder',
      },
      settings,
    );
    const staff = await signedInClient(app, sql, (await makeUser(sql, 'merchant_staff', made.merchantId)).id);

    const calls = await staff.call('GET', '/api/export/calls.csv?lang=zh&tz=Asia/Shanghai');
    expect(calls.status).toBe(200);
    // Excel reads a CSV as UTF-8 only with the byte-order mark (a decoder drops it from .text).
    expect([...calls.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(calls.text).toContain('摘要');
    const [head, row] = rowsOf(calls.text);
    expect(head).toEqual([
      '通话编号',
      '商家',
      '买家',
      '买家账号',
      '订单号',
      '通话语言',
      '状态',
      '开始时间（中国标准时间）',
      '结束时间（中国标准时间）',
      '摘要',
    ]);
    const cell = (name: string) => row![head!.indexOf(name)];
    expect(cell('通话编号')).toBe(made.call.id);
    expect(cell('通话语言')).toBe('中文');
    expect(cell('状态')).toBe('已结束');
    expect(cell('开始时间（中国标准时间）')).toBe('2026-12-07 14:04:00');
    // The one reader of a summary (readableSummary): a policy's title and a written day, not codes.
    expect(cell('摘要')).toBe(
      '处理：建议方案为按比例部分退款 ¥11.97（依据坏果包赔）。待办承诺：商家退款（12月8日前）。',
    );

    const flags = rowsOf((await staff.call('GET', '/api/export/flags.csv?lang=zh&tz=Asia/Shanghai')).text);
    const flagCell = (name: string) => flags[1]![flags[0]!.indexOf(name)];
    expect(flagCell('类别')).toBe('索要站外联系方式');
    expect(flagCell('严重度')).toBe('高');
    expect(flagCell('识别方式')).toBe('规则匹配');
    expect(flagCell('综合分')).toBe('95%');
    expect(flagCell('证据原话')).toBe('加我微信 abc8899');
    expect(flagCell('规则')).toBe('商家不得引导买家添加微信、QQ、电话等平台外联系方式（站外引流）。');

    const decisions = rowsOf((await staff.call('GET', '/api/export/decisions.csv?lang=en&tz=UTC')).text);
    expect(decisions[0]).toContain('Decided (Coordinated Universal Time)');
    const decisionCell = (name: string) => decisions[1]![decisions[0]!.indexOf(name)];
    expect(decisionCell('Category')).toBe('Off-platform contact');
    expect(decisionCell('Outcome')).toBe('Violation');
    expect(decisionCell('Current state')).toBe('Upheld');
    expect(decisionCell('Reason')).toBe('Steered to off-platform contact');
    expect(decisionCell('Decided by')).toBe('A moderator');
    // No code of the catalogue's is left in any file, in either language.
    for (const text of [calls.text, ...flags.flat(), ...decisions.flat()])
      expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[A-Z]+_[A-Z_]+\b/);
  });

  it('refuses a time zone it does not know, naming the parameter', async () => {
    const sql = db.sql();
    const app = createApp({ sql, components: [] });
    const made = await makeFlaggedCall(sql, [{}]);
    const staff = await signedInClient(app, sql, (await makeUser(sql, 'merchant_staff', made.merchantId)).id);
    const res = await staff.call('GET', '/api/export/calls.csv?tz=Mars/Olympus');
    expect(res.status).toBe(400);
    expect(res.text).toContain('tz');
  });
});
