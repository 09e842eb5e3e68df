/**
 * Decision 0610: the non-PCP categories' misses on blind O as mechanisms — a claim by the shape of
 * what it says (a certainty beside what a product resists, a rank over a region, a condition said
 * to go, medicine said to be stopped), a refund obstructed by its conditions (a fee on the return,
 * store credit as the only refund, a long wait, a faulty item's return postage on the buyer, the
 * refund held for a review), a reward said on the line after a rating was asked for, and a threat
 * by where the buyer lives said after a complaint. Each with the lawful look-alike beside it. Every
 * sentence is our own, in no evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { c, flagsOnLast, m } from './testing/calls.js';

const detector = new ComplianceDetector();
type Line = [SpeakerRole, string];
const on = async (...lines: Line[]) => (await flagsOnLast(detector, ...lines)).map((f) => f.category);

describe('claims by their shape', () => {
  it('flags a certainty beside what the product resists, not beside its make-up or the parcel', async () => {
    expect(await on(m('这款锅百分百不粘 用十年都不会掉漆'))).toContain('prohibited_claim');
    expect(await on(m('保证这个杯子摔不碎的'))).toContain('prohibited_claim');
    expect(await on(m('the case is guaranteed shockproof, drop it all you like'))).toContain('prohibited_claim');
    expect(await on(m('面料百分百纯棉 很透气的'))).not.toContain('prohibited_claim');
    expect(await on(m('我们保证包装严实 路上不会碎的'))).not.toContain('prohibited_claim');
    expect(await on(m("we guarantee it won't break in the post, it's double boxed"))).not.toContain('prohibited_claim');
  });

  it('flags a rank over a region or a market', async () => {
    expect(await on(m('亲 这款吹风机的风力是全国第一的'))).toContain('prohibited_claim');
    expect(await on(m("it's the number one rated kettle in the UK"))).toContain('prohibited_claim');
    expect(await on(m('亲 全国包邮的哦 今天下单明天发'))).not.toContain('prohibited_claim');
  });

  it('flags a condition said to go, also across a clause break in speech', async () => {
    expect(await on(m('嗯 我们这个贴 贴上两周 那个 肩周炎 就好了'))).toContain('prohibited_claim');
    expect(await on(m("it'll clear her psoriasis up in a month"))).toContain('prohibited_claim');
    expect(await on(m('这个能不能治鼻炎我们不敢说 有病还是要看医生'))).not.toContain('prohibited_claim');
  });

  it('flags medicine said to be stopped thanks to the product, not advice naming the doctor', async () => {
    expect(await on(m('好多阿姨喝了半年 降糖药都停了'))).toContain('prohibited_claim');
    expect(await on(m('plenty of our buyers came off their painkillers after a few weeks'))).toContain(
      'prohibited_claim',
    );
    expect(await on(m('您在吃药的话 能不能停要听医生的哦'))).not.toContain('prohibited_claim');
    expect(await on(m('孕期请停用本品'))).not.toContain('prohibited_claim');
  });
});

describe('refunds obstructed by their conditions', () => {
  it('flags a fee on the return, also on the line after the return was named', async () => {
    expect(await on(c('想退'), m('退可以 要扣百分之十五的手续费'))).toContain('refund_obstruction');
    expect(await on(m('可以给您退'), m('不过要收四十块检测费哈'))).toContain('refund_obstruction');
    expect(await on(c('I want to send it back'), m('no problem, there is a 20% restocking fee'))).toContain(
      'refund_obstruction',
    );
  });

  it('flags store credit as the only refund, not store credit as one choice or for what credit paid', async () => {
    expect(await on(c('我要退款'), m('退款只能给您退到店铺余额哦'))).toContain('refund_obstruction');
    expect(await on(c('I want my money back'), m('we only do store credit, sorry'))).toContain('refund_obstruction');
    expect(await on(c('我要退款'), m('可以原路退回 也可以退成店铺余额再送您五元 您选'))).not.toContain(
      'refund_obstruction',
    );
    expect(await on(c('怎么退的'), m('优惠券的部分只能退回优惠券 现金部分原路退回'))).not.toContain(
      'refund_obstruction',
    );
  });

  it('flags a refund held for weeks, not a refund in days', async () => {
    expect(await on(m('退款要二十天后才能到账哦'))).toContain('refund_obstruction');
    expect(await on(m('退款三到五个工作日原路退回'))).not.toContain('refund_obstruction');
  });

  it("puts a faulty item's return postage on the shop, a change of mind's on the buyer", async () => {
    expect(await on(c('屏幕有坏点 我要退'), m('可以退 来回运费您自己出哈'))).toContain('refund_obstruction');
    expect(await on(c('不想要了 能退吗'), m('可以退 来回运费您自己出哈'))).not.toContain('refund_obstruction');
  });

  it('flags the refund held until a review comes down', async () => {
    expect(await on(m('the refund goes through once that bad review is taken down'))).toContain('refund_obstruction');
  });

  it("leaves a non-refundable booking the buyer agreed to; a shop's own rule is no lawful reason", async () => {
    expect(await on(c('能退吗'), m('亲 这个是不可取消的票 下单页面有提示 所以不能退的'))).not.toContain(
      'refund_obstruction',
    );
    expect(await on(c('为什么要扣钱'), m('这是本店规定 退款只能退成购物金'))).toContain('refund_obstruction');
  });
});

describe('a reward said after a rating was asked for', () => {
  it('flags the reward on the next line, not a remedy after a plain request for a review', async () => {
    expect(await on(m('亲 方便的话给个五星好评哈'), m('好评截图发小妹 返您六块'))).toContain('review_manipulation');
    expect(await on(m('would you mind bumping it to five stars?'), m("I'll send you a $15 voucher"))).toContain(
      'review_manipulation',
    );
    expect(await on(m('亲 有空给个评价哈'), m('坏的那个给您补发一个新的'))).not.toContain('review_manipulation');
  });

  it('reads the reward again, after it was offered with the ask, as the same offer (earlier.unlessLine)', async () => {
    const offer = m('亲 给个五星好评 截图发小妹 返您五块');
    expect(await on(offer)).toContain('review_manipulation');
    expect(await on(offer, c('好的 怎么给我'), m('五块钱在订单里给您补'))).not.toContain('review_manipulation');
  });
});

describe('threats by where the buyer lives', () => {
  it('flags where the buyer lives named after their complaint, not the address confirmed for a delivery', async () => {
    expect(await on(c('我要去12315投诉你们'), m('投诉呗 你不是住 那个 锦绣花园 八栋吗'))).toContain('abuse');
    expect(await on(c("I'm filing a dispute"), m("sure. you're on Willow Road, the white house, right"))).toContain(
      'abuse',
    );
    expect(await on(c('我要投诉 发错货了'), m('抱歉亲 马上补发 收货地址还是锦绣花园八栋对吧'))).not.toContain('abuse');
    expect(await on(c('什么时候到'), m('师傅下午到 您家是锦绣花园八栋对吧'))).not.toContain('abuse');
  });

  it('reads "the one on … Street" as where the buyer lives', async () => {
    expect(await on(m("you're the guy on Elm Street with the boat, yeah? remember that"))).toContain('abuse');
    expect(await on(m("you're the one on Elm Street, right? the driver comes at three"))).not.toContain('abuse');
  });

  it('reads a veiled warning that presses for the chargeback to go as obstructing the refund', async () => {
    const flags = await on(
      c('I opened a dispute with my bank'),
      m("I know you're out on Harbor Road, quiet street. wouldn't want people talking"),
      c('are you threatening me'),
      m('just saying, withdraw the dispute and we can forget it'),
    );
    expect(flags).toContain('refund_obstruction');
    expect(flags).not.toContain('abuse');
  });

  it('reads a threat reported with where it was said (他在电话里说…) as reported', async () => {
    expect(await on(m('亲 在的'), c('快递员在电话里说我知道你住哪 我好怕'))).not.toContain('abuse');
  });

  it('flags a veiled warning on a later line', async () => {
    expect(
      await on(c('我要投诉你们'), m('你家不就在 锦绣花园 八栋吗'), c('你想干嘛'), m('没啥 就是提醒你一下')),
    ).toContain('abuse');
  });
});

describe('contempt stood by, and the shop called a fraud', () => {
  it('flags rude words stood by after the other party objected', async () => {
    expect(await on(c('你这什么态度'), m('我就这态度 不服去投诉'))).toContain('abuse');
    expect(await on(c('亲 在吗'), m('我就这么说吧 这款是最后一批了'))).not.toContain('abuse');
  });

  it('reads a buyer calling the shop a fraud as a complaint, the person a fraud as abuse', async () => {
    expect(await on(m('亲 在的'), c('东西坏成这样 你们家就是骗子'))).not.toContain('abuse');
    expect(await on(m('hi there'), c('this store is a scam, total rip off'))).not.toContain('abuse');
    expect(await on(m('亲 在的'), c('你就是个骗子'))).toContain('abuse');
  });
});
