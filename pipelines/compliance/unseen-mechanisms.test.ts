/**
 * Decision 0480: blind-K's false flags and privacy/contact/payment misses, each read as a
 * mechanism. Every phrasing here is our own (neither K's nor eval/pcp-probe-m's), so a test
 * passes only when the mechanism holds, not the sentence.
 */
import { describe, expect, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { c, flagsByLine, m } from './testing/calls.js';

// The rules alone: the trained layer must not be what makes these pass.
const rules = new ComplianceDetector({ learned: false });
const pcp = (flags: unknown[][]) =>
  flags.filter(([, cat]) => ['privacy_request', 'contact_exchange', 'off_platform_payment'].includes(cat as string));

describe('false flags: whose act, which place, which words', () => {
  it('reads what the shop never does as conduct, not an invitation', async () => {
    expect(pcp(await flagsByLine(rules, m('客服这边不会让你加私人vx的 有问题就在这里留言')))).toEqual([]);
    expect(pcp(await flagsByLine(rules, m('我们不会叫您扫个人收款码 放心')))).toEqual([]);
  });

  it('reads a datum entered on the platform’s own order form as no hand-over', async () => {
    expect(
      pcp(await flagsByLine(rules, c('要实名吗'), m('需要的亲 乘机人身份证号码 提交订单时在乘机人那里填写就可以'))),
    ).toEqual([]);
    expect(
      pcp(await flagsByLine(rules, m('the hotel needs your passport number, please type it into the booking form'))),
    ).toEqual([]);
    // the speaker filling it in for the buyer is still a hand-over
    expect(await flagsByLine(rules, m('身份证号码发小妹 小妹帮您填到订单里'))).toContainEqual([0, 'privacy_request']);
  });

  it('reads pay-me words as the payment only, not also a datum handed over', async () => {
    const flags = await flagsByLine(rules, m('亲 先付一块钱占位'), m('剩下的尾款扫图里这个码付给我'));
    expect(flags).toContainEqual([1, 'off_platform_payment']);
    expect(flags).not.toContainEqual([1, 'privacy_request']);
  });

  it('reads "it" as a subject as no datum referred to', async () => {
    const flags = await flagsByLine(
      rules,
      m('could you read me the security code on the back of the card?'),
      c('is that safe'),
      m('sure, it is just so we know it is really you'),
    );
    expect(flags.filter(([line]) => line === 2)).toEqual([]);
  });
});

describe('misses: the shapes unseen wording takes', () => {
  it('hears a request whose object was left out after a datum was asked for', async () => {
    const flags = await flagsByLine(
      rules,
      m('亲 核对持卡人 麻烦把银行卡号完整发一下'),
      c('你们后台看不到吗'),
      m('后台是打码的 看不全 您直接念一遍'),
    );
    expect(flags).toContainEqual([2, 'privacy_request']);
    // the same words after an order number asked for are no request for private data
    const order = await flagsByLine(rules, m('亲 订单号发一下'), c('在哪'), m('订单详情里 您直接念一遍'));
    expect(pcp(order)).toEqual([]);
  });

  it('hears the sale taken to another marketplace', async () => {
    expect(await flagsByLine(rules, m('亲 这款 闲鱼 上也挂了 您去那边直接拍 少二十'))).toContainEqual([
      0,
      'off_platform_payment',
    ]);
    expect(await flagsByLine(rules, m('also on fb marketplace, get it there and I take 20 off'))).toContainEqual([
      0,
      'off_platform_payment',
    ]);
    expect(pcp(await flagsByLine(rules, m('咸鱼 今天到货了 满99包邮')))).toEqual([]);
  });

  it('hears any regional wallet used as a verb towards the speaker', async () => {
    expect(await flagsByLine(rules, m('cheaper if you gcash me the 500 now'))).toContainEqual([
      0,
      'off_platform_payment',
    ]);
    expect(await flagsByLine(rules, m('FPS 俾我 就得 唔使手續費'))).toContainEqual([0, 'off_platform_payment']);
    expect(pcp(await flagsByLine(rules, m('you can pick GCash at checkout in the app')))).toEqual([]);
  });

  it('hears Cantonese hand-overs and traditional script, and Cantonese negation', async () => {
    expect(await flagsByLine(rules, m('你 影 張 身份證 正面 俾我 就得'))).toContainEqual([0, 'privacy_request']);
    expect(pcp(await flagsByLine(rules, m('驗證碼 唔好 俾任何人 包括我哋')))).toEqual([]);
  });

  it('hears a request in an ASR line whose words are spaced one by one', async () => {
    expect(await flagsByLine(rules, m('嗯 那 你 把 你的 支付 密码 发 我 一下'))).toContainEqual([0, 'privacy_request']);
    expect(pcp(await flagsByLine(rules, m('嗯 那 你 把 你的 订单 号 发 我 一下')))).toEqual([]);
  });
});
