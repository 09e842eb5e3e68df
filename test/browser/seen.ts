import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What a person must never read: codes and ids in place of words. Each pattern names what it
 * catches; the text checked is what is rendered visibly (innerText), not the markup.
 */
const RAW: [string, RegExp][] = [
  ['snake_case code', /\b[a-z]+(?:_[a-z0-9]+)+\b/],
  ['UPPER_CASE code', /\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/],
  ['rule or policy id', /\b(?:zh|en)\.[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+/],
  ['character span', /\[\d+,\s*\d+\)/],
  ['merchant id', /\bm-(?:guoyuan|dianqi|gadgets)\b/],
  ['buyer account id', /\bb-(?:zhang|liu|chen|jones|garcia)\b|\breplay-buyer\b/],
  ['API path', /\/api\//],
  ['layer verdict', /\b(?:candidate|abstained)\b/],
  ['bare points count', /\bpoints \(\d+\)/],
  ['short entity id', /#[0-9a-f]{8}\b/],
  ['uuid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/],
  ['ISO timestamp', /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/],
  // A deadline or a summary's day as the engines write it ("2026-12-08"): a person reads "12月8日".
  ['ISO date', /\b\d{4}-\d{2}-\d{2}\b/],
  ['bare milliseconds', /\b\d{4,}\s?ms\b/],
  ['amount with a currency code', /\b\d[\d,]*(?:\.\d+)?\s?(?:CNY|USD|EUR|RMB)\b|\b(?:CNY|USD|EUR|RMB)\s?\d/],
];
const ENGLISH_SERVER: RegExp =
  /Email or password|Another moderator|Claim this case|has already been|No such |asked for this change|your own benefit|current password is wrong/;

export async function visibleText(page: Page): Promise<string> {
  return page.evaluate('document.body.innerText') as Promise<string>;
}

/** Fails naming every raw code on the page (with its surroundings), in either language. */
export async function expectNoRawCodes(page: Page, where: string): Promise<void> {
  const text = await visibleText(page);
  const found: string[] = [];
  for (const [what, re] of RAW) {
    const m = new RegExp(re.source, `${re.flags}g`);
    for (const hit of text.matchAll(m))
      found.push(`${what}: "${text.slice(Math.max(0, hit.index! - 20), hit.index! + hit[0].length + 20)}"`);
  }
  if (ENGLISH_SERVER.test(text)) found.push('an English server message');
  expect(found, `${where} shows raw codes`).toEqual([]);
}

/** Fails naming the elements that stick out past the viewport's right edge. */
export async function expectNoOverflow(page: Page, where: string): Promise<void> {
  // Runs in the page (as source text: this file is type-checked without the DOM library).
  const out = (await page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    if (document.documentElement.scrollWidth > width + 1) wide.push('document ' + document.documentElement.scrollWidth + 'px');
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1) {
        const cls = typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : '';
        wide.push(el.tagName.toLowerCase() + cls + ' ends at ' + Math.round(r.right) + 'px');
      }
    }
    return wide.slice(0, 8);
  })()`)) as string[];
  expect(out, `${where} overflows at ${page.viewportSize()?.width} px`).toEqual([]);
}

/**
 * Fails naming a list's filter fields that sit out of line with their neighbours: on one row of the
 * filter card every select, text box and date button starts at the same height (the card dropped
 * its first field's top margin and the search box sat 6 px above the selects beside it).
 */
export async function expectFiltersAligned(page: Page, where: string): Promise<void> {
  const off = (await page.evaluate(`(() => {
    const out = [];
    for (const form of document.querySelectorAll('form.filters')) {
      const tops = [...form.querySelectorAll('input, select, button.date-value')]
        .filter((el) => el.checkVisibility())
        .map((el) => ({ top: el.getBoundingClientRect().top, name: el.name || el.type || el.tagName.toLowerCase() }))
        .sort((a, b) => a.top - b.top);
      // Controls within 20 px of each other are on one row; rows are a label and a field apart.
      for (let i = 1; i < tops.length; i++) {
        const d = tops[i].top - tops[i - 1].top;
        if (d > 0.5 && d < 20) out.push(tops[i - 1].name + ' / ' + tops[i].name + ' ' + Math.round(d) + 'px apart');
      }
    }
    return out.slice(0, 8);
  })()`)) as string[];
  expect(off, `${where} filter fields out of line at ${page.viewportSize()?.width} px`).toEqual([]);
}

/**
 * The copilot's two columns from 900 px (the live and call pages): the transcript and the replies
 * share the wide left column, one under the other, and the side column (coaching, refund options,
 * notes) stands beside them. A short transcript used to leave the left column empty under it.
 */
export async function expectCopilotColumns(page: Page, where: string): Promise<void> {
  const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
  const transcript = await box('.live-grid .transcript-card');
  const replies = await box('.live-grid .suggestions-card');
  const side = await box('.live-grid > .side');
  expect(side.x, `${where}: the side column beside the transcript`).toBeGreaterThanOrEqual(
    transcript.x + transcript.width,
  );
  expect(side.y, `${where}: the side column level with the transcript`).toBeLessThan(transcript.y + 40);
  expect(replies.x, `${where}: the replies under the transcript`).toBe(transcript.x);
  expect(replies.y, `${where}: the replies under the transcript`).toBeGreaterThanOrEqual(
    transcript.y + transcript.height,
  );
}

/**
 * The case page from 900 px: the merchant's record sits under the transcript in the wide column,
 * one gap below it, and the evidence and decision column stands beside both.
 */
export async function expectCaseColumns(page: Page, where: string): Promise<void> {
  const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
  const transcript = await box('.case-grid > .transcript-card');
  const record = await box('.case-grid > .case-context');
  const side = await box('.case-grid > .side');
  expect(side.x, `${where}: the evidence beside the transcript`).toBeGreaterThanOrEqual(
    transcript.x + transcript.width,
  );
  expect(record.x, `${where}: the merchant's record under the transcript`).toBe(transcript.x);
  const gap = record.y - (transcript.y + transcript.height);
  expect(gap, `${where}: one gap between the transcript and the merchant's record`).toBeGreaterThanOrEqual(0);
  expect(gap, `${where}: one gap between the transcript and the merchant's record`).toBeLessThan(24);
}

/**
 * Fails naming a date or moment split over two lines ("2026年12月" at a line's end, "7日" below), or
 * a part of a bracketed aside split inside itself ("（处罚阶梯第" / "2 级）").
 */
export async function expectWholeDates(page: Page, where: string): Promise<void> {
  const split = (await page.evaluate(`(() => {
    const out = [];
    for (const el of document.querySelectorAll('time.when, .aside-part, :lang(zh) .phrase'))
    {
      // One rect per line and per font run ("（" and "第" come from different fonts): a rect wholly
      // below the first is a second line.
      const rects = [...el.getClientRects()];
      if (el.checkVisibility() && rects.some((r) => r.top >= rects[0].bottom - 1)) out.push(el.innerText);
    }
    return out.slice(0, 8);
  })()`)) as string[];
  expect(split, `${where} splits a date over two lines at ${page.viewportSize()?.width} px`).toEqual([]);
}

/**
 * Fails naming controls a thumb cannot hit: a button, field or menu link smaller than 24 x 24 px
 * (WCAG 2.2 target size, minimum), or a list row's own action link. Links inside running text
 * are exempt, as WCAG exempts them.
 */
export async function expectTapTargets(page: Page, where: string): Promise<void> {
  const small = (await page.evaluate(`(() => {
    const out = [];
    for (const el of document.querySelectorAll('button, select, input:not([type=hidden]), textarea, nav a, td.actions a, summary')) {
      if (!el.checkVisibility()) continue;
      const r = el.getBoundingClientRect();
      const box = el.type === 'checkbox' || el.type === 'radio' ? el.closest('label')?.getBoundingClientRect() ?? r : r;
      if (box.width < 24 || box.height < 24)
        out.push(el.tagName.toLowerCase() + ' "' + (el.innerText || el.name || el.type || '').trim().slice(0, 20) + '" ' + Math.round(box.width) + 'x' + Math.round(box.height));
    }
    return out.slice(0, 8);
  })()`)) as string[];
  expect(small, `${where} has controls too small to tap at ${page.viewportSize()?.width} px`).toEqual([]);
}

/** The page as a person meets it at both widths: no raw code, no horizontal overflow on a phone. */
export async function expectReadable(page: Page, where: string): Promise<void> {
  await expectNoRawCodes(page, where);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(50);
  await expectNoOverflow(page, where);
  await expectNoRawCodes(page, `${where} (390 px)`);
  await page.setViewportSize(size);
}

/**
 * English a person meets in the Chinese UI that is not data. Data keeps its own language: text
 * inside an element marked `lang="en"` (an English call's summary) or `translate="no"` (words as
 * said, evidence, a browser's name) is skipped, and so are names a shop, a person or a product was
 * given (DATA_NAMES: the demo's, and QQ, an app rules name), e-mail addresses and the format name CSV. An id
 * ("#db62f376") is not skipped: expectNoRawCodes fails on it.
 */
const DATA_NAMES =
  /Kefu|English|Northwind Gadgets|Sam Lee|Jordan Kim|Alex Morgan|Wireless earbuds|USB-C cable|Power bank|mAh|QQ|CSV/g;

/**
 * The interface's own words: visible text outside elements marked as data in another language
 * (`lang` not the page's) or as words as said (`translate="no"`).
 */
async function interfaceText(page: Page, other: 'en' | 'zh'): Promise<string> {
  return (await page.evaluate(`(() => {
    const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) {
      const el = walk.currentNode.parentElement;
      if (!el || el.closest('script, style') || !el.checkVisibility()) continue;
      const marked = el.closest('[lang]');
      if (marked && marked !== document.documentElement && marked.lang.startsWith('${other}')) continue;
      if (el.closest('[translate=no]')) continue;
      out.push(walk.currentNode.textContent);
    }
    return out.join(' ');
  })()`)) as string;
}

export async function expectNoEnglish(page: Page, where: string): Promise<void> {
  const text = await interfaceText(page, 'en');
  const left = text.replace(/\S+@\S+/g, ' ').replace(DATA_NAMES, ' ');
  const found = [...left.matchAll(/(?<![A-Za-z0-9])[A-Za-z][A-Za-z'’-]+(?:\s+[A-Za-z][A-Za-z'’-]+)*/g)].map(
    (m) => `"${left.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12)}"`,
  );
  // Chinese takes full-width brackets and colons: "规则：命中（80%）", not "规则: 命中 (80%)".
  for (const m of left.matchAll(/[\u4e00-\u9fff]\s*[(:]|\)\s*[\u4e00-\u9fff]/g))
    found.push(`ASCII punctuation in Chinese: "${left.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12)}"`);
  expect(found, `${where} shows English in the Chinese UI`).toEqual([]);
}

/**
 * Chinese a person meets in the English UI that is not data: names a shop, a person or a product
 * was given (the demo's, ZH_DATA_NAMES) are skipped, and so is anything marked `lang="zh"` (a
 * Chinese call's summary, a statement written in Chinese) or `translate="no"` (words as said).
 */
const ZH_DATA_NAMES =
  /鲜果园旗舰店|优品电器专营店|王店长|李客服|审核员 赵|管理员 陈|[\u4e00-\u9fff]\*\*|烟台红富士苹果 5斤装|海南贵妃芒果 3斤|滚筒洗衣机 8公斤|电热水壶 1\.7L/g;
export async function expectNoChinese(page: Page, where: string): Promise<void> {
  const left = (await interfaceText(page, 'zh')).replace(ZH_DATA_NAMES, ' ');
  const found = [...left.matchAll(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g)].map(
    (m) => `"${left.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12)}"`,
  );
  expect(found, `${where} shows Chinese in the English UI`).toEqual([]);
}
