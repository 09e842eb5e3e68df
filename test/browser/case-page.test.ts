import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { applyOrderEvent } from '../../pipelines/promises/lifecycle.js';
import { closeDuePromise } from '../../pipelines/promises/deadline.js';
import { moderationSettings } from '../../pipelines/moderation/settings.js';
import { replayDemo } from './calls.js';
import { ARTIFACTS, useDashboard } from './harness.js';
import { expectNoOverflow, expectNoRawCodes, expectWholeDates } from './seen.js';

const dash = useDashboard();

const box = async (l: Locator) => (await l.boundingBox())!;

/** A layer's verdict never stands beside a bare percentage, which reads as the verdict's confidence. */
async function expectNamedScores(page: Page, named: { semantic: string; rule: string; judge: string }) {
  const lines = await page.getByTestId('verdict').allInnerTexts();
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).not.toMatch(/[（(]\d+%[）)]/);
  const semantic = await page.locator('[data-testid="verdict"][data-layer="semantic"]').allInnerTexts();
  const rule = await page.locator('[data-testid="verdict"][data-layer="rule"]').allInnerTexts();
  expect(semantic.length).toBeGreaterThan(0);
  for (const line of semantic) expect(line).toContain(named.semantic);
  for (const line of rule) expect(line).toContain(named.rule);
  // A verdict is named by who judged ("规则匹配：命中"), not "规则：" again under the flag's "规则：" line.
  expect(rule.length).toBeGreaterThan(0);
  for (const line of rule) expect(line.startsWith(named.judge)).toBe(true);
}

/**
 * A flag's own number is its rule's set score moved by each layer (decision 0635): named so, with
 * what it is, and never "置信度", which reads as measured. Its name and number stay one piece.
 */
async function expectNamedFlagScores(page: Page, named: { name: string; is: string; not: string }) {
  const flags = await page.getByTestId('case-flag').count();
  const scores = await page.getByTestId('flag-score').allInnerTexts();
  expect(scores).toHaveLength(flags);
  // Each card names its score; what the score is is said once for the page (decision 0650).
  for (const s of scores) expect(s).toMatch(new RegExp(`^${named.name} \\d+%$`));
  const notes = await page.getByTestId('score-note').allInnerTexts();
  expect(notes).toHaveLength(1);
  expect(notes[0]).toContain(named.is);
  expect(await page.locator(`[data-testid="flag-score"][aria-describedby="score-note"]`).count()).toBe(flags);
  expect(await page.locator('main').textContent()).not.toContain(named.not);
}

