import { describe, expect, it } from 'vitest';
import { replayDemo } from './calls.js';
import { useDashboard } from './harness.js';

const dash = useDashboard();

/**
 * One case through every role's pages: a moderator decides it, the merchant reads the statement
 * of reasons and appeals, the deciding moderator may not review the appeal, a second moderator
 * overturns it, the merchant sees the outcome, and the admin sees rules and the chart.
 */
describe('moderation pages in Chromium', () => {
  it('queue → claim → decide → statement → appeal → another moderator overturns → outcome; admin page', async () => {
    const { callId } = await replayDemo(dash, 'zh-fruit-bad-apples');
    const [{ id: caseId }] = await dash.sql<
      [{ id: string }]
    >`select id from moderation_cases where call_id = ${callId}`;

    const mod1 = await dash.signIn('mod1@demo.kefu');
    expect(new URL(mod1.url()).pathname).toBe('/queue');
    await mod1.getByTestId('queue-row').first().waitFor();
    await mod1.getByLabel('严重度').selectOption('high');
    await mod1.getByLabel('语言').selectOption('zh');
    await mod1.getByTestId('queue-row').first().waitFor();
    await dash.screenshot(mod1, 'moderator-queue');
    await mod1.getByTestId('queue-row').first().getByRole('button', { name: '认领' }).click();
    await mod1.waitForURL(`**/cases/${caseId}`);
    await mod1.locator('.transcript mark', { hasText: '加我微信' }).waitFor();
    await mod1.getByText('本通话未存储音频').first().waitFor();
    await mod1.getByRole('heading', { name: '处理结果' }).waitFor();
    await dash.screenshot(mod1, 'moderator-case');
    await mod1.getByLabel('说明').first().fill('商家在通话中引导顾客加微信私下转账。');
    await mod1.getByRole('button', { name: '提交决定' }).click();
    await mod1.getByText('已决定').waitFor();

    const merchant = await dash.signIn('fruit@demo.kefu');
    await merchant.getByRole('link', { name: '违规与申诉' }).click();
    const flag = merchant.getByTestId('merchant-flag').filter({ hasText: '维持' }).first();
    await flag.getByText('处理理由说明').click();
    await flag.getByText('人工审核').waitFor();
    await flag.getByLabel('申诉说明').fill('顾客主动要求加微信，我们随后在平台内退款，未私下交易。');
    await flag.getByLabel('附件内容（可选）').fill('平台退款单号 RF-20261123-001');
    await flag.getByRole('button', { name: '提交申诉' }).click();
    await flag.getByRole('status').getByText('待处理').waitFor();
    await dash.screenshot(merchant, 'merchant-flags-appeal');
    const [{ id: appealId }] = await dash.sql<[{ id: string }]>`select id from appeals where case_id = ${caseId}`;

    await mod1.goto(`${dash.url}/appeals/${appealId}`);
    await mod1.getByText('这是您做出的决定').first().waitFor();
    expect(await mod1.getByRole('button', { name: '认领' }).count()).toBe(0);

    const mod2 = await dash.signIn('mod2@demo.kefu', { locale: 'en-US' });
    await mod2.getByRole('link', { name: 'Appeals' }).click();
    await mod2.getByTestId('appeal-row').first().getByRole('link', { name: 'Open' }).click();
    await mod2.getByText('RF-20261123-001').waitFor();
    await mod2.getByRole('button', { name: 'Claim' }).click();
    await mod2.getByLabel('overturned', { exact: true }).check();
    await mod2
      .getByLabel('Reasons for the outcome')
      .fill('The refund went through the platform; no off-platform payment took place.');
    await dash.screenshot(mod2, 'moderator-appeal');
    await mod2.getByRole('button', { name: 'Decide appeal' }).click();
    await mod2.getByRole('status').getByText('overturned').waitFor();
    const [penalty] = await dash.sql<
      { reversedAt: Date | null }[]
    >`select reversed_at from penalties where case_id = ${caseId}`;
    expect(penalty?.reversedAt).toBeInstanceOf(Date);

    await merchant.reload();
    const decided = merchant.getByTestId('merchant-flag').filter({ hasText: '完全撤销' }).first();
    await decided.getByRole('status').getByText('已裁决').waitFor();

    const admin = await dash.signIn('admin@demo.kefu', { locale: 'en-US' });
    expect(new URL(admin.url()).pathname).toBe('/admin');
    await admin.getByTestId('rule-row').filter({ hasText: 'zh.contact.wechat' }).waitFor();
    await admin.locator('figure.chart svg polyline').first().waitFor({ state: 'attached' });
    await dash.screenshot(admin, 'admin');
    for (const p of [mod1, merchant, mod2, admin]) await p.context().close();
  });

  it('sign-in page, and a wrong password is refused with a message', async () => {
    const page = await dash.signIn('appliance@demo.kefu');
    await page.getByRole('button', { name: '退出' }).click();
    await page.locator('input[name=email]').fill('appliance@demo.kefu');
    await page.locator('input[name=password]').fill('wrong-password');
    await page.locator('form button[type=submit]').click();
    await page.getByRole('alert').waitFor();
    await dash.screenshot(page, 'sign-in');
    await page.context().close();
  });
});
