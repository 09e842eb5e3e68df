/**
 * Decision 0555: a line written in traditional characters (Taiwan, Hong Kong) is judged as its
 * simplified twin, and the evidence quotes the characters written. Rules only.
 */
import { describe, expect, it } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { ComplianceDetector } from './detector.js';
import { flagsOnLast, m } from './testing/calls.js';

const rules = new ComplianceDetector({ learned: false });

/** The categories flagged on a merchant's line, sorted. */
async function categories(text: string): Promise<string[]> {
  return [...new Set((await flagsOnLast(rules, m(text))).map((f) => f.category))].sort();
}

describe('a traditional line flags as its simplified twin', () => {
  eachMapsTo('%s → %j', categories, [
    ['麻煩報一下您的身份證號碼', ['privacy_request']],
    ['麻烦报一下您的身份证号码', ['privacy_request']],
    ['您加我微信，我私下轉帳給您', ['contact_exchange', 'off_platform_payment']],
    ['您加我微信，我私下转账给您', ['contact_exchange', 'off_platform_payment']],
    ['您把銀行卡號和驗證碼發給我', ['privacy_request']],
    // look-alikes stay unflagged in either script
    ['您的訂單號是多少', []],
    ['我們會在平台上幫您處理退貨', []],
  ]);
});

describe('evidence on a traditional line', () => {
  it('quotes the traditional characters at their offsets in the line', async () => {
    const text = '您加我微信，我私下轉帳給您';
    const flags = await flagsOnLast(rules, m(text));
    const payment = flags.find((f) => f.category === 'off_platform_payment')!;
    expect(payment.evidence).toBe('私下轉帳');
    expect(text.slice(...payment.span)).toBe('私下轉帳');
  });
});
