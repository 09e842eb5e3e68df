/**
 * Decision 0375: privacy, contact and payment mechanisms blind I's misses showed, one block each,
 * with look-alike negatives (the platform's own refund, warnings, the buyer's own question, delivery
 * talk). Every phrasing here is our own and appears in no eval set.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { c, flagsByLine, m } from './testing/calls.js';

const detector = new ComplianceDetector();
/** [utterance, category] of every flag in the call. */
const flags = (...lines: [SpeakerRole, string][]) => flagsByLine(detector, ...lines);
const one = async (text: string) => (await flags(m(text))).map(([, category]) => category);

describe('the shop paying the buyer itself through a private wallet or chat app', () => {
  it('hears a payout with the private channel named beside it, whatever the verb', async () => {
    expect(await one('这个损失小妹支付宝给您转过去吧')).toEqual(['off_platform_payment']);
    expect(await one('店长说微信给你发个十块的红包 算补偿')).toEqual(['off_platform_payment']);
    expect(await one("we can reimburse you through Zelle tonight if that's easier")).toEqual(['off_platform_payment']);
    expect(await one("i'll send u the money on cash app tonight")).toEqual(['off_platform_payment']);
  });

  it('leaves alone the platform refund to the wallet the buyer paid with, and a shop coupon', async () => {
    expect(await one('退款会原路退回您的支付宝账户 一般两天内')).toEqual([]);
    expect(await one('小妹给您发个店铺红包 下单自动抵扣')).toEqual([]);
    expect(await one("we'll refund you to the original payment method, your PayPal, within 5 days")).toEqual([]);
  });
});

describe("the buyer's card asked for, then paid into by the shop", () => {
  it('hears the card number asked for and the money sent straight to it', async () => {
    expect(await one('您发一下银行卡号 小妹让财务打到您卡上')).toContain('off_platform_payment');
  });

  it('leaves alone a refund to the card through the platform', async () => {
    expect(await one('退款走平台原路返回 到您付款的银行卡')).toEqual([]);
  });
});

describe('carried state: a private payment offered, then sold as quicker than the platform', () => {
  it('hears the speed claim on a later line of the same speaker', async () => {
    expect(await flags(m('差价小妹私下转您吧'), c('平台不能退差价吗'), m('平台要等审核的 微信不用审核'))).toEqual([
      [0, 'off_platform_payment'],
      [2, 'off_platform_payment'],
    ]);
  });

  it('leaves alone the same words with no private offer before, or after the buyer offered', async () => {
    expect(await flags(m('小妹帮您申请平台退差价'), c('要多久'), m('一般不用审核 很快的'))).toEqual([]);
    expect(await flags(c('我私下转你行吗'), m('亲 不可以的'), m('平台付款也是秒到的'))).toEqual([]);
  });
});

describe("the shop's own collection code", () => {
  it('hears a code for paying a person', async () => {
    expect(await one('运费您扫我们店长的收款码补一下就行')).toEqual(['off_platform_payment']);
    expect(await one('这单走个人码吧 给您少三十')).toEqual(['off_platform_payment']);
  });

  it('leaves alone a warning about such codes and a refusal', async () => {
    expect(await one('陌生人发的收款码千万不要扫 都是骗子')).toEqual([]);
    expect(await one('亲 我们没有收款码的 都在平台下单')).toEqual([]);
  });
});

describe('outside the platform, with a gain for the buyer', () => {
  it('hears going outside sold with a discount', async () => {
    expect(await one('您要是走外面的话 便宜三十')).toEqual(['off_platform_payment']);
  });

  it('leaves alone "outside" that is no route', async () => {
    expect(await one('您在外面的话 快递可以放驿站 更便宜点的运费也有')).toEqual([]);
  });
});

describe('the speaker offering their own number', () => {
  it('hears 我发您号 with the channel left unnamed', async () => {
    expect(await one('那个 您加下 呃 小妹等下发您号')).toEqual(['contact_exchange']);
  });

  it('leaves alone a tracking number and delivery talk', async () => {
    expect(await one('快递到了小妹发您单号')).toEqual([]);
    expect(await one('师傅出发了 小妹发您号码 快递员会联系您')).toEqual([]);
  });
});

describe('something to be sent to a phone number given in the line', () => {
  it('hears a send-to with the number', async () => {
    expect(await one('Please send the receipt photo to this number 415 555 0199')).toContain('contact_exchange');
  });

  it('leaves alone a line naming no number, and the hotline', async () => {
    expect(await one('Please send the receipt photo to this number')).toEqual([]);
    expect(await one('You can call our support hotline at 800 555 0100')).toEqual([]);
  });
});

describe('the buyer echoing what was just offered, and the offer restated', () => {
  it('hears a confirmation or the channel named again after the echo', async () => {
    expect(await flags(m('加一下小妹的企鹅 私聊'), c('企鹅？'), m('就是qq呀'))).toEqual([
      [0, 'contact_exchange'],
      [2, 'contact_exchange'],
    ]);
    expect(
      await flags(m('you can add me on telegram, same name as the shop'), c('telegram?'), m('yeah the blue app')),
    ).toEqual([
      [0, 'contact_exchange'],
      [2, 'contact_exchange'],
    ]);
  });

  it('leaves alone a yes to a question that is no echo', async () => {
    expect(await flags(m('加一下小妹的企鹅 私聊'), c('在平台上说不行吗？'), m('是的亲 平台上也可以'))).toEqual([
      [0, 'contact_exchange'],
    ]);
    expect(await flags(m('您好 这款有现货'), c('现货？'), m('对的亲'))).toEqual([]);
  });
});

describe('a handover said with 也行', () => {
  it('hears the bare handover after the code was named', async () => {
    expect(await flags(m('系统发您的校验码 报给小妹'), c('我自己填不行吗'), m('都可以的 发我也行'))).toEqual([
      [0, 'privacy_request'],
      [2, 'privacy_request'],
    ]);
  });

  it('leaves it alone when nothing private was named', async () => {
    expect(await flags(m('照片拍好了吗'), c('拍好了'), m('发我也行 传平台也行'))).toEqual([]);
  });
});

describe('a statement of need in the future or progressive', () => {
  it('hears "gonna need" and "will require" with the datum', async () => {
    expect(await one("We're gonna need the CVV on your card to finish this")).toEqual(['privacy_request']);
    expect(await one('We will require your online banking PIN for the refund')).toEqual(['privacy_request']);
  });

  it('leaves alone the same need for an order or tracking number', async () => {
    expect(await one("I'm gonna need the order number to look it up")).toEqual([]);
    expect(await one('We will require the tracking number from the courier')).toEqual([]);
  });
});
