import { describe, expect, it } from 'vitest';
import { useDashboard, WIDTHS } from './harness.js';
import { expectReadable } from './seen.js';

const dash = useDashboard();

const auditAfter = async (action: string, email: string) =>
  (
    await dash.sql<{ after: Record<string, unknown> | null }[]>`
      select a.after from audit_events a join users u on u.id::text = a.entity_id
      where a.action = ${action} and u.email = ${email} order by a.id desc limit 1`
  )[0]?.after;

/**
 * The users page (issue 16): an admin lifts a lockout, issues a temporary password and changes a
 * role, each with a reason kept in the audit log and a confirmation that says what will happen;
 * a reviewer role waits for a second admin, who sees the reason. Chinese at 390 px, English at 1280 px.
 */
describe('users page in Chromium', () => {
  it('unlock, reset and move a merchant user on a phone, in Chinese, with reasons and confirmations', async () => {
    // A lockout as ten wrong passwords leave it (the throttle itself is tested in security/sign-in.test.ts).
    await dash.sql`
      insert into sign_in_throttle (key, failures, last_failure_at, blocked_until, locked)
      values ('account:gadgets@demo.kefu', 10, now(), now() + interval '15 minutes', true)`;
    const admin = await dash.signIn('admin2@demo.kefu', { width: 'phone', path: '/users' });
    const gadgets = admin.locator('[data-testid="user-row"][data-email="gadgets@demo.kefu"]');
    await gadgets.getByText('已锁定').waitFor();
    // Nobody acts on their own account here.
    const self = admin.locator('[data-testid="user-row"][data-email="admin2@demo.kefu"]');
    await self.getByText('不能修改自己的角色').waitFor();
    expect(await self.getByRole('button').count()).toBe(0);
    // Full-width brackets take no space before them (decision 0650).
    expect(await self.locator('td').first().textContent()).toBe('管理员 陈（我）');
    await expectReadable(admin, 'users (zh)');
    await dash.screenshot(admin, 'users-locked');

    await gadgets.getByRole('button', { name: '解除锁定' }).click();
    const panel = admin.getByTestId('user-action');
    await panel.getByText('解除 Sam Lee 的登录锁定？').waitFor();
    expect(await panel.getByRole('button', { name: '确定' }).isDisabled()).toBe(true);
    await panel.getByLabel('理由（记入审计日志）').fill('工单 4711：本人来电确认忘记密码');
    await panel.getByRole('button', { name: '确定' }).click();
    await admin.getByTestId('user-done').getByText('已解除锁定。').waitFor();
    await gadgets.getByText('正常').waitFor();
    expect(await dash.sql`select 1 from sign_in_throttle where key = 'account:gadgets@demo.kefu'`).toHaveLength(0);
    expect(await auditAfter('user.unlocked', 'gadgets@demo.kefu')).toMatchObject({
      reason: '工单 4711：本人来电确认忘记密码',
    });
    await admin.getByRole('button', { name: '关闭' }).click();

    await gadgets.getByRole('button', { name: '重置密码' }).click();
    await admin.getByTestId('user-action').getByLabel('理由（记入审计日志）').fill('工单 4712：重置密码');
    await admin.getByTestId('user-action').getByRole('button', { name: '确定' }).click();
    const temporary = (await admin.getByTestId('temporary-password').textContent()) ?? '';
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await expectReadable(admin, 'users, temporary password (zh)');
    await dash.screenshot(admin, 'users-reset');
    // The temporary password signs in; the old one no longer does.
    const login = (password: string) =>
      fetch(`${dash.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: dash.url },
        body: JSON.stringify({ email: 'gadgets@demo.kefu', password }),
      });
    expect((await login('kefu-demo')).status).toBe(401);
    expect((await login(temporary)).status).toBe(200);
    await admin.getByRole('button', { name: '关闭' }).click();

    // A merchant user moves to another shop: no second admin needed, but a reason and a confirmation.
    const appliance = admin.locator('[data-testid="user-row"][data-email="appliance@demo.kefu"]');
    await appliance.getByRole('button', { name: '修改角色' }).click();
    const move = admin.getByTestId('user-action');
    await move.locator('select[name=merchantId]').selectOption({ label: '鲜果园旗舰店' });
    await move.getByLabel('理由（记入审计日志）').fill('调岗到鲜果园');
    await move.getByRole('button', { name: '下一步' }).click();
    await move.getByTestId('user-confirm').getByText('把 李客服 从“优品电器专营店”调到“鲜果园旗舰店”？').waitFor();
    await move.getByTestId('user-confirm').getByText('此账号的所有登录会立即结束').waitFor();
    await expectReadable(admin, 'users, role confirmation (zh)');
    await dash.screenshot(admin, 'users-role-confirm');
    await move.getByRole('button', { name: '确定' }).click();
    await admin.getByTestId('user-done').getByText('角色已修改').waitFor();
    expect((await dash.sql`select merchant_id from users where email = 'appliance@demo.kefu'`)[0]!.merchantId).toBe(
      'm-guoyuan',
    );
    expect(await auditAfter('user.updated', 'appliance@demo.kefu')).toMatchObject({ reason: '调岗到鲜果园' });
    await admin.context().close();
  }, 240_000);

  it('a reviewer role waits for a second admin, who sees the reason and approves it (English, 1280 px)', async () => {
    const asker = await dash.signIn('admin@demo.kefu', { locale: 'en-US', path: '/users' });
    const fruit = asker.locator('[data-testid="user-row"][data-email="fruit@demo.kefu"]');
    await fruit.getByRole('button', { name: 'Change role' }).click();
    const panel = asker.getByTestId('user-action');
    await panel.locator('select[name=role]').selectOption({ label: 'Moderator' });
    expect(await panel.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await panel.getByLabel('Reason (kept in the audit log)').fill('Joins the review team, ticket 88');
    await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByText('needs a second admin').waitFor();
    await expectReadable(asker, 'users, reviewer grant confirmation (en)');
    await panel.getByRole('button', { name: 'Confirm' }).click();
    await asker.getByTestId('user-done').getByText('another admin approves it').waitFor();
    await fruit.getByText('Awaiting approval').waitFor();
    expect((await dash.sql`select role from users where email = 'fruit@demo.kefu'`)[0]!.role).toBe('merchant_staff');

    const approver = await dash.signIn('admin2@demo.kefu', { locale: 'en-US', path: '/approvals' });
    await approver.getByRole('button', { name: 'English' }).click();
    const request = approver.locator('[data-testid="approval"][data-kind="user.role"]');
    await request.getByText('Joins the review team, ticket 88').waitFor();
    await expectReadable(approver, 'approvals, role grant (en)');
    await dash.screenshot(approver, 'approvals-role');
    await request.getByRole('button', { name: 'Approve' }).click();
    await request.waitFor({ state: 'detached' });
    expect((await dash.sql`select role from users where email = 'fruit@demo.kefu'`)[0]!.role).toBe('moderator');
    for (const p of [asker, approver]) await p.context().close();
  }, 240_000);
  it('on a phone the users and calls lists keep their search box and fold only their selects (decision 0740)', async () => {
    const admin = await dash.signIn('admin2@demo.kefu', { width: 'phone', path: '/users' });
    await admin.getByTestId('user-row').first().waitFor();
    const search = admin.getByRole('searchbox', { name: '搜索' });
    const toggle = admin.getByTestId('filters-toggle');
    const visibleSelects = () => admin.locator('select').filter({ visible: true }).count();
    // Folded: the search is there to type in, the selects are behind one button under it.
    expect(await search.isVisible()).toBe(true);
    expect(await toggle.textContent()).toBe('筛选');
    expect(await visibleSelects()).toBe(0);
    expect((await search.boundingBox())!.y).toBeLessThan((await toggle.boundingBox())!.y);
    await search.fill('gadgets');
    await expect.poll(() => admin.getByTestId('user-row').count()).toBe(1);
    // Unfolded, a select set: the count says so; the search is not a folded filter, so it is not counted.
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await visibleSelects()).toBe(3);
    await admin.getByLabel('状态').selectOption('active');
    await expect.poll(() => toggle.textContent()).toBe('筛选（已选 1 项）');
    await toggle.click();
    expect(await visibleSelects()).toBe(0);
    expect(await search.inputValue()).toBe('gadgets');
    // A reload keeps both (they live in the URL), folded.
    await admin.reload();
    await admin.getByTestId('user-row').first().waitFor();
    expect(await toggle.textContent()).toBe('筛选（已选 1 项）');
    expect(await search.inputValue()).toBe('gadgets');
    await admin.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => toggle.textContent()).toBe('筛选');
    expect(new URL(admin.url()).searchParams.get('q')).toBe('gadgets');
    await expectReadable(admin, 'users filters on a phone (zh)');
    // From 701 px every control is the page's, in one row, and no button.
    await admin.setViewportSize(WIDTHS.desktop);
    expect(await toggle.isVisible()).toBe(false);
    expect(await visibleSelects()).toBe(3);

    // The calls list folds the same way under its search.
    await admin.setViewportSize(WIDTHS.phone);
    await admin.goto(`${dash.url}/calls`);
    await admin.getByRole('heading', { name: '通话与笔记' }).waitFor();
    expect(await admin.getByRole('searchbox', { name: '搜索' }).isVisible()).toBe(true);
    expect(await toggle.textContent()).toBe('筛选');
    expect(await visibleSelects()).toBe(0);
    await toggle.click();
    expect(await admin.getByLabel('状态').isVisible()).toBe(true);
    await dash.screenshot(admin, 'calls-filters-open');
    await admin.context().close();
  }, 240_000);
});
