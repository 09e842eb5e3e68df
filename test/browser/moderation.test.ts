import { describe, it } from 'vitest';
import { useDashboard } from './harness.js';
import { expectReadable } from './seen.js';

const dash = useDashboard();

/** The whole moderation walk (decide → appeal → overturn) is in roles.test.ts; here, signing in. */
describe('sign-in page in Chromium', () => {
  it('a wrong password is refused with a message in the UI’s language, not the server’s English', async () => {
    const page = await dash.signIn('appliance@demo.kefu');
    await page.getByRole('button', { name: '退出' }).click();
    await page.locator('input[name=email]').fill('appliance@demo.kefu');
    await page.locator('input[name=password]').fill('wrong-password');
    await page.locator('form button[type=submit]').click();
    await page.getByRole('alert').getByText('邮箱或密码不正确').waitFor();
    await expectReadable(page, 'sign-in (zh)');
    await dash.screenshot(page, 'sign-in');
    await page.context().close();
  });
});
