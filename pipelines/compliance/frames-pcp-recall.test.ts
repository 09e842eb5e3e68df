/**
 * Decision 0335: privacy, contact and payment mechanisms the development sets' misses showed, one
 * block each, with look-alike negatives (the buyer volunteering, the platform's own channel,
 * warnings, advice, quotations). Every phrasing here is our own and appears in no eval set.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { c, flagsByLine, m } from './testing/calls.js';

const detector = new ComplianceDetector();
/** [utterance, category] of every flag in the call. */
const flags = (...lines: [SpeakerRole, string][]) => flagsByLine(detector, ...lines);
const one = async (text: string) => (await flags(m(text))).map(([, category]) => category);

describe('a request with its object left out, the datum named on a line before', () => {
  it('hears the handover verb alone after the code was named', async () => {
    expect(await flags(m('亲 系统刚给您发了个六位验证码'), m('收到了直接报给小妹就行 马上帮您处理'))).toEqual([
      [1, 'privacy_request'],
    ]);
    expect(
      await flags(m('We just texted a verification code to your phone.'), c('ok'), m('Great, read it out to me')),
    ).toEqual([[2, 'privacy_request']]);
  });

  it('leaves it alone after a warning, or when the object is a screenshot or an order number', async () => {
    expect(await flags(m('验证码是您自己登录用的 千万不要告诉任何人'), m('有问题发给小妹就行'))).toEqual([]);
    expect(await flags(m('您手机上会收到一个验证码'), m('订单号发给小妹一下 帮您查'))).toEqual([]);
    expect(await flags(c('我收到验证码了 要给你吗'), m('不用给我 您自己在页面上输入就行'))).toEqual([]);
  });
});

describe('yes to the buyer asking whether the datum is to be handed over', () => {
  it('hears a confirmation after the merchant asked', async () => {
    expect(await flags(m('麻烦您把手机收到的码发给小妹'), c('是那个验证码吗 也要给你？'), m('是的亲 很快的'))).toEqual([
      [0, 'privacy_request'],
      [2, 'privacy_request'],
    ]);
  });

  it('leaves alone an assent to the buyer’s own way, and a yes with nothing asked before', async () => {
    expect(await flags(m('您把验证码报一下'), c('验证码我不想给 截个图行吗？'), m('好的亲 截图也可以'))).toEqual([
      [0, 'privacy_request'],
    ]);
    expect(await flags(m('您好 请问有什么可以帮您'), c('验证码要给你吗？'), m('是的 在页面上输入就行'))).toEqual([]);
  });
});

describe('please + the datum, whatever the verb', () => {
  it('hears a polite request whose verb hands nothing over in words', async () => {
    expect(await one('寄修的时候麻烦您把开机密码写在单子上')).toEqual(['privacy_request']);
    expect(await one('Please put your card PIN in the order notes')).toEqual(['privacy_request']);
  });

  it('leaves alone advice on the buyer’s own password and warnings', async () => {
    expect(await one('请您妥善保管好支付密码')).toEqual([]);
    expect(await one('为了安全 麻烦您尽快修改一下登录密码')).toEqual([]);
    expect(await one('Please make sure you never share your PIN with anyone')).toEqual([]);
    expect(await one('Please reset your password from the login page')).toEqual([]);
  });
});

describe('asking whether the buyer has a chat app', () => {
  it('hears "do you have / use" an app', async () => {
    expect(await one('这边传不了文件 你用不用微信？')).toEqual(['contact_exchange']);
    expect(await one('Easier to show you on a call. Are you on Telegram?')).toEqual(['contact_exchange']);
  });

  it('leaves alone paying by the app, a message received, the buyer asking, and the platform app', async () => {
    expect(await one('您是用微信支付的吗')).toEqual([]);
    expect(await one('您有收到我们的短信吗')).toEqual([]);
    expect(await flags(c('你们有微信吗？'))).toEqual([]);
    expect(await one('Do you have the app installed?')).toEqual([]);
    // The negation stops before a question to the buyer, not before reported words about them.
    expect(await one('我们培训过 客服不可以说你有毛病这种话的')).toEqual([]);
  });
});

