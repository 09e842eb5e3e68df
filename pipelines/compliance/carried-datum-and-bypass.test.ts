/**
 * Decision 0520: mechanisms read from blind-L's privacy / contact / payment misses and its two false
 * flags. Every phrasing here is our own (neither L's nor eval/pcp-probe-13's), so a row passes only
 * when the mechanism holds, not the sentence. Rules only: the trained layer must not be what makes
 * these pass.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { ComplianceDetector } from './detector.js';
import { categoriesOnLast } from './testing/calls.js';

const rules = new ComplianceDetector({ learned: false });

/** The categories flagged on the last line of a call written "m: … / c: …". */
const onLast = (call: string) => categoriesOnLast(rules, call);

describe('a datum class resolved across lines through the carried state', () => {
  eachMapsTo('%s → %j', onLast, [
    // a card whose number is private, asked for by the card itself
    ['m: 退款登记需要您的银行卡', ['privacy_request']],
    // in English the card asked for alone stays unflagged (blind-K labels "could I get the card you
    // paid with?" a lawful check); the number asked for next resolves to it and is the request
    ['m: what is the card you have on file with us', []],
    // a generic noun for the datum on the next line resolves to it
    ['m: 实名登记这边需要您的社保卡 / c: 好 / m: 完整十八位 念一下就行', ['privacy_request']],
    ['m: what is the card you have on file with us / m: the whole number, so I can verify it', ['privacy_request']],
    // a code said to be sent to the phone, the verb after the phone, then "that code"
    ['m: 稍后会给您手机发个码 / c: 收到了 / m: 这个码 报给小妹一下', ['privacy_request']],
    // a home detail added to an open request
    ['m: 麻烦报一下身份证号 / c: 为啥 / m: 还有家庭住址 也一起发我', ['privacy_request']],
    // look-alikes: the order number, the delivery address, the card as where a refund goes
    ['m: 您的订单号发一下 / m: 完整十八位 念一下就行', []],
    ['m: 退款会原路退回您的银行卡', []],
    ['c: 地址写错了 / m: 您把正确的详细地址 门牌号发小妹', []],
    ['c: 我身份证丢了 / m: 那您先去补办 号码不用发给我们', []],
  ]);
});

describe('pressing past the buyer’s refusal is a new attempt', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 登录密码发小妹一下 小妹帮您处理 / c: 密码怎么能给你 / m: 没关系的 处理好了您再改一下', ['privacy_request']],
    // with no refusal between, the reassurance is the same incident as the flagged request
    ['m: 登录密码发小妹一下 小妹帮您处理 / m: 没关系的', []],
  ]);
});

describe('a payment rail or chat channel with a reason to bypass the platform', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 安装费现场支付宝付给师傅就行 更方便', ['off_platform_payment']],
    ['m: just Zelle the driver when he drops it off, no card fees that way', ['off_platform_payment']],
    // the reason said on a later line, after the private way was opened
    ['m: 差价扫这个码付给小妹 / c: 平台不能补吗 / m: 平台补要重新下单 麻烦', ['off_platform_payment']],
    ['m: 维修进度我们都在Telegram上跟进 更快', ['contact_exchange']],
    ['m: we do all repairs over on Discord, way quicker', ['contact_exchange']],
    ['m: 小妹私下建了个群 不定期发内部价', ['contact_exchange']],
    ['m: just search @mia.repairs and message me there', ['contact_exchange']],
    // a regional wallet used as a verb towards the speaker, in Cantonese or Taiwanese wording
    ['m: 差價 line pay 轉我就好', ['off_platform_payment']],
    ['m: 尾數用轉數快過嚟就得', ['off_platform_payment']],
    ['c: 可以用 line pay 嗎 / m: 不行喔 只能在平台付款', []],
    // look-alikes: the platform's own way, a reason with no private way, a search for an order
    ['m: 物流更新会在订单里显示 更快', []],
    ['m: our Discord is just for news, please keep support here', []],
    ['m: search your order number in the app to track it', []],
    ['m: 店铺粉丝群在店铺首页 可以加哦', []],
  ]);
});

describe('false flags of blind-L, as their mechanisms', () => {
  eachMapsTo('%s → %j', onLast, [
    // goods made to the buyer's order are lawfully exempt from the seven days
    ['m: 支持七天无理由，但已经刻字的戒指不能退', []],
    // giving a bad review is the buyer's act; changing one is what the review rule asks about
    ['c: 你们质量太差 / m: 你一上来就给个差评 有什么问题先找客服啊', []],
    ['m: 亲 那个中评能改一下吗', ['review_manipulation']],
  ]);
});