describe('the case page in Chromium (decisions 0600, 0635)', () => {
  it('a phone shows the evidence and the decision before the transcript; scores say what they measure; legends and asides stay whole', async () => {
    const { callId } = await replayDemo(dash, 'zh-fruit-bad-apples');
    const [{ id: caseId }] = await dash.sql<
      [{ id: string }]
    >`select id from moderation_cases where call_id = ${callId}`;
    const page = await dash.signIn('mod1@demo.kefu', { width: 'phone', path: `/cases/${caseId}` });
    const flag = page.getByTestId('case-flag').first();
    await flag.waitFor();

    // The link to the call says what it does, not the bare noun "通话".
    await page.getByRole('link', { name: '查看通话' }).waitFor();
    // The due time in the status label is one piece.
    await expect(page.locator('.badge time.when').count()).resolves.toBe(1);
    // A hand-written rule's number is named as the rule's own (decision 0635), not a measured likelihood.
    await expectNamedScores(page, { semantic: '与违规例句的相似度', rule: '规则设定的分数', judge: '规则匹配：' });
    await expectNamedFlagScores(page, { name: '综合分', is: '不是测得的概率', not: '置信度' });
    expect((await page.locator('[data-layer="semantic"]').allInnerTexts()).join()).toMatch(/更像(违规例句|正常说法)/);

    // Where the decision will be, the hint to claim first carries the claim (not only the heading's, far above on a phone).
    const hint = page.getByTestId('claim-to-decide');
    expect(await hint.textContent()).toContain('先认领再决定。');
    await hint.getByRole('button', { name: '认领', exact: true }).click();
    await hint.waitFor({ state: 'detached' });
    const flags = page.getByTestId('decision-flag');
    await flags.first().waitFor();
    for (let i = 0; i < (await flags.count()); i++) {
      await flags.nth(i).getByRole('radio', { name: '违规成立' }).check();
      await flags.nth(i).getByRole('combobox').selectOption({ label: '引导站外联系' });
      await flags.nth(i).getByRole('textbox').fill('商家引导顾客加微信私下转账。');
    }
    await page.getByTestId('preview-penalty').first().waitFor();

    // At 390 px: every flag's evidence and the decision form come before the transcript.
    const transcript = await box(page.locator('.transcript-card'));
    const form = await box(page.locator('form.decision-form'));
    const evidence = await Promise.all((await page.getByTestId('case-flag').all()).map(box));
    for (const e of evidence) expect(e.y + e.height).toBeLessThanOrEqual(transcript.y);
    expect(form.y + form.height).toBeLessThanOrEqual(transcript.y);

    // A legend drawn as a heading inside its fieldset: the top border runs above it, not through it.
    // The first flag's legend ("1. 索要站外联系方式 — “加我微信guoyuan888”") wraps at 390 px.
    const legends = await page.locator('form.decision-form fieldset > legend').all();
    let wrapped = 0;
    for (const legend of legends) {
      const [l, f] = [await box(legend), await box(legend.locator('xpath=..'))];
      expect(l.y).toBeGreaterThan(f.y);
      if (l.height > 30) wrapped++;
    }
    expect(wrapped).toBeGreaterThan(0);

    // The preview's "（处罚阶梯第 2 级；此前生效处罚 0 项）" breaks only between its parts.
    await expect(page.locator('.aside-part').count()).resolves.toBeGreaterThan(0);
    await expectWholeDates(page, 'case, preview, 390 px');
    await expectNoOverflow(page, 'case, preview, 390 px');
    await expectNoRawCodes(page, 'case, preview');
    await dash.screenshot(page, 'case-page-preview');

    // At 1280 px the transcript keeps the wide left column, the evidence and decision beside it.
    await page.setViewportSize({ width: 1280, height: 900 });
    const [wide, side] = [await box(page.locator('.transcript-card')), await box(page.locator('.case-grid > .side'))];
    expect(wide.x + wide.width).toBeLessThan(side.x);
    expect(wide.width).toBeGreaterThan(side.width);
    expect(Math.abs(wide.y - side.y)).toBeLessThan(2);
    // The keys named are the ones this page answers to: not the queue's j/k and Enter.
    const keys = (await page.locator('.shortcuts').textContent()) ?? '';
    expect(keys).toContain('c 认领');
    expect(keys).not.toMatch(/j\/k|回车/);
    await page.context().close();

    // The same scores in English, named the same way.
    const en = await dash.signIn('mod2@demo.kefu', { locale: 'en-US', path: `/cases/${caseId}` });
    await en.getByTestId('case-flag').first().waitFor();
    await expectNamedScores(en, {
      semantic: 'similarity to example violations',
      rule: 'score set in the rule',
      judge: 'Rule match: ',
    });
    await expectNamedFlagScores(en, { name: 'Combined score', is: 'not a measured probability', not: 'onfidence' });
    await en.context().close();
  }, 240_000);

  it('a broken promise shows the order events it was checked against, each day one piece', async () => {
    const { callId } = await replayDemo(dash, 'zh-fruit-bad-apples');
    const [promise] = await dash.sql<{ id: string; orderId: string; dueAt: Date }[]>`
      select id, order_id, due_at from promises where call_id = ${callId} and action = 'refund'`;
    await applyOrderEvent(
      dash.sql,
      {
        eventId: `case-page-shipped-${promise!.id}`,
        orderId: promise!.orderId,
        type: 'shipped',
        at: new Date().toISOString(),
      },
      'import',
    );
    const deps = { sql: dash.sql, settings: moderationSettings(), publish: () => {}, log: () => {} };
    const late = new Date(promise!.dueAt.getTime() + 3_600_000);
    expect(await closeDuePromise({ ...deps, now: () => late }, promise!.id)).toBe(true);
    const [{ caseId }] = await dash.sql<[{ caseId: string }]>`
      select case_id from flags where promise_id = ${promise!.id}`;
    const page = await dash.signIn('mod1@demo.kefu', { width: 'phone', path: `/cases/${caseId}` });
    const evidence = page.locator('.promise-evidence');
    await evidence.waitFor();
    // The due time and the order event are each a <time>, not text in a joined string.
    await expect(evidence.locator('time.when').count()).resolves.toBeGreaterThanOrEqual(2);
    expect(await evidence.textContent()).toMatch(/已发货/);
    await expectWholeDates(page, 'case, broken promise, 390 px');
    await expectNoRawCodes(page, 'case, broken promise');
    await page.context().close();
  }, 240_000);

  it("on a phone a call's transcript starts folded, so the notes and replies are not pushed below it", async () => {
    const { callId } = await replayDemo(dash, 'zh-fruit-bad-apples');
    const page = await dash.signIn('fruit@demo.kefu', { width: 'phone', path: `/calls/${callId}` });
    const lines = page.locator('.transcript .line');
    await lines.first().waitFor();
    const all = await lines.count();
    expect(all).toBeGreaterThan(4);
    const visible = async () =>
      (await Promise.all((await lines.all()).map((l) => l.isVisible()))).filter(Boolean).length;
    const toggle = page.locator('button.transcript-toggle');
    // Folded: its first three lines, a button that says how many there are, and the panels close below.
    expect(await visible()).toBe(3);
    expect(await toggle.textContent()).toBe(`展开全部 ${all} 句`);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const card = await box(page.locator('.transcript-card'));
    expect(card.height).toBeLessThan(450);
    const notes = await box(page.getByRole('heading', { name: '笔记' }));
    expect(notes.y).toBeLessThan(card.y + card.height + 300);
    await expectNoOverflow(page, 'call, folded, 390 px');
    await dash.screenshot(page, 'call-transcript-folded');
    await page.setViewportSize({ width: 390, height: 844 });
    await toggle.click();
    expect(await visible()).toBe(all);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.textContent()).toBe('收起通话记录');
    // Shown whole, the transcript is part of the page (one scroll), not a box inside it.
    const whole = page.locator('.transcript');
    expect(await whole.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    await toggle.click();
    expect(await visible()).toBe(3);
    // From 900 px the transcript has its own column and is always whole; there is nothing to fold.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await visible()).toBe(all);
    expect(await toggle.isVisible()).toBe(false);

    // The live page folds to the latest lines of the call, which is what is being answered.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${dash.url}/live`);
    await page.locator('.idle').waitFor();
    const { callId: liveId } = await replayDemo(dash, 'zh-fruit-bad-apples');
    await page.locator(`.live-grid[data-call-id="${liveId}"] .transcript-toggle`).waitFor();
    await page.getByRole('link', { name: '查看通话' }).waitFor();
    const shown = await page
      .locator('.transcript .line')
      .evaluateAll((ls) =>
        ls
          .filter((l) => (l as unknown as { offsetParent: unknown }).offsetParent !== null)
          .map((l) => l.getAttribute('data-index')),
      );
    const indexes = await page
      .locator('.transcript .line')
      .evaluateAll((ls) => ls.map((l) => l.getAttribute('data-index')));
    expect(shown).toEqual(indexes.slice(-3));
    await expectNoOverflow(page, 'live, folded, 390 px');
    await page.screenshot({ path: join(ARTIFACTS, 'live-transcript-folded-phone.png'), fullPage: true });
    await page.context().close();
  }, 240_000);
});
