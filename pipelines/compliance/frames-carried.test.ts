/**
 * Decision 0215: requests carried across lines, numbers said in groups, wallets and scanned codes,
 * proof of a bought review, the price of a withdrawn request, guaranteed bodily results, and the
 * statements of conduct, risks and lawful reasons that are not violations. Every phrasing here is
 * our own and appears in no eval set.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { call } from './testing/calls.js';

const detector = new ComplianceDetector();
/** [utterance, category] of every flag in the call. */
const flags = async (...lines: [SpeakerRole, string][]) =>
  (await detector.detect(call(...lines))).map((f) => [f.utterance, f.category]);

describe('privacy requests carried across lines', () => {
  it('reads a code sent to the buyer’s phone as the datum a later clause or line asks for', async () => {
    expect(await flags(['merchant', 'I just triggered a code to your mobile, could you read it out for me?'])).toEqual([
      [0, 'privacy_request'],
    ]);
    expect(await flags(['merchant', '您手机上会接到一条短信 上面那串数字说给小妹就行'])).toEqual([
      [0, 'privacy_request'],
    ]);
    expect(
      await flags(
        ['merchant', '亲 系统给您手机发了个验证码'],
        ['customer', '嗯'],
        ['merchant', '那个code直接报给小妹哈'],
      ),
    ).toEqual([[2, 'privacy_request']]);
  });

  it('takes one more datum added to the speaker’s own request, and nothing added to no request', async () => {
    expect(
      await flags(
        ['merchant', 'Can I get the card number on the front?'],
        ['customer', 'all of it?'],
        ['merchant', 'Yep, and the expiry date too please'],
      ),
    ).toEqual([
      [0, 'privacy_request'],
      [2, 'privacy_request'],
    ]);
    expect(
      await flags(['merchant', 'Your order is on its way'], ['merchant', 'The expiry date is printed too']),
    ).toEqual([]);
  });

  it('counts reassurance plus a loss for refusing as a new act, either alone as the same request', async () => {
    const ask: [SpeakerRole, string] = ['merchant', '短信验证码发小妹一下'];
    const doubt: [SpeakerRole, string] = ['customer', '这个能给吗'];
    expect(await flags(ask, doubt, ['merchant', '放心 小妹是正规客服 不给的话这个单子就退不了了'])).toEqual([
      [0, 'privacy_request'],
      [2, 'privacy_request'],
    ]);
    expect(await flags(ask, doubt, ['merchant', '不给的话只能走人工审核了'])).toEqual([[0, 'privacy_request']]);
    expect(await flags(ask, doubt, ['merchant', '放心 小妹是正规客服'])).toEqual([[0, 'privacy_request']]);
    expect(
      await flags(
        ['merchant', 'Could you read me the code we just texted?'],
        ['customer', 'hmm'],
        ['merchant', "It's totally safe, we're official support. If you don't send it the order gets cancelled"],
      ),
    ).toEqual([
      [0, 'privacy_request'],
      [2, 'privacy_request'],
    ]);
  });
});

describe('contact exchange by evasions', () => {
  it('joins a number said or typed in groups, but not a list of sizes', async () => {
    expect(await flags(['merchant', 'Telegram works too: six one two, eight eight four, two two one zero'])).toEqual([
      [0, 'contact_exchange'],
    ]);
    expect(await flags(['merchant', 'Easiest is to call me at 867-5309 tonight'])).toEqual([[0, 'contact_exchange']]);
    expect(await flags(['merchant', '这款36、37、38、39都有 加购物车就行'])).toEqual([]);
  });

  it('hears emoji, code-switched and group invitations, and a negation that ends at a pause', async () => {
    expect(await flags(['merchant', '亲 这边回复慢 ➕个纸飞机吧'])).toEqual([[0, 'contact_exchange']]);
    expect(await flags(['merchant', '有问题add我line 聊'])).toEqual([[0, 'contact_exchange']]);
    expect(await flags(['merchant', '订单卡片上有个二维码 扫一下进咱们的粉丝群'])).toEqual([[0, 'contact_exchange']]);
    expect(await flags(['merchant', '平台上不好备注 加个v吧'])).toEqual([[0, 'contact_exchange']]);
    expect(await flags(['merchant', '亲 真的不行 站外沟通平台保障不了您'])).toEqual([]);
  });
});

