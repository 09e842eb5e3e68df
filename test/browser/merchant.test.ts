import { describe, expect, it } from 'vitest';
import { replayDemo } from './calls.js';
import { useDashboard, WIDTHS } from './harness.js';
import { expectCopilotColumns, expectReadable } from './seen.js';

const dash = useDashboard();

describe('merchant pages in Chromium', () => {
  it('a replayed call arrives live: transcript, suggestions, refund options, notes, coaching; marking one used is recorded', async () => {
    const page = await dash.signIn('fruit@demo.kefu');
    expect(new URL(page.url()).pathname).toBe('/live');
    await page.getByText('实时连接').waitFor();
    await page.getByText('等待通话中').waitFor();
    await page.getByRole('heading', { name: '当前没有进行中的通话' }).waitFor();
    await expectReadable(page, 'live idle (zh)');
    await dash.screenshot(page, 'merchant-live-idle');
    const playing = replayDemo(dash, 'zh-fruit-bad-apples', { pace: 0.15 });
    const suggestion = page.getByTestId('suggestion').first();
    await suggestion.waitFor({ timeout: 20_000 });
    await page.getByText('240611587736219').first().waitFor();
    await page.getByText('合规提醒').waitFor({ timeout: 20_000 });
    // The contact flag's evidence is highlighted in the line: the channel and the handle it names.
    await page.locator('mark', { hasText: '微信 guoyuan888' }).waitFor();
    await playing;
    await page.getByText('已结束').waitFor();
    await page.locator('.option.recommended').first().waitFor();
    await expectReadable(page, 'live call (zh)');
    await expectCopilotColumns(page, 'live call (zh)');
    // On a phone the columns dissolve: the coaching and the refund options come before the replies.
    await page.setViewportSize(WIDTHS.phone);
    const top = async (s: string) => (await page.locator(s).first().boundingBox())!.y;
    expect(await top('.live-grid .card.warn')).toBeLessThan(await top('.live-grid .suggestions-card'));
    expect(await top('.live-grid .suggestions-card')).toBeLessThan(await top('.live-grid .notes-card'));
    await page.setViewportSize(WIDTHS.desktop);
    await dash.screenshot(page, 'merchant-live-call');

    // After the call the replies are its record: copy and mark used stay, dismiss goes (decision 0650).
    expect(await page.getByTestId('suggestion').getByRole('button', { name: '忽略' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '采用此方案' }).count()).toBe(0);
    await suggestion.getByRole('button', { name: '标记已用' }).click();
    await suggestion.getByRole('button', { name: '已使用' }).waitFor();
    await expect
      .poll(
        async () => (await dash.sql`select count(*)::int as n from suggestion_feedback where action = 'used'`)[0]!.n,
      )
      .toBe(1);

    // Without a clipboard (a page served over plain http has none), "复制" does not say "已复制":
    // the reply is selected for the merchant to copy by hand, and they are told how (decision 0635).
    await page.evaluate(`Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })`);
    const second = page.getByTestId('suggestion').nth(1);
    await second.getByRole('button', { name: '复制', exact: true }).click();
    await second.getByTestId('copy-failed').getByText('请长按或按 Ctrl+C 复制').waitFor();
    expect(await second.getByRole('button', { name: '已复制' }).count()).toBe(0);
    expect(await page.evaluate('getSelection().toString()')).toBe(
      await second.locator('p[id^="suggestion-"]').textContent(),
    );
    // A record that does not reach the server is said, with what to do, and its mark is taken back.
    await page.route('**/feedback', (route) => route.abort('internetdisconnected'));
    await second.getByRole('button', { name: '标记已用' }).click();
    await page.getByRole('alert').getByText('连不上服务器：请检查网络连接后再试。').waitFor();
    await second.getByRole('button', { name: '标记已用' }).and(page.locator(':enabled')).waitFor();
    await page.unroute('**/feedback');
    await page.context().close();
  });

  it('the call page offers the live page’s actions: all of them during the call, copy and mark used after; failed records are said and undone', async () => {
    const { callId } = await replayDemo(dash, 'zh-fruit-bad-apples');
    // The call as it stands mid-way: still active, its bot alive (decision 0650). No replay timing.
    await dash.sql`update calls set status = 'active', ended_at = null, heartbeat_at = now() where id = ${callId}`;
    const page = await dash.signIn('fruit@demo.kefu', { path: `/calls/${callId}` });
    const option = page.getByTestId('refund-option').first();
    const choose = option.getByRole('button', { name: '采用此方案' });
    await choose.waitFor();
    const suggestion = page.getByTestId('suggestion').first();
    for (const name of ['复制', '标记已用', '忽略'])
      await suggestion.getByRole('button', { name, exact: true }).waitFor();

    // The refund option's record fails: the card says so, with what to do, and the button comes back.
    await page.route('**/feedback', (route) => route.abort('internetdisconnected'));
    await choose.click();
    await option
      .locator('xpath=ancestor::section')
      .getByRole('alert')
      .getByText('连不上服务器：请检查网络连接后再试。')
      .waitFor();
    await expect.poll(() => choose.isEnabled()).toBe(true);
    expect(await option.getByRole('button', { name: '已采用' }).count()).toBe(0);
    // A dismissed reply whose record fails comes back.
    const replies = await page.getByTestId('suggestion').count();
    const text = (await suggestion.locator('p[id^="suggestion-"]').textContent())!;
    await suggestion.getByRole('button', { name: '忽略' }).click();
    await page
      .locator('section[aria-labelledby="sug-title"]')
      .getByRole('alert')
      .getByText('连不上服务器：请检查网络连接后再试。')
      .waitFor();
    expect(await page.getByTestId('suggestion').count()).toBe(replies);
    expect(await page.getByTestId('suggestion').filter({ hasText: text }).count()).toBeGreaterThan(0);
    await page.unroute('**/feedback');
    // With the server reachable, the choice is recorded.
    await choose.click();
    await option.getByRole('button', { name: '已采用' }).waitFor();
    await expect
      .poll(
        async () =>
          (
            await dash.sql`select count(*)::int as n from suggestion_feedback f join suggestions s on s.id = f.suggestion_id
              where s.call_id = ${callId} and s.kind = 'refund_option' and f.action = 'chosen'`
          )[0]!.n,
      )
      .toBe(1);

    // Once the call has ended, its page keeps what a merchant may still do: copy a reply for a
    // follow-up message and say which one they used; not choose a refund option or dismiss a reply.
    await dash.sql`update calls set status = 'ended', ended_at = now() where id = ${callId}`;
    await page.reload();
    await page.getByTestId('suggestion').first().getByRole('button', { name: '标记已用' }).waitFor();
    expect(await page.getByRole('button', { name: '忽略' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '采用此方案' }).count()).toBe(0);
    await expectReadable(page, 'call page, ended (zh)');
    await page.context().close();

    // A moderator reads the same call with no merchant's buttons.
    const mod = await dash.signIn('mod1@demo.kefu', { path: `/calls/${callId}` });
    await mod.getByTestId('suggestion').first().waitFor();
    expect(await mod.getByTestId('suggestion').getByRole('button').count()).toBe(0);
    await mod.context().close();
  });

  it('past calls with summary and the promise ledger; one call in full; the UI switches to English', async () => {
    await replayDemo(dash, 'zh-fruit-bad-apples');
    const page = await dash.signIn('fruit@demo.kefu');
    await page.getByRole('link', { name: '承诺台账' }).first().click();
    await page.locator('li.promise').getByText('明天之前').first().waitFor();
    await page.getByRole('link', { name: '通话与笔记' }).click();
    await page.locator('.call-row').first().waitFor();
    await expectReadable(page, 'calls (zh)');
    await dash.screenshot(page, 'merchant-calls');
    // The export opens in Excel as the page reads: UTF-8 with its byte-order mark, Chinese headers,
    // labels instead of codes, the summary as the page shows it, times in the browser's zone.
    const csv = async () => {
      const href = (await page.locator('a.export').first().getAttribute('href'))!;
      return page.evaluate(async (url) => {
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
        return { bom: [...bytes.slice(0, 3)], text: new TextDecoder().decode(bytes) };
      }, href);
    };
    const zh = await csv();
    expect(zh.bom).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = zh.text.split('\r\n');
    expect(header).toContain('"摘要"');
    expect(header).toMatch(/"开始时间（[^"]+）"/);
    expect(row).toContain('"已结束"');
    expect(row).toContain('坏果包赔');
    expect(zh.text).not.toMatch(/\bzh\.[a-z]+\.[a-z-]+|\d{4}-\d{2}-\d{2}前|"ended"|"zh"/);
    await page.locator('.call-row a').first().click();
    await page.getByRole('heading', { name: '通话记录' }).waitFor();
    await page.locator('.transcript li').first().waitFor();
    await expectReadable(page, 'call detail (zh)');
    await dash.screenshot(page, 'merchant-call-detail');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Transcript' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectReadable(page, 'call detail (en)');
    await page.getByRole('link', { name: 'Calls & notes' }).click();
    await page.locator('.call-row').first().waitFor();
    expect((await csv()).text.split('\r\n')[0]).toContain('"Summary"');
    await page.context().close();
  });

  it('a merchant cannot open another merchant’s call, by page or by API', async () => {
    const other = await replayDemo(dash, 'en-earbuds-left-bud');
    const page = await dash.signIn('fruit@demo.kefu');
    await page.goto(`${dash.url}/calls/${other.callId}`);
    await page.getByRole('alert').getByText('未找到，或无权查看').waitFor();
    expect(await page.content()).not.toContain('7731904452');
    const api = await page.evaluate(async (id) => (await fetch(`/api/calls/${id}`)).status, other.callId);
    expect(api).toBe(404);
    const list = await page.evaluate(
      async () => (await (await fetch('/api/calls?merchantId=m-gadgets')).json()) as { data: { merchantId: string }[] },
    );
    expect(list.data.every((c) => c.merchantId === 'm-guoyuan')).toBe(true);
    // Moderator pages are not in a merchant's shell: the merchant gets the not-found page.
    await page.goto(`${dash.url}/queue`);
    await page.getByRole('heading', { name: '页面不存在' }).waitFor();
    await page.context().close();
  });

  it('on the idle live page, the demo shop starts its demo call again and it arrives live', async () => {
    const page = await dash.signIn('appliance@demo.kefu');
    await page.getByRole('heading', { name: '当前没有进行中的通话' }).waitFor();
    const play = page.getByRole('button', { name: '播放一通演示通话' });
    await play.click();
    // The notice, or the call itself if it arrives first (the idle card, button and all, then goes).
    await page.getByText('演示通话已开始').or(page.locator('.transcript li').first()).first().waitFor();
    // While it plays the shop's demo reads as playing, so the button stays off after a reload too.
    const state = await page.evaluate(async () => (await (await fetch('/api/demo')).json()) as { data: unknown });
    expect(state.data).toEqual({ available: true, playing: true });
    await page.locator('.transcript li').first().waitFor({ timeout: 30_000 });
    await page.getByText('直播中').first().waitFor();
    await expectReadable(page, 'live demo call (zh)');
    const calls = await dash.sql<{ n: number }[]>`select count(*)::int as n from calls where merchant_id = 'm-dianqi'`;
    expect(calls[0]!.n).toBeGreaterThan(0);
    await page.context().close();
  });

  it('the English merchant signs in and sees English by default', async () => {
    const page = await dash.signIn('gadgets@demo.kefu', { locale: 'en-US' });
    await page.getByRole('heading', { name: 'Live call' }).waitFor();
    await page.getByRole('link', { name: 'Flags & appeals' }).waitFor();
    await replayDemo(dash, 'en-earbuds-left-bud');
    await page.getByRole('link', { name: 'Calls & notes' }).click();
    await page.locator('.call-row').first().waitFor();
    await expectReadable(page, 'calls (en)');
    await page.locator('.call-row a').first().click();
    await page.getByRole('heading', { name: 'Transcript' }).waitFor();
    await expectReadable(page, 'call detail (en)');
    await dash.screenshot(page, 'merchant-call-detail-en');
    await page.context().close();
  });
});
