import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../core/events.js';
import { DEMO_CALLS } from '../../pipelines/demo/calls.js';
import { CallSession } from '../../pipelines/session/call-session.js';
import { useDashboard } from './harness.js';
import { expectReadable } from './seen.js';

const dash = useDashboard();
const demo = DEMO_CALLS.find((c) => c.name === 'zh-fruit-bad-apples')!;
const ORDER = demo.orderIds[0]!;

describe('provisional replies on the merchant’s live panel (decision 0495)', () => {
  it('shows a reply sent on the interim words apart, settles it when confirmed, removes it when withdrawn', async () => {
    const page = await dash.signIn('fruit@demo.kefu');
    await page.getByText('实时连接').waitFor();
    const events: CallEvent[] = [];
    const session = await CallSession.start(
      {
        sql: dash.sql,
        analyzers: dash.analyzers,
        emit: (event) => {
          events.push(event);
          dash.bus.publish({ merchantId: demo.merchantId, event });
        },
      },
      {
        room: `test-provisional-${Math.random().toString(36).slice(2)}`,
        merchantId: demo.merchantId,
        buyerId: demo.buyerId,
        buyerName: demo.buyerName,
        orderIds: demo.orderIds,
        timeZone: demo.timeZone,
      },
    );
    const line = (text: string, startMs: number) => ({
      speaker: 'customer' as const,
      text,
      startMs,
      endMs: startMs + 3000,
    });
    const final = (text: string, startMs: number) => ({ ...line(text, startMs), engine: 'test', confidence: null });
    const provisional = page.locator('[data-testid=suggestion][data-state=provisional]');

    // The interim has not heard how many apples spoiled: its replies are withdrawn by the final.
    await session.provisional(line(`你好，我的订单 ${ORDER} 收到的苹果烂了`, 0));
    const sent = events.flatMap((e) => (e.type === 'suggestions.provisional' ? e.suggestions : []));
    expect(sent.length).toBeGreaterThan(0);
    await provisional.first().waitFor();
    await provisional.first().getByText('初步建议').waitFor();
    // Nothing is noted from an interim: the notes say what will be, not four dashes.
    await page.getByTestId('notes-empty').getByText('通话中说到的订单号、金额、商品和承诺会记在这里。').waitFor();
    await expectReadable(page, 'live call, provisional reply (zh)');
    await dash.screenshot(page, 'merchant-live-provisional');
    await page.getByRole('button', { name: 'English' }).click();
    await provisional.first().getByText('Early suggestion').waitFor();
    await expectReadable(page, 'live call, provisional reply (en)');
    await dash.screenshot(page, 'merchant-live-provisional-en');
    await page.getByRole('button', { name: '中文' }).click();

    await session.addUtterance(final(`你好，我的订单 ${ORDER} 收到的苹果烂了三个，一共十个`, 100));
    await expect.poll(() => page.getByTestId('notes-empty').count()).toBe(0);
    const withdrawn = events.find((e) => e.type === 'suggestions.withdrawn');
    if (withdrawn?.type !== 'suggestions.withdrawn') throw new Error('no reply was withdrawn');
    expect(withdrawn.reason).toBe('final_differs');
    await expect.poll(() => provisional.count()).toBe(0);
    const replacing = events.flatMap((e) => (e.type === 'suggestions.created' ? e.suggestions : []));
    const gone = sent.filter(
      (s) => withdrawn.suggestionIds.includes(s.id) && !replacing.some((r) => r.text === s.text),
    );
    for (const s of gone) await expect.poll(() => page.getByText(s.text, { exact: true }).count()).toBe(0);
    await page.getByText(replacing[0]!.text, { exact: true }).first().waitFor();

    // An interim that reads as its final: the reply stays where it is, no longer marked.
    const asked = '那坏的苹果需要寄回去吗？';
    await session.provisional(line(asked, 5000));
    const early = events.filter((e) => e.type === 'suggestions.provisional').at(-1)!;
    if (early.type !== 'suggestions.provisional') throw new Error('unreachable');
    expect(early.suggestions.length).toBeGreaterThan(0);
    const settled = page.locator(`[data-testid=suggestion]`, { hasText: early.suggestions[0]!.text });
    await expect.poll(() => settled.getAttribute('data-state')).toBe('provisional');
    await session.addUtterance(final(asked, 5100));
    expect(
      events.at(-1)?.type === 'suggestions.confirmed' || events.some((e) => e.type === 'suggestions.confirmed'),
    ).toBe(true);
    await expect.poll(() => settled.getAttribute('data-state')).toBe('confirmed');
    await expect.poll(() => provisional.count()).toBe(0);
    await expectReadable(page, 'live call, reply confirmed (zh)');
    await dash.screenshot(page, 'merchant-live-confirmed');
    await session.end();
    await page.context().close();
  });
});