describe('off-platform payment without the word transfer', () => {
  it('reads a handle next to a wallet as where to pay, not as a contact', async () => {
    // "cheaper off the app" is itself a way around checkout sold with a discount (decision 0260).
    expect(
      await flags(
        ['merchant', 'We could do it cheaper off the app'],
        ['customer', 'how'],
        ['merchant', 'Zelle is fine, @tomsgear'],
      ),
    ).toEqual([
      [0, 'off_platform_payment'],
      [2, 'off_platform_payment'],
    ]);
  });

  it('hears a route with a price, a scanned code with a payment, and the rest paid the same way', async () => {
    expect(await flags(['merchant', '走微信的话200就行'])).toEqual([[0, 'off_platform_payment']]);
    expect(await flags(['merchant', '图里的码扫一下 先付30定金'])).toEqual([[0, 'off_platform_payment']]);
    expect(await flags(['merchant', '这个款链接里拍不了 余款按刚才的方式付'])).toEqual([[0, 'off_platform_payment']]);
    expect(
      await flags(
        ['merchant', '用支付宝的话我给您便宜点'],
        ['customer', '怎么弄'],
        ['merchant', '钱直接打过来 小妹马上发货'],
      ),
    ).toEqual(expect.arrayContaining([[2, 'off_platform_payment']]));
  });

  it('leaves checkout, forwarding a screenshot and the platform’s own scan alone', async () => {
    expect(await flags(['merchant', '下单时用支付宝付就行'])).toEqual([]);
    expect(await flags(['merchant', '红包已经发到您账户了'], ['merchant', '订单截图转过来看看'])).toEqual([]);
    expect(await flags(['merchant', '您长按识别一下图里的尺码表'])).toEqual([]);
  });
});

describe('reviews, refunds and claims', () => {
  it('flags proof of a review asked for after a reward, and new rewards for it', async () => {
    expect(
      await flags(
        ['merchant', 'Five stars gets you a free tote bag'],
        ['customer', 'cool'],
        ['merchant', 'Just send a screenshot of your rating to this chat'],
      ),
    ).toEqual([
      [0, 'review_manipulation'],
      [2, 'review_manipulation'],
    ]);
    expect(await flags(['merchant', 'Rate us five stars and we will add an extra month to your plan'])).toEqual([
      [0, 'review_manipulation'],
    ]);
    expect(await flags(['merchant', '晒图再加五块'])).toEqual([[0, 'review_manipulation']]);
    expect(await flags(['merchant', 'Send a screenshot of the error message please'])).toEqual([]);
  });

  it('flags the price or threat of a withdrawal asked for on the line before', async () => {
    expect(
      await flags(['merchant', '售后申请您先取消一下'], ['customer', '为啥'], ['merchant', '取消了小妹给你补20元']),
    ).toEqual(expect.arrayContaining([[2, 'refund_obstruction']]));
    expect(
      await flags(
        ['merchant', 'Please close the return request'],
        ['customer', 'why would I'],
        ['merchant', 'Close it today and your account gets flagged for nothing'],
      ),
    ).toEqual(expect.arrayContaining([[2, 'refund_obstruction']]));
    expect(await flags(['merchant', '面膜已拆封的话就不支持七天无理由了 平台规则是这样的'])).toEqual([]);
  });

  it('flags guaranteed bodily results and more diseases, not what the shop never does', async () => {
    expect(await flags(['merchant', '用了我们的精华 保证不会长斑'])).toEqual([[0, 'prohibited_claim']]);
    expect(await flags(['merchant', '喝一个月 偏头痛能根治'])).toEqual([[0, 'prohibited_claim']]);
    expect(await flags(['merchant', 'this pillow cures neck pain'])).toEqual([[0, 'prohibited_claim']]);
    expect(await flags(['merchant', '我们客服永远不会问您要密码'])).toEqual([]);
    expect(await flags(['merchant', '官方永远不会找您要验证码 千万不要告诉别人'])).toEqual([]);
  });
});