describe('the buyer’s own phone or e-mail asked for', () => {
  it('hears a number or an address asked for off the order', async () => {
    expect(await one('这里说不清楚 您留个电话 我让工程师打给您')).toEqual(['contact_exchange']);
    expect(await one('图片太大发不了 您留个邮箱吧')).toEqual(['contact_exchange']);
    expect(await one('Can I get your mobile number? Our tech will call you.')).toEqual(['contact_exchange']);
  });

  it('leaves alone the order’s own phone, the hotline and keeping the phone on', async () => {
    expect(await one('您把收货电话发我一下 帮您改地址')).toEqual([]);
    expect(await one('有问题可以打我们的客服电话')).toEqual([]);
    expect(await one('您留个邮箱 电子发票开好发您')).toEqual([]);
    expect(await one('请您保持电话畅通 快递员会联系您')).toEqual([]);
    expect(await one('Can I get the mobile number on the order to update the delivery?')).toEqual([]);
  });
});

describe('the shop found on another platform', () => {
  it('hears a search for the shop and a DM to it there', async () => {
    expect(await one('小红书搜我们店名 私信客服领券')).toEqual(['contact_exchange']);
  });

  it('leaves alone a search on the marketplace itself and a DM to its customer service', async () => {
    expect(await one('您在淘宝搜一下我们店名就能找到')).toEqual([]);
    expect(await one('有问题私信客服就行')).toEqual([]);
  });
});

describe('money moved outside checkout', () => {
  it('hears a red packet to the shop, a payout by bank transfer and the wallet account after it', async () => {
    expect(await one('拍链接还要等审核 您直接发个50的红包给客服就行')).toEqual(['off_platform_payment']);
    expect(await one('平台退款太慢 我这边直接银行转账给您')).toEqual(['off_platform_payment']);
    expect(await flags(m('差价小妹单独给您转过去'), m('您把支付宝账号和名字报一下'))).toEqual([
      [0, 'off_platform_payment'],
      [1, 'off_platform_payment'],
    ]);
    expect(
      await flags(m('尾款直接转我们公司对公账户就行'), m('转完把电子回单截图发小妹')).then((f) => f.map(([, k]) => k)),
    ).toEqual(['off_platform_payment', 'off_platform_payment']);
  });

  it('leaves alone the original route, the price-difference link, a red packet to the buyer', async () => {
    expect(await one('退款会原路退回到您的支付宝')).toEqual([]);
    expect(await one('请在订单页点补差价链接付款')).toEqual([]);
    expect(await one('红包发给您了 记得领取哦')).toEqual([]);
    expect(await one('您把支付宝账号发一下')).toEqual([]);
  });
});

describe('whose words: a report vetoes only the words it reports', () => {
  it('hears the speaker’s own invitation beside a report or a review shown', async () => {
    expect(await one('听说您还没收到货 加我微信我帮您查')).toEqual(['contact_exchange']);
    expect(await one('不放心的话加小妹v 给您看买家反馈')).toEqual(['contact_exchange']);
  });

  it('leaves alone the invitation inside reported words', async () => {
    expect(await one('上个客服跟我说 加他微信就能退款')).toEqual([]);
  });
});

describe('the route named another way', () => {
  it('hears a friend request, a bank transfer, the shop’s own QR code and a card named by brand', async () => {
    expect(await one('稍后我们专员会加您好友 您通过一下就行')).toEqual(['contact_exchange']);
    expect(await one("Send it by bank transfer and I'll waive the fee")).toEqual(['off_platform_payment']);
    expect(await one('没交定金的话扫我微信二维码付一下')).toEqual(['off_platform_payment']);
    expect(await flags(m('What card did you pay with?'), c('visa'), m('ok what are the numbers on it?'))).toEqual([
      [2, 'privacy_request'],
    ]);
  });

  it('leaves alone refunds by the original route and a card type asked about', async () => {
    expect(await one('Refunds go back to the original payment method, no bank transfer needed')).toEqual([]);
    expect(await one('请问您是用信用卡还是花呗付的款呢')).toEqual([]);
    expect(await one('扫码关注店铺 领取优惠券')).toEqual([]);
  });
});
