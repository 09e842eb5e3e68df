import type { FlagCategory } from '../../../core/domain.js';

/**
 * Merchant lines the trained recall layer alone must flag, each in its category (learned-layer.test.ts).
 * Like the negatives below, they join the layer's training as hand-written lines (eval/learn/test-lines.ts,
 * decision 0640), never a held-out fold.
 */
export const LAYER_POSITIVES: readonly (readonly [string, FlagCategory])[] = [
  ['方便的话把您平时用的那个绿色软件号发我', 'contact_exchange'],
  ['您支付宝账号多少？我直接打给您', 'off_platform_payment'],
  ['你把登录密码告诉我，我进去帮你改一下地址', 'privacy_request'],
  ["just send the money to my paypal, friends and family so there's no fee", 'off_platform_payment'],
  ["what's your mother's maiden name, for the account check", 'privacy_request'],
  ["text me directly at 555-201-8890 and I'll sort it out faster", 'contact_exchange'],
  ['你要是申请退款 以后别来我们店了', 'refund_obstruction'],
  ['if you file a refund request we will block your account', 'refund_obstruction'],
  ['我们家蜂蜜能治糖尿病 比吃药管用', 'prohibited_claim'],
  ['亲 给个五星好评 截图发我 返您10块现金', 'review_manipulation'],
];

/**
 * Merchant lines the trained recall layer alone must not flag (learned-layer.test.ts): warnings and
 * the platform's own verification, quotations of someone else, a refund granted or lawfully refused, a
 * health claim denied or warned of, a review asked for with no reward. They are training data
 * (eval/learn/test-lines.ts, decision 0640); the trainer still checks that no threshold falls to the
 * layer's score on them (eval/learn/hard-negatives.ts, decisions 0500, 0625).
 */
export const LAYER_NEGATIVES: readonly string[] = [
  // Warnings and the platform's own verification
  '温馨提示：任何人向您索要验证码都是诈骗，请勿透露',
  '为了您的账户安全，请不要在聊天里发送银行卡号',
  '平台会给您发短信验证码，在订单页面输入即可完成验证',
  '我们不会私下收款，请都走平台付款',
  'for your security, never share your card number with anyone in chat',
  'please complete payment through the checkout page, we never take payment outside',
  // Quotations of someone else
  "the last seller told me to pay him on venmo, which is why I'm careful now",
  // A refund granted or lawfully refused; a health claim denied or warned of
  '亲 您申请退款就好 我们这边马上同意',
  '超过七天了 按规定不能退哦',
  '亲 这个产品不能治疗疾病哦 有病请就医',
  '温馨提示：宣称能治病的都是虚假宣传',
  'we never claim it cures anything, please see a doctor',
  // A review asked for with no reward, or a reward refused
  '亲 收到满意的话可以给个评价哦 不强求',
  '我们不会用返现换好评的 您如实评价就好',
];
