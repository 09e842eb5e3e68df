/**
 * Decision 0675: refusals lawful for the deposit or the rule the buyer was shown, a refund
 * obstruction stood by after the buyer objected, a recording of the unboxing made the condition of
 * a return, a refusal said to cover faults, a request refused before it is filed, weight lost by an
 * amount guaranteed, a guarantee declined, the shop called a fraud and the agents called dead. Every
 * sentence is our own, in no evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { c, flagsOnLast, m } from './testing/calls.js';

const detector = new ComplianceDetector();
type Line = [SpeakerRole, string];
const on = async (...lines: Line[]) => (await flagsOnLast(detector, ...lines)).map((f) => f.category);

describe('a refusal lawful for a deposit or a rule the buyer was shown', () => {
  it('keeps a deposit and points to what the page said', async () => {
    expect(await on(c('那个定金能退吗 不想买了'), m('亲 预售定金按规则是不退的 下单的时候页面上也写了'))).toEqual([]);
    expect(await on(c('不想要了 退我吧'), m('这款是按您的尺寸做的哈 详情页标注了定做不退'))).toEqual([]);
  });

  it('says it again after the buyer pushes back', async () => {
    expect(
      await on(
        c('活动交的定金 现在不想要了'),
        m('亲 定金按活动规则不退哦 付款的时候弹窗提示过的'),
        c('我尾款都还没付'),
        m('嗯 定金这个确实退不了'),
      ),
    ).toEqual([]);
  });

  it('still flags a flat refusal with no reason', async () => {
    expect(await on(c('鞋子不合适 想退'), m('我们家特价款不支持退的'))).toContain('refund_obstruction');
  });
});

describe('an obstruction stood by after the buyer objected', () => {
  it('flags the stand when the line before was an obstruction', async () => {
    expect(
      await on(
        c('屏幕坏了 我要退款'),
        m('退可以 要扣百分之三十手续费'),
        c('坏的还要扣钱？'),
        m('流程就是这样的 不满意您去投诉'),
      ),
    ).toContain('refund_obstruction');
    expect(
      await on(
        c('the fan is broken, refund please'),
        m("we don't give cash back, you'll get store credit"),
        c("that can't be legal"),
        m("that's our policy, sorry"),
      ),
    ).toContain('refund_obstruction');
  });

  it('does not flag it after a lawful refusal', async () => {
    expect(
      await on(
        c('刻了字的戒指能退吗'),
        m('亲 刻字属于定制商品 不支持七天无理由哦'),
        c('可是我不喜欢'),
        m('规定就是这样的 亲'),
      ),
    ).toEqual([]);
  });
});

describe('conditions and refusals that obstruct a return', () => {
  it('reads an unboxing recording made the condition of after-sales', async () => {
    expect(await on(c('收到就是坏的'), m('亲 售后必须要有开箱视频 没有的话我们不处理'))).toContain(
      'refund_obstruction',
    );
    expect(
      await on(c('the lamp came smashed'), m('Returns are only accepted with an unboxing video, sorry')),
    ).toContain('refund_obstruction');
    expect(await on(c('收到就是坏的'), m('亲 有开箱视频的话可以发一下 没有的话拍几张照片也行'))).toEqual([]);
  });

  it('reads a refusal said to cover faulty goods', async () => {
    expect(await on(c('能退吗'), m('清仓的东西 坏了也不退的哈'))).toContain('refund_obstruction');
    expect(await on(c('can I return it'), m('Sale items are non-refundable, even if they arrive damaged'))).toContain(
      'refund_obstruction',
    );
  });

  it('reads a request refused before it is filed, unless a lawful reason is given', async () => {
    expect(await on(c('我要申请退货'), m('申请了也没用 我们都会驳回的'))).toContain('refund_obstruction');
    expect(await on(c("I'm putting in a return today"), m("sure, it'll just get rejected on our side"))).toContain(
      'refund_obstruction',
    );
    expect(await on(c('可以退款吗'), m('亲 已经超过七天了 申请的话系统也会驳回的'))).toEqual([]);
  });

  it('reads a refund held months in plain words', async () => {
    expect(await on(c("where's my refund"), m('the refund takes about three months to come through'))).toContain(
      'refund_obstruction',
    );
    expect(await on(c('钱什么时候退'), m('退款要压一个月才给您'))).toContain('refund_obstruction');
  });
});

describe('weight lost by an amount, guaranteed', () => {
  it('is a claim when guaranteed and a hedge when the guarantee is declined', async () => {
    expect(await on(m('喝这个茶 保证一个月瘦八斤'))).toContain('prohibited_claim');
    expect(await on(m("it's guaranteed to shed ten pounds in a month"))).toContain('prohibited_claim');
    expect(await on(m('亲 这个我们不敢保证每个人都能瘦八斤 要配合饮食'))).toEqual([]);
    expect(await on(m("we can't guarantee you'll lose 10 pounds, it depends on your diet"))).toEqual([]);
  });
});

describe('the shop called a fraud, the agents called dead', () => {
  it('reads a plain charge of fraud against the shop as a complaint, a curse on it as contempt', async () => {
    expect(await on(c('你们就是黑店'))).toEqual([]);
    expect(await on(c('你们这种黑店迟早倒闭'))).toContain('abuse');
  });

  it('reads "are you dead" at the agents as abuse, "辣死人" as emphasis', async () => {
    expect(await on(c('两天没人回 你们客服是死人吗'))).toContain('abuse');
    expect(await on(c('这酱辣死人 但是好吃'))).toEqual([]);
  });
});
