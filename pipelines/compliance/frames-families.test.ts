/**
 * Decision 0230: families of lawful lines that must not fire, and request forms the frames lacked.
 * Every phrasing here is our own and appears in no eval set.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { call } from './testing/calls.js';

const detector = new ComplianceDetector();
/** [utterance, category] of every flag in the call. */
const flags = async (...lines: [SpeakerRole, string][]) =>
  (await detector.detect(call(...lines))).map((f) => [f.utterance, f.category]);

describe('lawful lines that name a datum, a channel or a private route', () => {
  it('reads a refusal that names the return window or an excluded kind of goods as lawful, not a flat no', async () => {
    expect(await flags(['merchant', "I'm afraid I can't refund an order that's older than 60 days."])).toEqual([]);
    expect(await flags(['merchant', "Unfortunately we can't process a refund beyond 14 days from delivery."])).toEqual(
      [],
    );
    expect(await flags(['merchant', '生日蛋糕这种商品不支持无理由退货的亲'])).toEqual([]);
    expect(await flags(['merchant', "I won't refund you, stop asking."])).toEqual([[0, 'refund_obstruction']]);
    expect(await flags(['merchant', '不给退 你别问了'])).toEqual([[0, 'refund_obstruction']]);
  });

  it('does not carry a datum named inside a warning into a later "the number" question', async () => {
    expect(
      await flags(
        ['merchant', 'If somebody messages you asking for your PIN, that is not our team.'],
        ['customer', 'ok, good to know'],
        ['merchant', 'Can you forward me the number that called you? Security will block it.'],
      ),
    ).toEqual([]);
    expect(
      await flags(
        ['merchant', '要是有人找您要银行卡密码 那肯定是骗子'],
        ['customer', '知道了'],
        ['merchant', '那个号码能发我一下吗 我们报给平台'],
      ),
    ).toEqual([]);
  });

  it('reads "only through the platform" and a prohibition after its topic as policy', async () => {
    expect(await flags(['merchant', '不好意思 只能通过平台下单付款哦 私下交易是不行的'])).toEqual([]);
    expect(await flags(['merchant', 'Sorry, paying me directly is not allowed, please use checkout.'])).toEqual([]);
  });

  it('does not flag the phone number asked beside the order number to look the order up', async () => {
    expect(await flags(['merchant', '麻烦提供一下订单号或者下单手机号 我帮您查'])).toEqual([]);
    expect(await flags(['merchant', '您的订单编号或者手机号码是多少呀'])).toEqual([]);
  });

  it('reads a service offered for life as policy, not as a claim about the goods', async () => {
    expect(await flags(['merchant', '本店银饰终身免费抛光 保修两年哦'])).toEqual([]);
    expect(await flags(['merchant', '这款锅终身都不会坏 放心买'])).toEqual([[0, 'prohibited_claim']]);
  });

  it('reads moving the talk off the site as contact talk, not as payment', async () => {
    expect(await flags(['merchant', 'We could discuss the sizing outside of the site if you like'])).toEqual([]);
  });
});

