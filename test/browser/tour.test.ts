import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileAppeal } from '../../pipelines/moderation/appeals.js';
import { claimCase } from '../../pipelines/moderation/cases.js';
import { decideCase } from '../../pipelines/moderation/decide.js';
import { moderationSettings } from '../../pipelines/moderation/settings.js';
import { updateUser } from '../../pipelines/auth/users.js';
import { replayDemo } from './calls.js';
import { ARTIFACTS, useDashboard, WIDTHS } from './harness.js';
import {
  expectCaseColumns,
  expectCopilotColumns,
  expectFiltersAligned,
  expectNoChinese,
  expectNoEnglish,
  expectNoOverflow,
  expectNoRawCodes,
  expectTapTargets,
  expectWholeDates,
} from './seen.js';

const dash = useDashboard();
const SHOTS = join(ARTIFACTS, 'tour');

/**
 * Issue 15's "every page at both widths is looked at": each demo role visits every page it has,
 * in Chinese and in English, at 390 px and 1280 px. Each page is checked for raw codes and ids,
 * horizontal overflow at 390 px and, in Chinese, English words that are not data (names a shop or
 * a person chose, product names, an English call's own words); each is saved to
 * test-artifacts/tour/<role>-<lang>-<page>-<width>.png for a person to look at.
 */
const ids = { fruitCall: '', earbudsCall: '', kettleCase: '', fruitCase: '', appeal: '' };

beforeAll(async () => {
  const settings = moderationSettings();
  const fruit = await replayDemo(dash, 'zh-fruit-bad-apples');
  await replayDemo(dash, 'zh-appliance-kettle');
  ids.earbudsCall = (await replayDemo(dash, 'en-earbuds-left-bud')).callId;
  ids.fruitCall = fruit.callId;
  const actor = async (email: string) => {
    const [u] = await dash.sql<
      { id: string; role: 'merchant_staff' | 'moderator' | 'admin'; merchantId: string | null }[]
    >`
      select id, role, merchant_id from users where email = ${email}`;
    return { kind: 'user' as const, id: u!.id, role: u!.role, merchantId: u!.merchantId };
  };
  const caseOf = async (callId: string) =>
    (await dash.sql<{ id: string }[]>`select id from moderation_cases where call_id = ${callId}`)[0]!.id;
  ids.fruitCase = await caseOf(fruit.callId);
  ids.kettleCase = (
    await dash.sql<{ id: string }[]>`select id from moderation_cases where merchant_id = 'm-dianqi' limit 1`
  )[0]!.id;
  // One decided and appealed case, so statements, penalties and the appeal pages have content.
  const mod = await actor('mod1@demo.kefu');
  await claimCase(dash.sql, mod, ids.fruitCase, settings);
  const flags = await dash.sql<{ id: string }[]>`select id from flags where case_id = ${ids.fruitCase}`;
  await decideCase(
    dash.sql,
    mod,
    ids.fruitCase,
    {
      flags: flags.map((f) => ({
        flagId: f.id,
        outcome: 'upheld' as const,
        reasonCode: 'CONTACT_OFF_PLATFORM' as const,
        reasonText: '商家引导顾客加微信私下转账。',
      })),
      penalty: 'ladder',
    },
    settings,
  );
  const [decision] = await dash.sql<{ id: string }[]>`select id from decisions where case_id = ${ids.fruitCase}`;
  ids.appeal = (
    await fileAppeal(
      dash.sql,
      await actor('fruit@demo.kefu'),
      { decisionId: decision!.id, statement: '顾客主动要求加微信，我们随后在平台内退款。', attachments: [] },
      settings,
    )
  ).id;
  // A request waiting for a second admin, so the approvals page has one to show.
  const appliance = await actor('appliance@demo.kefu');
  await updateUser(dash.sql, await actor('admin@demo.kefu'), appliance.id, {
    role: 'moderator',
    merchantId: null,
    displayName: '李客服',
    reason: '调入审核组',
  });
  await mkdir(SHOTS, { recursive: true });
}, 240_000);

type Role = 'merchant' | 'moderator' | 'admin';
const REVIEWER_PAGES = (): [string, string][] => [
  ['calls', '/calls'],
  ['call', `/calls/${ids.fruitCall}`],
  // An English call: its panels' words are English in the Chinese UI, and marked so.
  ['call-en', `/calls/${ids.earbudsCall}`],
  ['queue', '/queue'],
  ['case-open', `/cases/${ids.kettleCase}`],
  ['case-decided', `/cases/${ids.fruitCase}`],
  ['appeals', '/appeals'],
  ['appeal', `/appeals/${ids.appeal}`],
  ['merchant', '/merchants/m-guoyuan'],
  ['account', '/account'],
  ['not-found', '/no-such-page'],
];
const PAGES: Record<Role, { email: string; pages: () => [string, string][] }> = {
  merchant: {
    email: 'fruit@demo.kefu',
    pages: () => [
      ['live', '/live'],
      ['calls', '/calls'],
      ['call', `/calls/${ids.fruitCall}`],
      ['promises', '/promises'],
      ['flags', '/flags'],
      // A search that finds nothing: the empty state names the way back.
      ['calls-none', '/calls?q=no-such-buyer'],
      ['standing', '/standing'],
      ['account', '/account'],
      ['not-found', '/no-such-page'],
    ],
  },
  moderator: { email: 'mod1@demo.kefu', pages: REVIEWER_PAGES },
  admin: {
    email: 'admin2@demo.kefu',
    pages: () => [
      ['admin', '/admin'],
      ['users', '/users'],
      ['approvals', '/approvals'],
      ['audit', '/audit'],
      ...REVIEWER_PAGES(),
    ],
  },
};

