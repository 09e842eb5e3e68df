/**
 * Decision 0850: privacy / contact / payment by mechanism, precision first. A datum the platform shows
 * masked, the order's own phone or e-mail, or a part of a lookup key never invites contact; a request
 * renewed after the buyer balked, a channel explained in answer to the buyer's question (是…吧 being one),
 * a chat app as the verb (tele me), the chat called slow, an id described, a wallet id offered, a
 * texted code asked by its length, a bare "ID number", a picture handed over "right here in the chat".
 * Every phrasing is our own (no set's line, nor eval/pcpv-probe-18's). Rules only: the trained layer is off.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { ComplianceDetector } from './detector.js';
import { categoriesOnLast } from './testing/calls.js';

const rules = new ComplianceDetector({ learned: false });
const onLast = (call: string) => categoriesOnLast(rules, call);

describe("a datum the platform shows masked is the buyer's own, read back", () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 亲 电子发票会发到 li***@126.com 这个邮箱 没错吧', []],
    ['m: 发货前会短信通知 158****0917 这个号 您留意一下', []],
    ["m: I'll send the label to j****@yahoo.com, that's still yours?", []],
    // an id the speaker hands over unmasked is still a contact
    ['m: 加小妹微信 xm_6688 发您视频', ['contact_exchange']],
    ["m: email me at lily.shop@gmail.com, it's quicker", ['contact_exchange']],
  ]);
});

describe("the order's own phone or e-mail, and a part of a lookup key, invite no contact", () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 麻烦报一下您下单的手机号后四位 小妹帮您查', []],
    ['m: 电话尾号是多少 我这边查一下订单', []],
    ['m: 发到您注册时留的邮箱了 您查收一下', []],
    // a card's last digits are still private
    ['m: 银行卡号后四位报一下', ['privacy_request']],
  ]);
});

describe('the handover asked again after the buyer balked, once the request was flagged', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 刚给您发了个验证码 您读一下 / c: 这个也要说吗 / m: 没关系 您读一下我这边登记', ['privacy_request']],
    // a lawful photo asked again: the first request was no flag
    ['m: 麻烦拍一下外包装 / c: 这个也要拍吗 / m: 要的 您拍一下发过来', []],
  ]);
});

describe("the hidden channel explained or confirmed in answer to the buyer's question", () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 平台传不了大图 小妹拉您去外面说 / c: 是QQ吧 / m: 对的 您懂的', ['contact_exchange']],
    [
      'm: 平台发不了视频 您加下小妹绿色软件 号就是店名拼音 / c: 什么绿色软件 / m: 就是那个聊天的 加上了发您',
      ['contact_exchange'],
    ],
    // the same words with no invitation before
    ['c: 退款是原路退吧 / m: 对的亲 原路退回', []],
    ['c: 你们是官方店吗 / m: 就是这个店 在平台上搜店名就有', []],
  ]);
});

describe('a chat app as the verb, the chat called slow, an id described', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: the app here is so laggy, just wa me', ['contact_exchange']],
    ['m: you can find me on Telegram, my username same as our store name', ['contact_exchange']],
    ["m: I can send you the colour swatches on WhatsApp, it's quicker", ['contact_exchange']],
    // the platform's own chat, slow, with no channel named; pictures sent here
    ['m: the app here is so laggy today, sorry, try refreshing', []],
    ['m: I can send you the tracking link right now', []],
  ]);
});

describe("the speaker's own wallet id offered", () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 我支付宝账号等下发您 您直接转过来', ['off_platform_payment']],
    ["m: I'll send you my venmo so you skip the fees", ['off_platform_payment']],
    // the buyer's wallet named for the refund, and checkout kept
    ['m: 退款会原路退回您的支付宝 不用发账号', []],
    ['c: can I pay with venmo? / m: sorry, only through the checkout here', []],
  ]);
});

describe('a texted code asked by its length, a bare ID number, a picture handed over in the chat', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: you just got a text with a 6-digit number, what is it?', ['privacy_request']],
    ['m: to release the refund I need your ID number', ['privacy_request']],
    ['m: please take a photo of your passport / m: just attach it right here in the chat', ['privacy_request']],
    // a warning; an order's ID number; a photo of the goods
    ["m: you'll get a text with a 6-digit number, never share it with anyone", []],
    ["m: what's your order ID number?", []],
    ['m: please take a photo of the dent / m: just attach it right here in the chat', []],
  ]);
});
