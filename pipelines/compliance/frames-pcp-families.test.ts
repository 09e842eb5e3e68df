/**
 * Decision 0435: the privacy / contact / payment classes cover families of spellings (typos,
 * homophones, pinyin initials, spacing, txt-speak) and an off-platform phrase is not read as the
 * checkout it avoids. Positives per family beside look-alikes in the same register. Every phrasing
 * here is our own and appears in no eval set or probe.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { analyzeLine } from '../language/index.js';
import { ComplianceDetector } from './detector.js';
import { c, flagsByLine, m } from './testing/calls.js';

const detector = new ComplianceDetector();
const flags = (...lines: [SpeakerRole, string][]) => flagsByLine(detector, ...lines);
const one = async (text: string) => (await flags(m(text))).map(([, category]) => category);

describe('a private datum in any spelling', () => {
  it('hears security questions, typed-wrong codes and pinyin initials asked for', async () => {
    expect(await one('亲 您的密保答案说一下 小妹帮您解绑')).toEqual(['privacy_request']);
    expect(await one('收到的效验码发小妹一下哈')).toEqual(['privacy_request']);
    expect(await one('亲 手机上那个yzm报一下')).toEqual(['privacy_request']);
    expect(await one('麻烦身份证后六位说一下 小妹登记')).toEqual(['privacy_request']);
    expect(await one('what are the last 4 of your social? just need it to verify')).toEqual(['privacy_request']);
    expect(await one('could you tell me your memorable word so i can unlock it')).toEqual(['privacy_request']);
  });

  it('leaves alone the buyer told to type the code in themselves', async () => {
    expect(await one('验证码是系统发给您的 您自己输入就行 客服看不到')).toEqual([]);
    expect(await one("that code is for you, enter it yourself on the login page, we can't see it")).toEqual([]);
  });
});

describe('hand-over slang', () => {
  it('hears 甩/丢/复制 to me and "drop your …"', async () => {
    expect(await one('卡号直接复制给小妹就行')).toEqual(['privacy_request']);
    expect(await one('那个验证码甩过来吧 快点')).toEqual(['privacy_request']);
    expect(await one('can u drop your insta? ill send the tutorial there')).toEqual(['contact_exchange']);
  });

  it('leaves alone a photo of the damage or an order number tossed over', async () => {
    expect(await one('破损的地方拍照甩过来 小妹看看')).toEqual([]);
    expect(await one('订单号复制给小妹就行')).toEqual([]);
  });
});

describe('chat channels in any spelling', () => {
  it('hears WeChat spelt 威/薇 + 信/xin with a space, 小红薯, app ids and ping-me slang', async () => {
    expect(await one('方便的话加个薇 xin 小妹发您视频')).toEqual(['contact_exchange']);
    expect(await one('您飞机号多少 小妹拉您')).toEqual(['contact_exchange']);
    expect(await one('小红薯搜店名 私信小妹')).toEqual(['contact_exchange']);
    expect(await one('有问题戳我企鹅哈')).toEqual(['contact_exchange']);
    expect(await one("i'll give you my personal number so we can sort it off here")).toEqual(['contact_exchange']);
  });

  it('leaves alone a shop that refuses, a prestige 威信 and the buyer asking', async () => {
    expect(await one('小妹不加薇 xin 的哦 有问题这里说')).toEqual([]);
    expect(await one('我们店在本地很有威信 放心买')).toEqual([]);
    expect(await flags(c('你们有小红薯吗'), m('亲 有问题在这里找小妹就好'))).toEqual([]);
  });
});

describe('payment routes in any spelling', () => {
  it('hears a wallet in pinyin initials paid to me, v我 + an amount, friends and family, settling between us', async () => {
    expect(await one('差价 zfb 给小妹就行')).toEqual(['off_platform_payment']);
    expect(await one('定金v我200 今天给您排单')).toEqual(['off_platform_payment']);
    expect(await one('just send it as friends & family on paypal so neither of us pays fees')).toEqual([
      'off_platform_payment',
    ]);
    expect(await one("the site eats a chunk of refunds so let's settle it between ourselves")).toEqual([
      'off_platform_payment',
    ]);
    expect(await one('这个价平台做不了 您去闲鱼上拍我们的链接吧')).toEqual(['off_platform_payment']);
  });

  it('reads no checkout or platform place inside the phrase that avoids it, so the trained layer is not blocked', () => {
    const blocking = (text: string) =>
      analyzeLine(text)
        .matches.filter((x) => x.class === 'checkout' || x.class === 'platform_place')
        .map((x) => x.text);
    expect(blocking('老顾客了 下次直接找小妹 不用在平台下单了')).toEqual([]);
    expect(blocking('尾款私下转小妹 比走平台快多了')).toEqual([]);
    expect(blocking('pay me on venmo, no need to pay in the app')).toEqual([]);
    expect(blocking('亲 在平台下单就行 走平台有保障')).toEqual(['在平台', '在平台', '走平台']);
    expect(blocking('you can pay in the app at checkout')).not.toEqual([]);
  });

  it('leaves alone paying at checkout, a warning and the platform refund', async () => {
    expect(await one('亲 在平台上付就可以 支付宝微信都支持')).toEqual([]);
    expect(await one('千万别用friends and family付款 出了问题没保障')).toEqual([]);
    expect(await one("please don't send it as friends and family, pay through checkout")).toEqual([]);
    expect(await one('退款会原路退回您的支付宝 不用担心')).toEqual([]);
  });
});