/** Settled: the page's heading is there and nothing says it is still loading. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  // Polled from here: the app's CSP (no eval) refuses waitForFunction's string form.
  await expect.poll(() => page.locator('[aria-busy=true]').count(), { timeout: 15_000 }).toBe(0);
  await page.waitForTimeout(300);
}

async function tour(role: Role, lang: 'zh' | 'en'): Promise<void> {
  const { email, pages } = PAGES[role];
  const page = await dash.signIn(email, { locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  // Thirty-odd pages in a row on a shared, loaded machine: patience per step, not per page.
  page.context().setDefaultTimeout(30_000);
  // The language a person chose wins over their account's (decision 0160).
  await page.evaluate(`localStorage.setItem('kefu.lang', '${lang}')`);
  // Every page is visited and saved even when one fails; the failures are reported together.
  const failed: string[] = [];
  const check = (p: Promise<void>) =>
    p.catch(
      (e: Error & { actual?: unknown }) => void failed.push(`${e.message.split(':')[0]}: ${JSON.stringify(e.actual)}`),
    );
  const look = async (name: string) => {
    const where = `${role} ${name} (${lang})`;
    await check(expectNoRawCodes(page, where));
    await check(lang === 'zh' ? expectNoEnglish(page, where) : expectNoChinese(page, where));
    await check(expectFiltersAligned(page, where));
    if (name.startsWith('call') && (await page.locator('.live-grid').count()) > 0)
      await check(expectCopilotColumns(page, where));
    if (name.startsWith('case-')) await check(expectCaseColumns(page, where));
    await page.screenshot({ path: join(SHOTS, `${role}-${lang}-${name}-1280.png`), fullPage: true });
    await page.setViewportSize(WIDTHS.phone);
    await page.waitForTimeout(150);
    await check(expectNoOverflow(page, where));
    await check(expectFiltersAligned(page, `${where} at 390 px`));
    await check(expectTapTargets(page, where));
    await check(expectWholeDates(page, where));
    await check(expectNoRawCodes(page, `${where} at 390 px`));
    await page.screenshot({ path: join(SHOTS, `${role}-${lang}-${name}-390.png`), fullPage: true });
    // What a person opens is read too: a statement of reasons, a promise's details, the chart's days.
    const closed = (await page.evaluate(
      `[...document.querySelectorAll('details:not([open])')].map((d) => (d.open = true)).length`,
    )) as number;
    if (closed > 0) {
      await page.waitForTimeout(150);
      await check(expectNoRawCodes(page, `${where} with its details open`));
      await check(
        lang === 'zh' ? expectNoEnglish(page, `${where} details`) : expectNoChinese(page, `${where} details`),
      );
      await check(expectNoOverflow(page, `${where} with its details open`));
    }
  };
  for (const [name, path] of pages()) {
    await page.setViewportSize(WIDTHS.desktop);
    await page.goto(`${dash.url}${path}`);
    await settle(page);
    // A decided case says so once, in its heading (it used to say it again where the form was).
    if (name === 'case-decided' && lang === 'zh') {
      const said = await page.getByText('已决定', { exact: true }).count();
      if (said !== 1) failed.push(`${role} case-decided (zh): "已决定" shown ${said} times`);
    }
    // Nor does it name keys that no longer do anything there.
    if (name === 'case-decided' && (await page.locator('.shortcuts').count()) > 0)
      failed.push(`${role} case-decided (${lang}): the claim and decide keys are named`);
    await look(name);
  }
  // The page before all others, the same for every role: looked at once per language.
  if (role === 'merchant') {
    await page.setViewportSize(WIDTHS.desktop);
    await page.locator('header.top .tools button').last().click();
    await page.locator('input[name=email]').waitFor();
    await look('sign-in');
  }
  await page.context().close();
  expect(failed).toEqual([]);
}

describe('every page of every demo role, both widths, both languages (screenshots in test-artifacts/tour)', () => {
  for (const role of ['merchant', 'moderator', 'admin'] as const)
    for (const lang of ['zh', 'en'] as const) it(`${role}, ${lang}`, () => tour(role, lang), 600_000);
});
