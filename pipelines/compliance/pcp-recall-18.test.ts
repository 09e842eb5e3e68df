/**
 * Decision 0815: the mechanisms behind blind-R's privacy / contact / payment misses — a request
 * renewed with its object left out after the buyer questioned handing the datum over, the need put
 * on the system's back, a picture of the card or an identity document, the shop's "fraud check"
 * read as a warning, the conversation moved to a chat app named next (去…聊), the friend request's
 * note, the chat called too limited, the platform named as what forbids saying it (with a wink), the
 * buyer's question naming the hidden channel answered yes, the buyer's P2P wallet asked for beside a
 * refund, Cantonese 過數畀我, gift cards scratched and their codes sent. Every phrasing is our own
 * (neither a set's line nor eval/pcpr-probe-18's). Rules only: the trained layer is off.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { ComplianceDetector } from './detector.js';
import { categoriesOnLast } from './testing/calls.js';

const rules = new ComplianceDetector({ learned: false });
const onLast = (call: string) => categoriesOnLast(rules, call);

describe('a request renewed with its object left out, after the buyer questioned handing the datum over', () => {
  eachMapsTo('%s → %j', onLast, [
    [
      'm: 亲 您把手机收到的验证码报给小妹 / c: 验证码也能给你吗 / m: 放心哈 内部用的 直接报过来就行',
      ['privacy_request'],
    ],
    // a lawful photo insisted on after the buyer balked: no datum was asked for
    ['m: 亲 麻烦拍一下破损的地方 / c: 还要拍吗 / m: 没事的 拍一下发过来就行', []],
  ]);
});

describe('the need put on the system, after a code was named', () => {
  eachMapsTo('%s → %j', onLast, [
    [
      'm: A 6-digit code just went to your phone, can you read it to me? / m: Our system needs it to unlock the order.',
      ['privacy_request'],
    ],
    // no datum named before: the system needing the order to be paid is nothing
    ['m: Your order is on hold. / m: The system needs it to be paid before noon.', []],
  ]);
});

describe("a picture of the buyer's card or identity document asked for", () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: could you take a photo of your bank card, both sides, and send it here?', ['privacy_request']],
    ['m: please send a pic of your passport so we can release the parcel', ['privacy_request']],
    // a picture of the goods or the label is no datum
    ['m: could you take a photo of the label on the box and send it here?', []],
    ['m: please never send a photo of your card to anyone who messages you', []],
  ]);
});

describe("the shop's own fraud check is no warning that vetoes the request after it", () => {
  eachMapsTo('%s → %j', onLast, [
    [
      'm: your order is waiting on a fraud review / m: we just need your passport number to clear it',
      ['privacy_request'],
    ],
    // a scam warning still vetoes
    ['m: that message was fraud, be careful / m: we will never need your passport number here', []],
  ]);
});

describe('the talk moved to a chat app named next, or the chat called too limited', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 这边回消息慢 咱们转到薇信上细聊吧', ['contact_exchange']],
    ['m: 平台私信老是发不出去 加一下小妹扣扣', ['contact_exchange']],
    // a place that is no chat app
    ['m: 亲 这个问题咱们去售后那边聊 点订单里的申请售后就行', []],
  ]);
});

describe("the friend request's note, after the speaker's own invitation", () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 售后加一下企鹅号 三五七 二四六 八零 / m: 加的时候备注下单手机尾号 小妹通过', ['contact_exchange']],
    // an order note is no friend request
    ['m: 亲 下单的时候备注一下颜色就行', []],
  ]);
});

describe('the platform named as what forbids saying it, with a wink', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 进咱们的老客群 号在主页签名里 平台不让发 懂的哈', ['contact_exchange']],
    ['m: 有事加小妹绿泡泡 一五八 二二三三 四四五五 / c: 是微信吗 / m: 嗯 平台不让直接说 你懂的', ['contact_exchange']],
    // the rule stated plainly is a refusal
    ['c: 加个微信吧 / m: 亲 平台不让加微信哦 有问题在这里说就行', []],
  ]);
});

describe("the buyer's own P2P wallet asked for beside a refund", () => {
  eachMapsTo('%s → %j', onLast, [
    ["m: the refund through the app takes ages, what's your zelle? I'll send it tonight", ['off_platform_payment']],
    // the buyer offering a wallet, refused
    ['c: can you refund me on zelle? / m: sorry, refunds only go back through the order', []],
  ]);
});

describe('Cantonese money transferred to the speaker', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 唔使喺平台落單 你直接過數畀我就得', ['off_platform_payment']],
    // FPS chosen at the platform's checkout
    ['m: 你落單嗰陣揀轉數快付款都得 平台收款', []],
  ]);
});

describe('gift cards scratched and their codes sent, after the speaker asked to be paid in gift cards', () => {
  eachMapsTo('%s → %j', onLast, [
    [
      'm: you can pay me with $100 in Steam gift cards instead / m: scratch the backs and text me the codes',
      ['off_platform_payment'],
    ],
  ]);
});

describe('the bare request said last on a reassuring line, after the buyer named the datum', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 亲 手机上的动态码报一下 / c: 动态码也要说吗 / m: 没关系的 后台核对用 您报过来就好', ['privacy_request']],
    // the handover named as the subject of a reassurance is the same request, not a new one
    ['m: 亲 手机上的动态码报一下 / c: 动态码也要说吗 / m: 报给小妹没事的 小妹是官方的', []],
  ]);
});

describe("money the shop sends the buyer by a private wallet is a payout: a review's reward stays the review's", () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 亲 晒个图给个五星 截图发小妹 红包五块走微信给您', ['review_manipulation']],
    ['m: 退款那边太慢 差价小妹走支付宝转给您', ['off_platform_payment']],
  ]);
});
