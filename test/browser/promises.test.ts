import { describe, expect, it } from 'vitest';
import { signOrderEvent } from '../../web-dashboard/server/routes/platform/index.js';
import { replayDemo } from './calls.js';
import { useDashboard } from './harness.js';
import { expectReadable } from './seen.js';

const SECRET = 'browser-test-webhook-secret-0123';
const dash = useDashboard({ webhookSecret: SECRET });

describe('the promise ledger in Chromium', () => {
  it("a merchant's promise goes from open to kept when the refund event arrives while the page is open", async () => {
    const { callId } = await replayDemo(dash, 'zh-fruit-bad-apples');
    const [promise] = await dash.sql<
      { id: string; orderId: string; amount: number | null; currency: string | null; saidAt: Date }[]
    >`
      select id, order_id, amount::float8 as amount, currency, said_at from promises
      where call_id = ${callId} and action = 'refund' and status = 'open'`;
    expect(promise?.orderId).toBe('240611587736219');

    const page = await dash.signIn('fruit@demo.kefu');
    // The reminder on the live page counts it (due by the end of tomorrow, or sooner).
    await page.getByRole('link', { name: '承诺台账' }).first().click();
    const item = page.locator(`li.promise[data-promise="${promise!.id}"]`);
    await item.and(page.locator('[data-status="open"]')).waitFor();
    await item.getByText(/还剩|已逾期/).waitFor();
    await expectReadable(page, 'promise ledger, open (zh)');
    await dash.screenshot(page, 'merchant-promises-open');

    const raw = JSON.stringify({
      eventId: `browser-refund-${promise!.id}`,
      orderId: promise!.orderId,
      type: 'refunded',
      // After the words were said (a replay at full speed stamps them up to a minute ahead of the clock).
      at: new Date(Math.max(Date.now(), promise!.saidAt.getTime() + 1000)).toISOString(),
      amount: promise!.amount ?? 11.97,
      currency: promise!.currency ?? 'CNY',
    });
    const res = await fetch(`${dash.url}/api/platform/order-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kefu-signature': signOrderEvent(SECRET, raw) },
      body: raw,
    });
    expect(res.status).toBe(200);
    // No reload: the live stream tells the page, which re-reads the ledger.
    await item.and(page.locator('[data-status="kept"]')).waitFor({ timeout: 15_000 });
    await item.getByText('已兑现').waitFor();
    await item.getByRole('button', { name: '详情' }).click();
    await item.getByText('已退款').first().waitFor();
    await expectReadable(page, 'promise ledger, kept (zh)');
    await dash.screenshot(page, 'merchant-promises-kept');

    await page.getByRole('button', { name: 'English' }).click();
    await item.getByText('Kept').first().waitFor();
    await expectReadable(page, 'promise ledger, kept (en)');
    await page.context().close();
  }, 180_000);
});
