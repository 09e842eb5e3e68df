/**
 * Decision 0470: the platform named as what is avoided (不用走平台, "no need to go through the app")
 * is a payment violation when a private way to pay is open — on the same line, or opened by the
 * speaker in an earlier turn (the carried state, 0430). The lawful "nothing to do on the platform,
 * the refund is automatic" stays clean. The phrasings are our own and appear in no eval set.
 */
import { describe, expect, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { c, flagsByLine, m } from './testing/calls.js';

// The rules alone: the trained layer must not be what makes these pass.
const rules = new ComplianceDetector({ learned: false });
const full = new ComplianceDetector();

describe('the platform avoided with a private way to pay open', () => {
  it('hears it beside a private way to pay on the same line', async () => {
    expect(await flagsByLine(rules, m('运费到时候现金给师傅就好 不用在平台上付了'))).toEqual([
      [0, 'off_platform_payment'],
    ]);
    expect(await flagsByLine(rules, m('亲 不用走平台了 直接转小妹就行'))).toEqual([[0, 'off_platform_payment']]);
    expect(await flagsByLine(rules, m('no need to go through the app, just pay me on cash app'))).toEqual([
      [0, 'off_platform_payment'],
    ]);
  });

  it('hears it after the speaker opened a private channel in an earlier turn', async () => {
    const flags = await flagsByLine(
      rules,
      m('亲 加一下小妹的VX吧 图片那边发得清楚'),
      c('好'),
      m('尾款您到时候直接给小妹 不用走平台'),
    );
    expect(flags).toContainEqual([2, 'off_platform_payment']);
  });

  it('does not carry the channel into the other party’s words or past the window', async () => {
    const theirs = await flagsByLine(rules, c('加你VX吧'), m('不用走平台'));
    expect(theirs.filter(([line]) => line === 1)).toEqual([]);
    const far = await flagsByLine(
      rules,
      m('亲 加一下小妹的VX吧'),
      c('好'),
      m('嗯'),
      c('然后呢'),
      m('好的'),
      c('还有'),
      m('嗯嗯'),
      c('那个'),
      m('不用走平台'),
    );
    expect(far.filter(([line]) => line === 8)).toEqual([]);
  });

  it('leaves alone the platform left out because nothing needs doing there', async () => {
    expect(await flagsByLine(full, m('亲 不用在平台申请 系统会自动退回原账户'))).toEqual([]);
    expect(await flagsByLine(full, m('不用通过平台申请 系统自动退'))).toEqual([]);
    expect(await flagsByLine(full, m('no need to do anything on the platform, the refund is automatic'))).toEqual([]);
    expect(await flagsByLine(full, m('不用走平台的售后 快递员上门取件就行'))).toEqual([]);
  });

  it('gives a private route that invites to a chat app to the contact rule, not to payment', async () => {
    const flags = await flagsByLine(rules, m('您留个电话 同事会联系您'), m('她会加您 后面的事她跟您私下聊'));
    expect(flags.filter(([, cat]) => cat === 'off_platform_payment')).toEqual([]);
  });
});

describe('a number said over two lines', () => {
  it('hears the rest of a number the speaker began on the line before', async () => {
    const en = await flagsByLine(
      rules,
      m('pics are easier on the green chat app, my number is 628 301'),
      m('4477, just message me'),
    );
    expect(en).toContainEqual([1, 'contact_exchange']);
    const zh = await flagsByLine(rules, m('加小妹微信 号码是一五九 二二零'), m('六六八八 备注一下订单'));
    expect(zh).toContainEqual([1, 'contact_exchange']);
  });

  it('leaves alone a sum, an order number or a hotline that follows', async () => {
    const sum = await flagsByLine(rules, m('text me at 628 301 4477'), m('your refund of 1290 goes out today'));
    expect(sum.filter(([line]) => line === 1)).toEqual([]);
    const hotline = await flagsByLine(rules, m('客服热线是400 630'), m('5566 有问题打这个'));
    expect(hotline.filter(([line]) => line === 1)).toEqual([]);
    const other = await flagsByLine(rules, m('my number is 628 301'), c('ok'), m('4477'));
    expect(other.filter(([line]) => line === 2)).toEqual([]);
  });
});
