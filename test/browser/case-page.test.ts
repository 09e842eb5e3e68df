import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { replayDemo } from './calls.js';
import { useDashboard } from './harness.js';
import { expectNoOverflow, expectNoRawCodes, expectWholeDates } from './seen.js';

const dash = useDashboard();

const box = async (l: Locator) => (await l.boundingBox())!;

/** A layer's verdict never stands beside a bare percentage, which reads as the verdict's confidence. */
async function expectNamedScores(page: Page, named: { semantic: string; rule: string }) {
  const lines = await page.getByTestId('verdict').allInnerTexts();
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).not.toMatch(/[（(]\d+%[）)]/);
  const semantic = await page.locator('[data-testid="verdict"][data-layer="semantic"]').allInnerTexts();
  const rule = await page.locator('[data-testid="verdict"][data-layer="rule"]').allInnerTexts();
  expect(semantic.length).toBeGreaterThan(0);
  for (const line of semantic) expect(line).toContain(named.semantic);
  for (const line of rule) expect(line).toContain(named.rule);
}

describe('the case page in Chromium (decision 0600)', () => {
  it('a phone shows the evidence and the decision before the transcript; scores say what they measure; legends and asides stay whole', async () => {
    const { callId } = await replayDemo(dash, 'zh-fruit-bad-apples');
    const [{ id: caseId }] = await dash.sql<
      [{ id: string }]
    >`select id from moderation_cases where call_id = ${callId}`;
    const page = await dash.signIn('mod1@demo.kefu', { width: 'phone', path: `/cases/${caseId}` });
    const flag = page.getByTestId('case-flag').first();
    await flag.waitFor();

    // The due time in the status label is one piece.
    await expect(page.locator('.badge time.when').count()).resolves.toBe(1);
    await expectNamedScores(page, { semantic: '与违规例句的相似度', rule: '违规可能性' });
    expect((await page.locator('[data-layer="semantic"]').allInnerTexts()).join()).toMatch(/更像(违规例句|正常说法)/);

    await page.getByRole('button', { name: '认领', exact: true }).click();
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
    await page.context().close();

    // The same scores in English, named the same way.
    const en = await dash.signIn('mod2@demo.kefu', { locale: 'en-US', path: `/cases/${caseId}` });
    await en.getByTestId('case-flag').first().waitFor();
    await expectNamedScores(en, { semantic: 'similarity to example violations', rule: 'likelihood of a violation' });
    await en.context().close();
  }, 240_000);
});
