/**
 * Decision 0915: the quiet forms of refund obstruction left after 0865, read as mechanisms over the
 * language layer's classes. Every phrasing here is our own (neither lookalike-x's nor
 * eval/obstructx-probe-19's), so a test passes only when the mechanism holds, not the sentence.
 */
import { describe, expect, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { categoriesOnLast } from './testing/calls.js';

// The rules alone: the trained layer must not be what makes these pass.
const rules = new ComplianceDetector({ learned: false });
const on = (written: string) => categoriesOnLast(rules, written);

describe('a paper from a third party demanded before the refund', () => {
  it('flags a lab or repair-shop report made the condition of the return', async () => {
    expect(await on('c: 耳机一边没声音 要退 / m: 这种得先去维修点开个检测报告 有报告我们才给退')).toContain(
      'refund_obstruction',
    );
    expect(
      await on(
        "c: the heel snapped off, I'd like a refund / m: before we can approve the refund we'll need a written report from a licensed repair shop",
      ),
    ).toContain('refund_obstruction');
  });

  it('leaves photos asked for, and a report for a warranty claim with no refund in it', async () => {
    expect(await on('c: 耳机一边没声音 要退 / m: 亲 麻烦拍个视频给小妹看下 这边给您登记退货')).toEqual([]);
    expect(
      await on(
        "c: the mixer died after two years / m: that's outside our return window, the maker's warranty may cover it with a repair shop's note",
      ),
    ).toEqual([]);
  });
});

describe('a sanction on the account for returning', () => {
  it('flags the account marked or future orders refused over the return', async () => {
    expect(await on('c: 不想要了 我要退 / m: 您退的话账号会被平台标记 以后领不了券')).toContain('refund_obstruction');
    expect(await on('c: 我还是要退 / m: 退可以 退完以后我们家不会再接您的单')).toContain('refund_obstruction');
    expect(
      await on(
        "c: I'm sending the chair back / m: fine, but if you return it your account will be flagged on our side",
      ),
    ).toContain('refund_obstruction');
  });

  it('leaves the reassurance that the account is safe', async () => {
    expect(await on('c: 退货会影响我账号吗 / m: 不会的 您的账号不会被标记 放心退')).toEqual([]);
    expect(await on('c: will returning this hurt my account? / m: not at all, go ahead with the return')).toEqual([]);
  });
});

describe('a fee on the return of goods the buyer said were faulty', () => {
  it('flags the fee after the fault, or said to hold for faulty goods too', async () => {
    expect(
      await on('c: the toaster stopped working on day two / m: you can return it, there is a 15% restocking fee'),
    ).toContain('refund_obstruction');
    expect(await on('m: returns carry a restocking fee, and that applies to damaged items as well')).toContain(
      'refund_obstruction',
    );
  });

  it('leaves a fee that spares faults, and no fee', async () => {
    expect(
      await on('c: the toaster stopped working on day two / m: no restocking fee on faulty items, I will send a label'),
    ).toEqual([]);
  });
});

describe('store credit in place of a faulty item’s refund', () => {
  it('flags credit given instead of the refund after a fault', async () => {
    expect(
      await on('c: the vase came shattered / m: for breakages we give store credit instead of a refund'),
    ).toContain('refund_obstruction');
    expect(await on('c: 杯子裂了 要退款 / m: 裂了的话给您退成购物金 退款不行哦')).toContain('refund_obstruction');
  });

  it('leaves credit offered as a choice beside the refund, or chosen by the buyer', async () => {
    expect(
      await on(
        'c: the vase came shattered / m: I can refund you in full, or give store credit plus 10% if you would like',
      ),
    ).toEqual([]);
    expect(await on('c: 杯子裂了 直接给我购物金吧 我还要买 / m: 好的 给您转成购物金了')).toEqual([]);
  });
});

describe('the case locked while a complaint stands, after the ask to withdraw it', () => {
  it('flags the lock after the speaker asked for the complaint to go', async () => {
    expect(
      await on('c: 我投诉了 钱呢 / m: 您把投诉撤一下 撤了就给您退 / c: 不撤 / m: 投诉没撤的话 退款是冻结的'),
    ).toContain('refund_obstruction');
  });

  it('leaves a lock said with no obstruction before it', async () => {
    expect(await on('c: 为什么退款还没到 / m: 平台处理纠纷期间 这笔钱是平台冻结的 判完自动退给您')).toEqual([]);
  });
});

describe('the refund made the price of a review changed, in English', () => {
  it('flags the review change asked first, the refund after', async () => {
    expect(
      await on('c: I posted a one star / m: we just need that review edited first, then your refund goes out today'),
    ).toEqual(['refund_obstruction', 'review_manipulation']);
  });

  it('leaves a refund already made and the review left to the buyer', async () => {
    expect(
      await on(
        "c: I posted a one star / m: your refund is done already, and if you'd like the review updated later that's completely up to you",
      ),
    ).toEqual([]);
  });
});
