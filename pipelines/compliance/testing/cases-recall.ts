import type { Case } from './cases.js';

const m = 'merchant' as const;
const c = 'customer' as const;

/**
 * Recall fixes after the blind analyze eval (lone "v" for WeChat, pressing to withdraw a refund,
 * two categories on one line, English review incentives in words, threats that accuse the buyer
 * of fraud, plain-word requests for texted codes, code-switched lines). Worded differently from
 * the eval; each fix comes with hard negatives that share its keywords.
 */
export const RECALL_CASES: Case[] = [
  // contact_exchange: the lone "v" after 加我个 / 加我一下 / 加一个
  { lines: [[m, '图片这里发不了，你加我一下 V 吧']], expect: 'contact_exchange', evidence: '加我一下 V' },
  { lines: [[m, '亲，方便的话加一个v，我把说明书发您']], expect: 'contact_exchange' },
  { lines: [[m, '这款有V领和圆领两种，您可以加个V领的']], expect: null },
  { lines: [[m, '您升级到V3版本就可以了，再加个v3的配件']], expect: null },
  { lines: [[m, '加个VIP会员可以享受包邮']], expect: null },
  { lines: [[m, '我们给您追加个v形支架，免费的']], expect: null },
  { lines: [[c, '你加我个v吧，方便点']], expect: null },
  // refund_obstruction: pressing the buyer to withdraw the refund request
  { lines: [[m, '你先把这个退货申请取消了吧，东西我们不收']], expect: 'refund_obstruction' },
  { lines: [[m, '您赶紧撤销退款申请，别耽误我们的店铺评分']], expect: 'refund_obstruction' },
  {
    lines: [[m, 'Please withdraw your return request, and we will sort it out on our end']],
    expect: 'refund_obstruction',
  },
  { lines: [[m, 'Just drop the dispute and I will take care of it']], expect: 'refund_obstruction' },
  { lines: [[m, '您选成了仅退款，把退款申请撤了，重新申请退货退款就行']], expect: null },
  { lines: [[m, '如果您不想退了，可以自己把退款申请取消掉']], expect: null },
  { lines: [[m, '我们不会让您撤销退款申请的，您放心']], expect: null },
  {
    lines: [[m, "If you change your mind, you can cancel the refund request and we'll ship it as normal"]],
    expect: null,
  },
  {
    lines: [
      [m, "You'd need to cancel the return request and open a new one for the right item, then we'll approve it"],
    ],
    expect: null,
  },
  { lines: [[c, '我把退款申请撤了吧，你们重新发一个']], expect: null },
  // two categories on one line (each category may flag once per line)
  { lines: [[m, '麻烦给个五星好评，截图给我，返您八块，我打您微信上']], expect: 'review_manipulation' },
  { lines: [[m, '麻烦给个五星好评，截图给我，返您八块，我打您微信上']], expect: 'off_platform_payment' },
  { lines: [[m, '退款会原路退回，平台会打到您支付宝账户，请注意查收']], expect: null },
  { lines: [[m, '好评的事不用管，有问题我们平台上给您处理']], expect: null },
  { lines: [[m, '不满意的话别给好评，我们给您红包补偿也不合适，还是按平台流程退']], expect: null },
  // review_manipulation in English: amounts in words, credit, gift cards
  { lines: [[m, "Give us a five-star rating and we'll send you ten bucks"]], expect: 'review_manipulation' },
  { lines: [[m, "Leave a 5-star review and I'll add store credit to your account"]], expect: 'review_manipulation' },
  { lines: [[m, 'A twenty dollar gift card is yours if you post a positive review']], expect: 'review_manipulation' },
  { lines: [[m, 'Thanks for the five stars, and the credit for the late delivery is on its way']], expect: null },
  {
    lines: [[m, 'If you leave a review it helps other buyers, and your refund is processed separately']],
    expect: null,
  },
  { lines: [[m, 'Five stars or not, we refund every damaged item']], expect: null },
  // refund_obstruction: threats that accuse the buyer of fraud or scamming
  {
    lines: [[m, "If you send it back we'll report you to the marketplace for scamming"]],
    expect: 'refund_obstruction',
  },
  { lines: [[m, '你敢申请退款，我就举报你诈骗']], expect: 'refund_obstruction' },
  { lines: [[m, 'If anyone says they will report you for fraud if you return it, that is a scam']], expect: null },
  { lines: [[m, '如果有人说你退货就举报你诈骗，那是骗子，不用理']], expect: null },
  // privacy_request: the texted code in plain words, and inside mixed lines
  { lines: [[m, 'What were the six digit numbers the app just sent you?']], expect: 'privacy_request' },
  { lines: [[m, 'What code did you just get on your phone? Read it to me']], expect: 'privacy_request' },
  { lines: [[m, 'Can you tell me the code that we texted to your phone?']], expect: 'privacy_request' },
  { lines: [[m, "What's the discount code we emailed you last week? I'll apply it here"]], expect: null },
  { lines: [[m, "Please don't read me the code we texted you, type it into the app yourself"]], expect: null },
  { lines: [[m, '你收到的 OTP 念给我一下，我帮你改地址']], expect: 'privacy_request' },
  { lines: [[m, '把你的 Alipay password 告诉我，我帮你查']], expect: 'privacy_request' },
  { lines: [[m, '这个 verification code 不要发给任何人，包括我们客服']], expect: null },
  { lines: [[m, '路由器的 password 在底部标签上，您看一下']], expect: null },
  // contact_exchange: "把你手机号…发我" (asking for the buyer's number, 把-construction)
  { lines: [[m, '您把您的电话号码留给我，回头有新款我单独通知您']], expect: 'contact_exchange' },
  { lines: [[m, '你把你的 mobile number 和 email address 都发我，我私下通知你']], expect: 'contact_exchange' },
  { lines: [[m, '麻烦把您的收货电话发我核对一下']], expect: null },
  { lines: [[m, '您把手机号发给快递员就行，他到了会联系您']], expect: null },
  { lines: [[m, '不用把您的手机号告诉我们，平台会通知您']], expect: null },
  // code-switched lines: both rule sets, English words kept as words inside Chinese
  { lines: [[m, '运费你直接 transfer 到我的 PayPal account 就行']], expect: 'off_platform_payment' },
  { lines: [[m, '差价直接转我 Alipay 吧，不用再下单']], expect: 'off_platform_payment' },
  { lines: [[m, '付款的时候选 Alipay 就可以，都是平台收款']], expect: null },
  { lines: [[m, '退款会原路退回您的 Alipay account']], expect: null },
  { lines: [[c, '我可以转你 Alipay 吗']], expect: null },
];
