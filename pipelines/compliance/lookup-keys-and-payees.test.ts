/**
 * Decision 0605: the mechanisms behind the privacy / contact / payment false flags that every
 * development set's blind-time engine raised, and blind-O's misses. Every phrasing is our own
 * (neither a set's line nor eval/precision-probe-15's), so a row passes only when the mechanism
 * holds. Rules only: the trained layer must not be what makes these pass.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { ComplianceDetector } from './detector.js';
import { categoriesOnLast } from './testing/calls.js';

const rules = new ComplianceDetector({ learned: false });

/** The categories flagged on the last line of a call written "m: … / c: …". */
const onLast = (call: string) => categoriesOnLast(rules, call);

describe('the buyer’s own number as the shop holds it is no contact exchanged', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: the driver will ring first, is your cell still four one five three three two eight eight one two', []],
    ['m: ok then the number we have on file is zero one two three three four four five five six right', []],
    ['m: 送货前师傅会联系您 您的电话还是一三七 二二八八 四四六一 吗', []],
    ['m: 亲 您下单时留的号码一八六 零零三三 七七二一 还能打通吧', []],
    // the speaker's own number stays a contact
    ['m: just text my number instead, five five five two two one eight eight four zero', ['contact_exchange']],
    ['m: 平台上说不清 您打我电话 一三九 零零七二 五五八一', ['contact_exchange']],
  ]);
});

describe('part of a lookup key is asked to find the account; the last four of a card or a social stay private', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: sure, what are the last 4 digits of the mobile number on the account?', []],
    ['m: For verification, could I get the last 4 characters of your IC please', []],
    ['m: Could I have the last four of your card and the expiry date?', ['privacy_request']],
    ['m: I just need the last four of your social to verify you', ['privacy_request']],
  ]);
});

describe('a number or id given where to pay is the payee, not a contact', () => {
  eachMapsTo('%s → %j', onLast, [
    [
      'm: skip the app fee, you paylah me can / c: to which number / m: paylah to eight one two three four five six seven lah',
      ['off_platform_payment'],
    ],
    ['m: no need to book in the app, just venmo the balance to my number', ['off_platform_payment']],
    ['m: 店里拍还要扣手续费 转微信给您便宜二十', ['off_platform_payment']],
    // a chat app after the verb for talking stays a contact
    ['m: 平台上回复慢 转微信上聊吧 加我 kefu_8899', ['contact_exchange']],
  ]);
});

describe('a check of who the buyer is, then the buyer’s datum with no verb, asks for it', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 好的亲 要先核对一下 您的银行卡号', ['privacy_request']],
    ['m: alright, for security purposes, your card number and the three digits on the back', ['privacy_request']],
    // a lookup key after the same purpose is no private datum
    ['m: 小妹帮您查 先核实一下 您的订单号', []],
    ['m: to verify you, the order number on your confirmation email', []],
  ]);
});

describe('the shop’s code named by the agent’s own words, and the shop’s payment link as the hassle', () => {
  eachMapsTo('%s → %j', onLast, [
    ['c: 运费怎么补 / m: 补运费链接要重新拍 麻烦 扫店长这个码就行 [图片]', ['off_platform_payment']],
    // a new platform link sent is the platform's checkout
    ['c: 运费怎么补 / m: 小妹给您发个补运费链接 您拍下就行 [链接]', []],
  ]);
});

describe('the WeChat homophone 薇 owned by the shop after an add verb', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 可以加一下我们客服的薇 群里每天有福利', ['contact_exchange']],
    ['m: 我们店长叫小薇 您有问题在这里找她就行', []],
  ]);
});

describe('the installer’s or courier’s number handed over for the visit is theirs, unless the speaker claims it', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 上门的是张师傅 电话 一三八 零零一二 三三四五 您留意一下', []],
    ['m: the technician is Ravi, his number is nine eight seven six five four three two, he comes at ten', []],
    ['m: 快递给您催了 我微信 kefu_2233', ['contact_exchange']],
    ['m: the driver is running late, my whatsapp is 555 201 7788 if you need anything', ['contact_exchange']],
  ]);
});