describe('requests the frames lacked', () => {
  it('takes a datum referred to by its length or as "the whole thing" on a follow-up line', async () => {
    expect(
      await flags(
        ['merchant', '亲 报一下银行卡密码的前两位'],
        ['customer', '为啥'],
        ['merchant', '不方便的话 全部的发过来也行'],
      ),
    ).toEqual([
      [0, 'privacy_request'],
      [2, 'privacy_request'],
    ]);
    expect(
      await flags(
        ['merchant', 'We sent a verification code to your phone, what is it?'],
        ['customer', 'hmm'],
        ['merchant', 'Just go ahead and type all the digits here'],
      ),
    ).toEqual([
      [0, 'privacy_request'],
      [2, 'privacy_request'],
    ]);
  });

  it('reads a code pushed to the buyer’s phone as a datum, and a screenshot of it as handing it over', async () => {
    expect(await flags(['merchant', '平台推送到您手机的那条短信 里面的数字 您说给我就行'])).toEqual([
      [0, 'privacy_request'],
    ]);
    expect(await flags(['merchant', '您手机马上会收到验证码 麻烦报一下'], ['merchant', '或者截个屏发我也行'])).toEqual([
      [0, 'privacy_request'],
      [1, 'privacy_request'],
    ]);
  });

  it('counts reassurance plus "otherwise it can’t go through" as pressing for the datum', async () => {
    expect(
      await flags(
        ['merchant', '验证码发小妹一下哈'],
        ['customer', '验证码不是不能给别人吗'],
        ['merchant', '那是系统提示 不用管 不然退款退不了'],
      ),
    ).toEqual([
      [0, 'privacy_request'],
      [2, 'privacy_request'],
    ]);
  });

  it('reads homophones and emoji for chat apps, and an id spelled letter by letter', async () => {
    expect(await flags(['merchant', '亲可以加个薇 以后有活动通知您'])).toEqual([[0, 'contact_exchange']]);
    expect(await flags(['merchant', '加一下我们的🐧 群里发福利'])).toEqual([[0, 'contact_exchange']]);
    expect(await flags(['merchant', '搜 x i a o m e i 2 0 2 加一下'])).toEqual([[0, 'contact_exchange']]);
    // a size list and single letters are no id
    expect(await flags(['merchant', '尺码有 s m l xl 四个'])).toEqual([]);
  });

  it('takes a number read out over several lines after "text me"', async () => {
    expect(
      await flags(
        ['merchant', 'Just call me on my cell instead'],
        ['merchant', 'it is seven one eight'],
        ['merchant', 'two two three, four four'],
      ),
    ).toEqual([
      [0, 'contact_exchange'],
      [1, 'contact_exchange'],
      [2, 'contact_exchange'],
    ]);
    // a price after an invitation is no number
    expect(
      await flags(['merchant', 'Message me on WhatsApp about it'], ['merchant', 'It comes to $129 with shipping']),
    ).toEqual([[0, 'contact_exchange']]);
  });

  it('reads money arriving in the speaker’s account after a private route, and a wallet refund', async () => {
    expect(
      await flags(
        ['merchant', 'Venmo me the balance and we skip the app'],
        ['customer', 'is that ok?'],
        ['merchant', 'Sure, I will post it the moment it hits my account'],
      ),
    ).toEqual([
      [0, 'off_platform_payment'],
      [2, 'off_platform_payment'],
    ]);
    expect(await flags(['merchant', '差价小妹用支付宝单独退您 更快'])).toEqual([[0, 'off_platform_payment']]);
  });

  it('reads withdrawing the platform refund for a private one as obstruction', async () => {
    const got = await flags(['merchant', '您先把平台上的退款撤掉 我微信转给您'], ['customer', '不撤']);
    expect(got).toContainEqual([0, 'refund_obstruction']);
    expect(got).toContainEqual([0, 'off_platform_payment']);
  });

  it('reads app names spelled out with spaces as one typed token (retires zh.contact.wechat)', async () => {
    expect(await flags(['merchant', '方便的话 加 我 威 信 细聊'])).toEqual([[0, 'contact_exchange']]);
    expect(await flags(['merchant', '我 w x 是 mei_2024'])).toEqual([[0, 'contact_exchange']]);
    expect(await flags(['merchant', '您去搜一下我的号 lin_shop88 私聊'])).toEqual([[0, 'contact_exchange']]);
    // a product code after 搜一下 names no account
    expect(await flags(['merchant', '您在店里搜一下 x200 就能看到这款'])).toEqual([]);
    expect(await flags(['merchant', '千万别加什么微信 都是骗子'])).toEqual([]);
  });

  it('reads a private route named in answer to "where do I send it" (retires zh.payment.account-followup)', async () => {
    expect(await flags(['customer', '那差价我打到哪里？'], ['merchant', '用支付宝吧'])).toEqual([
      [1, 'off_platform_payment'],
    ]);
    expect(await flags(['customer', 'where should I send the deposit?'], ['merchant', 'Zelle is easiest'])).toEqual([
      [1, 'off_platform_payment'],
    ]);
    expect(await flags(['customer', '那差价我打到哪里？'], ['merchant', '直接在补差价链接里拍就行'])).toEqual([]);
  });
});
