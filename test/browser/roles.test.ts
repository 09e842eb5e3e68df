import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../pipelines/compliance/load-rules.js';
import { replayDemo } from './calls.js';
import { ARTIFACTS, useDashboard, WIDTHS } from './harness.js';
import { expectNoOverflow, expectReadable, expectTapTargets } from './seen.js';

const dash = useDashboard();

/**
 * Each role's whole job, asserting what a person sees: a moderator (Chinese) decides with the
 * preview, the merchant (Chinese) reads and appeals, a second moderator (English) overturns, and
 * the merchant's and moderators' pages then agree; the admin (English) works rules, users and the
 * audit log. Every page is checked for raw codes and, at 390 px, for horizontal overflow.
 */
describe('every role’s job in Chromium, both languages and widths', () => {
  it('decide with a preview → appeal → overturn; merchant and moderator pages agree', async () => {
    const { callId } = await replayDemo(dash, 'zh-fruit-bad-apples');
    const [{ id: caseId }] = await dash.sql<
      [{ id: string }]
    >`select id from moderation_cases where call_id = ${callId}`;

    // A deep link opened before signing in survives the sign-in.
    const mod1 = await dash.signIn('mod1@demo.kefu', { path: `/cases/${caseId}` });
    expect(new URL(mod1.url()).pathname).toBe(`/cases/${caseId}`);
    await mod1.getByTestId('case-flag').first().waitFor();
    await mod1.getByTestId('merchant-context').getByText('鲜果园旗舰店').waitFor();
    await mod1.keyboard.press('c');
    await mod1.getByRole('heading', { name: '处理结果' }).waitFor();
    await expectReadable(mod1, 'case page (zh)');

    // Nothing chosen in advance: submitting asks for outcome, reason and explanation, and sends nothing.
    await mod1.getByRole('button', { name: '提交决定' }).click();
    await mod1.getByText('每个标记都需要结果、理由和说明').waitFor();
    expect((await dash.sql`select count(*)::int as n from decisions where case_id = ${caseId}`)[0]!.n).toBe(0);

    const flags = mod1.getByTestId('decision-flag');
    const n = await flags.count();
    for (let i = 0; i < n; i++) {
      await mod1.locator('body').click({ position: { x: 2, y: 2 } });
      await mod1.keyboard.press('u');
    }
    for (let i = 0; i < n; i++) {
      await flags.nth(i).getByRole('combobox').selectOption({ label: '引导站外联系' });
      await flags.nth(i).getByRole('textbox').fill('商家引导顾客加微信私下转账。');
    }
    const preview = mod1.getByTestId('preview-penalty');
    await preview.first().waitFor();
    const previewed = await preview.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-kind'), Number(e.getAttribute('data-points')), e.getAttribute('data-days')]),
    );
    await dash.screenshot(mod1, 'case-decision-preview');
    await mod1.getByRole('button', { name: '提交决定' }).click();
    await mod1.getByRole('button', { name: '确认提交' }).click();
    await mod1.getByText('已决定').first().waitFor();
    // Said once: the heading's status, not again where the form was.
    expect(await mod1.getByText('已决定', { exact: true }).count()).toBe(1);
    const stored = await dash.sql<{ kind: string; points: number; days: number | null }[]>`
      select kind, points, extract(day from ends_at - starts_at)::int as days from penalties where case_id = ${caseId} order by id`;
    expect(stored.map((p) => [p.kind, p.points, p.days === null ? '' : String(p.days)]).sort()).toEqual(
      previewed.map(([k, p, d]) => [k, p, d ?? '']).sort(),
    );

    const merchant = await dash.signIn('fruit@demo.kefu');
    await merchant.getByRole('link', { name: '违规与申诉' }).click();
    const flag = merchant.getByTestId('merchant-flag').first();
    await flag.getByTestId('decision-state').getByText('违规成立').waitFor();
    await expectReadable(merchant, 'merchant flags (zh)');
    await flag.getByText('处理理由说明').click();
    // The redress line names its day once (it read "2027年6月7日 — 可在2027年6月7日前免费申诉…").
    const redress = (await flag.locator('.statement dd').last().textContent()) ?? '';
    expect(redress).toMatch(/^可在\d{4}年\d{1,2}月\d{1,2}日前免费申诉/);
    expect(redress.match(/\d{4}年\d{1,2}月\d{1,2}日/g)).toHaveLength(1);
    await flag.getByText('对这项决定提出申诉').click();
    await flag.getByLabel('申诉说明').fill('顾客主动要求加微信，我们随后在平台内退款，未私下交易。');
    await flag.getByRole('button', { name: '提交申诉' }).click();
    await flag.getByRole('status').getByText('待处理').waitFor();
    await dash.screenshot(merchant, 'merchant-flags-appeal');
    const [{ id: appealId, decisionId }] = await dash.sql<
      [{ id: string; decisionId: string }]
    >`select id, decision_id from appeals where case_id = ${caseId}`;

    const mod2 = await dash.signIn('mod2@demo.kefu', { locale: 'en-US' });
    await mod2.getByRole('link', { name: 'Appeals' }).first().click();
    await mod2.getByTestId('appeal-row').first().waitFor();
    await expectReadable(mod2, 'appeals (en)');
    await dash.screenshot(mod2, 'appeals');
    await mod2.goto(`${dash.url}/appeals/${appealId}`);
    await mod2.getByRole('button', { name: 'Claim' }).click();
    await mod2.getByRole('button', { name: 'Decide appeal' }).click();
    await mod2.getByText('Choose an outcome and give its reasons.').waitFor();
    await mod2.getByLabel('Fully overturned').check();
    await mod2.getByTestId('appeal-preview').getByText('Will be reversed').waitFor();
    await mod2
      .getByLabel('Reasons for the outcome')
      .fill('The refund went through the platform; nothing was paid off it.');
    await expectReadable(mod2, 'appeal (en)');
    await dash.screenshot(mod2, 'appeal-decision');
    await mod2.getByRole('button', { name: 'Decide appeal' }).click();
    await mod2.getByRole('button', { name: 'Confirm and submit' }).click();
    await mod2.getByRole('status').getByText('Fully overturned').waitFor();

    // One source of truth: the merchant's pages, the moderator's case and the statement agree.
    await merchant.goto(`${dash.url}/standing`);
    const standingRow = merchant.locator(`[data-decision-id="${decisionId}"]`);
    await standingRow.getByTestId('decision-state').waitFor();
    expect(await standingRow.getByTestId('decision-state').getAttribute('data-state')).toBe('overturned');
    const merchantPoints = await merchant.getByTestId('points-in-force').innerText();
    await expectReadable(merchant, 'standing (zh)');
    await dash.screenshot(merchant, 'merchant-standing');
    await merchant.goto(`${dash.url}/flags`);
    // The overturned decision's penalty is reversed; the other upheld flag of the case keeps its own.
    const overturned = merchant
      .getByTestId('merchant-flag')
      .filter({ has: merchant.locator('[data-testid="decision-state"][data-state="overturned"]') });
    await overturned.first().waitFor();
    expect(await overturned.locator('[data-testid="penalty"][data-state="in_force"]').count()).toBe(0);
    expect(await overturned.locator('[data-testid="penalty"][data-state="reversed"]').count()).toBe(1);
    if (n > 1) expect(await merchant.locator('[data-testid="penalty"][data-state="in_force"]').count()).toBe(n - 1);
    await mod1.goto(`${dash.url}/cases/${caseId}`);
    await mod1.locator('[data-testid="decision-state"][data-state="overturned"]').first().waitFor();
    expect(await mod1.getByTestId('merchant-context').getByTestId('points-in-force').innerText()).toBe(merchantPoints);
    const statement = await merchant.evaluate(
      async (id) =>
        ((await (await fetch(`/api/decisions/${id}/statement`)).json()) as { data: { state: string } }).data,
      decisionId,
    );
    expect(statement.state).toBe('overturned');
    for (const p of [mod1, merchant, mod2]) await p.context().close();
  }, 240_000);

  it('admin: every rule from the files, a switch to automatic asks a reason, states the overturn rate and waits for a second admin; users, audit', async () => {
    const admin = await dash.signIn('admin@demo.kefu', { locale: 'en-US' });
    const rows = admin.getByTestId('rule-row');
    await rows.first().waitFor();
    const total = await admin.locator('#rules-title').innerText();
    expect(Number(total.match(/\((\d+)\)/)?.[1])).toBeGreaterThanOrEqual(loadRules().rules.length);
    await expectReadable(admin, 'admin (en)');
    await dash.screenshot(admin, 'admin');
    const rule = loadRules().rules[0]!.id;
    const row = admin.locator(`[data-rule="${rule}"]`);
    await row.getByRole('button', { name: 'Switch to automatic' }).click();
    const sw = row.getByTestId('judgment-switch');
    expect(await sw.getByRole('button', { name: 'Switch to automatic' }).isDisabled()).toBe(true);
    await sw.getByLabel('Reason for the change').fill('Precise rule; audited 200 flags.');
    await sw.getByRole('button', { name: 'Switch to automatic' }).click();
    await sw.getByText('overturned').waitFor();
    await sw.getByRole('button', { name: 'Confirm' }).click();
    // One admin may only ask: the rule stays on human review until a second admin approves.
    await sw.getByRole('status').getByText('another admin approves it').waitFor();
    await row.getByTestId('awaiting-approval').waitFor();
    expect(await row.getByText('Human review').count()).toBeGreaterThan(0);
    await expect
      .poll(
        async () => (await dash.sql`select 1 from approvals where target = ${rule} and status = 'pending'`).length,
        {
          timeout: 10_000,
        },
      )
      .toBe(1);
    expect(await dash.sql`select 1 from rule_policies where rule_id = ${rule} and judgment = 'auto'`).toHaveLength(0);

    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByTestId('user-row').first().waitFor();
    await expectReadable(admin, 'users (en)');
    await dash.screenshot(admin, 'users');
    await admin.getByRole('link', { name: 'Audit log' }).click();
    await admin.getByTestId('audit-row').first().waitFor();
    await admin.getByLabel('Action').selectOption({ label: 'Approval requested' });
    await admin.getByTestId('audit-row').first().getByText('Approval requested').waitFor();
    expect(new URL(admin.url()).searchParams.get('action')).toBe('approval.requested');
    await expectReadable(admin, 'audit (en)');
    await dash.screenshot(admin, 'audit');

    await admin.goto(`${dash.url}/no-such-page`);
    await admin.getByRole('heading', { name: 'Page not found' }).waitFor();
    await dash.screenshot(admin, 'not-found');
    await admin.context().close();
  }, 240_000);

  it('a second admin approves the switch to automatic; the one who asked cannot; own sessions and password', async () => {
    const rule = loadRules().rules[1]!.id;
    const a1 = await dash.signIn('admin@demo.kefu', { locale: 'en-US' });
    const row = a1.locator(`[data-rule="${rule}"]`);
    await row.getByRole('button', { name: 'Switch to automatic' }).click();
    await row.getByLabel('Reason for the change').fill('Two quarters without an overturn.');
    await row.getByRole('button', { name: 'Switch to automatic' }).click();
    await row.getByRole('button', { name: 'Confirm' }).click();
    await row.getByTestId('awaiting-approval').waitFor();
    await a1.getByRole('link', { name: 'Approvals' }).click();
    const own = a1.locator(`[data-testid="approval"][data-target="${rule}"]`);
    await own.getByTestId('approval-own').waitFor();
    expect(await own.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await expectReadable(a1, 'approvals, own request (en)');

    const a2 = await dash.signIn('admin2@demo.kefu');
    await a2.getByRole('link', { name: '待批准' }).click();
    const asked = a2.locator(`[data-testid="approval"][data-target="${rule}"]`);
    await asked.getByText('规则改为自动决定').waitFor();
    await asked.getByText('Two quarters without an overturn.').waitFor();
    await asked.getByText('申请人：Alex Morgan').waitFor();
    await expectReadable(a2, 'approvals (zh)');
    await dash.screenshot(a2, 'approvals');
    await asked.getByRole('button', { name: '批准' }).click();
    await asked.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await dash.sql`select judgment from rule_policies where rule_id = ${rule}`)[0]?.judgment, {
        timeout: 10_000,
      })
      .toBe('auto');
    await a2.getByRole('link', { name: '规则与统计' }).click();
    // Chinese rules come first on a Chinese page: the English rule is found by the language filter.
    await a2.getByLabel('语言').selectOption({ label: '英文' });
    expect(new URL(a2.url()).searchParams.get('language')).toBe('en');
    await a2.locator(`[data-rule="${rule}"]`).getByText('自动决定').first().waitFor();
    await a2.getByRole('link', { name: '审计日志' }).click();
    await a2.getByLabel('操作').selectOption({ label: '批准申请' });
    await a2.getByTestId('audit-row').first().getByText('管理员 陈').waitFor();
    await expectReadable(a2, 'audit, approval (zh)');

    // Own account: where one is signed in, and a password change that ends the other sessions.
    const second = await dash.signIn('admin2@demo.kefu');
    await a2.getByRole('link', { name: '账号与安全' }).click();
    await expect.poll(() => a2.getByTestId('session-row').count()).toBeGreaterThanOrEqual(2);
    await expectReadable(a2, 'account (zh)');
    await dash.screenshot(a2, 'account');
    await a2.getByLabel('当前密码').fill('wrong-password');
    await a2.getByLabel('新密码', { exact: true }).fill('a-new-password-1');
    await a2.getByLabel('再次输入新密码').fill('a-new-password-1');
    await a2.getByRole('button', { name: '修改密码' }).click();
    await a2.getByText('当前密码不正确。').waitFor();
    await a2.getByLabel('当前密码').fill('kefu-demo');
    await a2.getByRole('button', { name: '修改密码' }).click();
    await a2.getByText('密码已修改，其他登录已结束。').waitFor();
    await expect.poll(() => a2.getByTestId('session-row').count()).toBe(1);
    // The other browser's session is gone: its next request is refused and it shows sign-in.
    await second.reload();
    await second.locator('input[name=password]').waitFor();
    for (const p of [a1, a2, second]) await p.context().close();
  }, 240_000);

  it('admin on a phone: the rules are a page of category headings, opened one at a time, by a search or all at once', async () => {
    // The first admin: the test before this one changed the second admin's password.
    const admin = await dash.signIn('admin@demo.kefu', { width: 'phone', path: '/admin' });
    await admin.evaluate(`localStorage.setItem('kefu.lang', 'zh')`);
    await admin.reload();
    await admin.getByRole('heading', { name: '规则与统计' }).waitFor();
    const groups = admin.getByTestId('rule-group');
    await groups.first().waitFor();
    const rows = admin.getByTestId('rule-row');
    const shown = () => rows.filter({ visible: true }).count();
    const total = await rows.count();
    expect(total).toBeGreaterThanOrEqual(loadRules().rules.length);
    // Closed, each heading says what it holds; no rule card is in sight and the page is short.
    expect(await shown()).toBe(0);
    await groups
      .first()
      .locator('summary')
      .getByText(/\d+ 条规则/)
      .waitFor();
    const height = Number(await admin.evaluate('document.documentElement.scrollHeight'));
    expect(height).toBeLessThan(2 * 844);
    await expectNoOverflow(admin, 'rules, closed (zh)');
    await expectTapTargets(admin, 'rules, closed (zh)');
    await dash.screenshot(admin, 'admin-rules-phone-closed');
    // One group opens by its heading, by keyboard too.
    const first = groups.first();
    const inFirst = await first.getByTestId('rule-row').count();
    await first.locator('summary').focus();
    await admin.keyboard.press('Enter');
    await expect.poll(shown).toBe(inFirst);
    await expectNoOverflow(admin, 'rules, one open (zh)');
    // A search opens the groups it finds, and only what matches is listed.
    await admin.getByLabel('搜索').fill('微信');
    await expect.poll(shown).toBeGreaterThan(0);
    expect(await shown()).toBe(await rows.count());
    for (const text of await rows.filter({ visible: true }).locator('strong').allInnerTexts())
      expect(text).toContain('微信');
    await admin.getByLabel('搜索').fill('');
    await admin.getByRole('button', { name: '全部展开' }).click();
    await expect.poll(shown).toBe(total);
    await expectReadable(admin, 'rules, all open (zh)');
    await dash.screenshot(admin, 'admin-rules-phone-open');
    await admin.getByRole('button', { name: '全部收起' }).click();
    await expect.poll(shown).toBe(0);
    await admin.context().close();
  }, 240_000);

  it('queue: filters in the URL, claim next, live refresh; the language is remembered across reloads', async () => {
    await replayDemo(dash, 'zh-appliance-kettle');
    const mod = await dash.signIn('mod1@demo.kefu');
    await mod.getByTestId('queue-row').first().waitFor();
    await expectReadable(mod, 'queue (zh)');
    await dash.screenshot(mod, 'queue');
    await mod.getByLabel('严重度').selectOption({ label: '严重' });
    expect(new URL(mod.url()).searchParams.get('severity')).toBe('critical');
    await mod.reload();
    expect(await mod.getByLabel('严重度').inputValue()).toBe('critical');
    await mod.getByLabel('严重度').selectOption({ label: '全部' });
    // What other moderators do shows up here without a reload (the queue polls).
    await mod.getByTestId('queue-row').first().waitFor();
    await dash.sql`update moderation_cases set status = 'decided', decided_at = now() where status = 'open'`;
    await mod.getByText('队列已清空').waitFor({ timeout: 12_000 });
    await mod.getByRole('button', { name: 'English' }).click();
    await mod.reload();
    await mod.getByRole('heading', { name: 'Case queue' }).waitFor();
    await mod.getByRole('button', { name: 'Claim next' }).click();
    await mod.getByText('No case is waiting to be claimed.').waitFor();
    await mod.context().close();
  }, 240_000);
  it('queue on a phone: the filters fold behind one button that counts them; each card ends in one action row', async () => {
    await replayDemo(dash, 'zh-appliance-kettle');
    const mod = await dash.signIn('mod1@demo.kefu', { width: 'phone', path: '/queue' });
    const rows = mod.getByTestId('queue-row');
    await rows.first().waitFor();
    const toggle = mod.getByTestId('filters-toggle');
    const form = mod.getByRole('form', { name: '筛选' });
    // Folded: one button, no select, and the first case on the first screen.
    expect(await toggle.innerText()).toBe('筛选');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await form.isVisible()).toBe(false);
    expect(await mod.locator('select').filter({ visible: true }).count()).toBe(0);
    const first = (await rows.first().boundingBox())!;
    expect(first.y + first.height).toBeLessThan(844);
    // The SLA says the time left, with its unit, and then the time it is due.
    expect(await rows.first().locator('td').first().innerText()).toMatch(/^还剩 \d+ 小时 \d+ 分 \d{4}年/);
    // "查看" and "认领" share one row: same top, same height.
    const view = (await rows.first().getByRole('link', { name: '查看' }).boundingBox())!;
    const claim = (await rows.first().getByRole('button', { name: '认领' }).boundingBox())!;
    expect(Math.abs(view.y - claim.y)).toBeLessThan(1);
    expect(Math.abs(view.height - claim.height)).toBeLessThan(1);
    await dash.screenshot(mod, 'queue-filters-folded');
    await mod.setViewportSize(WIDTHS.phone);

    // Opened, two filters set: the button counts them, folding keeps them, and so does a reload.
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await form.waitFor();
    await mod.getByLabel('严重度').selectOption({ label: '高' });
    await mod.getByLabel('语言').selectOption({ label: '中文' });
    expect(await toggle.innerText()).toBe('筛选（已选 2 项）');
    await mod.screenshot({ path: join(ARTIFACTS, 'queue-filters-open-phone.png'), fullPage: true });
    await toggle.click();
    expect(await form.isVisible()).toBe(false);
    expect(await toggle.innerText()).toBe('筛选（已选 2 项）');
    await toggle.click();
    expect(await mod.getByLabel('严重度').inputValue()).toBe('high');
    expect(await mod.getByLabel('语言').inputValue()).toBe('zh');
    await mod.reload();
    await toggle.waitFor();
    expect(await toggle.innerText()).toBe('筛选（已选 2 项）');
    expect(await form.isVisible()).toBe(false);
    // One tap clears them all.
    await mod.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => toggle.innerText()).toBe('筛选');
    expect(new URL(mod.url()).search).toBe('');
    await expectReadable(mod, 'queue on a phone (zh)');

    // From 701 px the controls are the page's: no button, every select shown.
    await mod.setViewportSize(WIDTHS.desktop);
    expect(await toggle.isVisible()).toBe(false);
    expect(await form.isVisible()).toBe(true);
    const wide = mod.getByTestId('queue-row').first();
    const v = (await wide.getByRole('link', { name: '查看' }).boundingBox())!;
    const c = (await wide.getByRole('button', { name: '认领' }).boundingBox())!;
    expect(Math.abs(v.y - c.y)).toBeLessThan(1);
    await mod.context().close();
  }, 240_000);
});