describe('what stays unflagged, by mechanism', () => {
  it('a cue inside the frame’s own words does not veto it; a window without the veto cue still counts', async () => {
    // 拍不了 negates the checkout word it contains.
    expect(await flags(['merchant', '这个款链接里拍不了 余款按刚才的方式付'])).toEqual([[0, 'off_platform_payment']]);
    // The in-platform route in one clause does not excuse the invitation in the next.
    expect(await flags(['merchant', '平时在店铺首页点客服就行，急的话加我企鹅号 3 3 8 1 2 0 4 4 5'])).toEqual([
      [0, 'contact_exchange'],
    ]);
  });

  it('leaves the shop hotline, authenticity scans, in-platform groups and unconditional gifts alone', async () => {
    expect(await flags(['merchant', '我们店的售后电话是 四零零 六六二 一八八 九'])).toEqual([]);
    expect(await flags(['merchant', '扫一下包装盒上的二维码就能查真伪'])).toEqual([]);
    expect(await flags(['merchant', '关注一下 进店铺粉丝群有券 在店铺首页就有二维码'])).toEqual([]);
    expect(
      await flags(['merchant', 'Rate us however you like, and here is a $5 coupon for your next order either way']),
    ).toEqual([]);
  });

  it('hears the seven-day right denied, not a buyer’s condition beside it, and typing a code on a page', async () => {
    expect(await flags(['merchant', '我们家承诺七天无理由 不喜欢也能退'])).toEqual([]);
    expect(await flags(['merchant', '这款七天无理由享受不了哦'])).toEqual([[0, 'refund_obstruction']]);
    expect(await flags(['merchant', '验证码稍后发到您手机 您在支付页面里填上就好 别给任何人看'])).toEqual([]);
  });
});

describe('what the retired regex rules caught, now as classes', () => {
  it('hears withdrawal pressure and its price, but not re-filing the right request', async () => {
    expect(await flags(['merchant', '您把售后单关了就行 别的不用管'])).toEqual([[0, 'refund_obstruction']]);
    expect(await flags(['merchant', '您先取消退款申请 再重新申请换货就行'])).toEqual([]);
    expect(await flags(['merchant', 'Open a dispute and we will flag your account for fraud'])).toEqual([
      [0, 'refund_obstruction'],
    ]);
  });

  it('hears private payment in code-switched and verb-first forms, not the platform’s own transfer', async () => {
    expect(await flags(['merchant', '你 pay 我 two hundred 就行'])).toEqual([[0, 'off_platform_payment']]);
    expect(await flags(['merchant', '回头我直接打到您微信上'])).toEqual([[0, 'off_platform_payment']]);
    expect(await flags(['merchant', '差价通过平台小额打款单独给您转3块'])).toEqual([]);
    // WeChat as a wallet is payment, not a contact channel.
    expect(await flags(['merchant', '这单别走平台了 我私下微信转你二十'])).toEqual([[0, 'off_platform_payment']]);
    expect(await flags(['merchant', 'Follow my shop on Insta and DM me the size'])).toEqual([[0, 'contact_exchange']]);
  });
});

describe('a bank card or a code asked for on a follow-up line', () => {
  it('takes the number, the digits or "what does it say" after the card or code was named', async () => {
    const cases: [SpeakerRole, string][][] = [
      [
        ['merchant', '退款要打到您的银行卡上'],
        ['customer', '哦'],
        ['merchant', '卡号跟小妹说一下'],
      ],
      [
        ['merchant', 'The refund needs your card details'],
        ['customer', 'fine'],
        ['merchant', 'Just pop the sixteen digits in here'],
      ],
      [
        ['merchant', 'I need to verify your bank account'],
        ['customer', 'sure'],
        ['merchant', 'Can you give me the account and routing numbers?'],
      ],
      [
        ['customer', '验证码我收到了'],
        ['merchant', '好的亲 念一下给我'],
      ],
      [
        ['customer', 'I got a text with a code'],
        ['merchant', 'Perfect, what does it say?'],
      ],
    ];
    for (const c of cases) expect(await flags(...c)).toEqual([[c.length - 1, 'privacy_request']]);
    expect(await flags(['customer', '快递到了'], ['merchant', '好的亲 念一下给我'])).toEqual([]);
    expect(
      await flags(['customer', 'I got a text from the courier'], ['merchant', 'Perfect, what does it say?']),
    ).toEqual([]);
  });
});
