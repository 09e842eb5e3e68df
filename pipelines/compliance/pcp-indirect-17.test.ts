/**
 * Decision 0750: the mechanisms behind blind-Q's privacy / contact / payment misses (an amount said
 * between the transfer verb and the payee, a scan followed by a transfer, the shop's own account as
 * the route, a bare "then I transfer", the private way called quicker, ordering moved into a flagged
 * group, a screenshot handed over by a request mark, yes to the buyer's question naming the card, the
 * Singlish object-less handover, the speaker's own account sent to pay into). Every phrasing is our
 * own (neither a set's line nor eval/pcpq-probe-17's). Rules only: the trained layer is off.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { ComplianceDetector } from './detector.js';
import { categoriesOnLast } from './testing/calls.js';

const rules = new ComplianceDetector({ learned: false });

/** The categories flagged on the last line of a call written "m: … / c: …". */
const onLast = (call: string) => categoriesOnLast(rules, call);

describe('an amount between the transfer verb and the payee is still money sent to the speaker', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 订单先别付 微信打300给小妹 我这边直接安排发货', ['off_platform_payment']],
    ['m: 平台改不了价 您转一百五到我这个卡上就行', ['off_platform_payment']],
    // the platform, or the shop's plural self on the platform, is no private payee
    ['m: 亲 您付300到平台就行 我们这边收到通知就发货', []],
  ]);
});

describe('a scan followed by a transfer of an amount is a payment, not a chat invitation', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 上楼费平台收不了 小妹发您个码 您扫一下转二十块就好', ['off_platform_payment']],
    // a code on the goods scanned to read something stays nothing
    ['m: 说明书背面有个码 您扫一下看视频就行', []],
  ]);
});

describe("the shop's own company account named as the route", () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 量大的话直接走我们公司的对公 比店里拍便宜', ['off_platform_payment']],
    // the platform's enterprise payment names no account of the shop's
    ['m: 对公付款的话 下单时在收银台选企业支付就行', []],
  ]);
});

describe('a bare transfer promised once a step is done, after a private payout was offered', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 退款那边慢 小妹直接支付宝转您 / m: 您把订单确认收货 小妹马上转', ['off_platform_payment']],
    // the platform's refund, sent once it is approved, is no private payout
    ['m: 亲 已经给您申请退款了 / m: 审核通过我们马上转人工处理', []],
  ]);
});

describe('the private way called quicker after it was offered', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 运费差价您扫小妹的收款码补 / m: 平台补要重新下单 麻烦 扫码快', ['off_platform_payment']],
  ]);
});

describe('ordering moved into a group the speaker invited the buyer to on a private channel', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 加下小妹的vx 拉您进我们的福利群 / c: 好的 / m: 以后在群里接龙下单就行', ['contact_exchange']],
    // no private invitation before: the platform shop's own group
    // ordering in the group paid outside the platform on the same line is the payment's line only
    ['m: 加下小妹的vx 拉您进我们的团购群 / c: 群里怎么买 / m: 群里接龙 直接转给小妹就行', ['off_platform_payment']],
    ['m: 关注店铺可以进淘宝群 / c: 好的 / m: 以后在群里下单有专属券', []],
  ]);
});

describe('a screenshot of a private datum handed over, the request said as a mark', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 您把收到的短信验证码给小妹看一下 / c: 验证码能给别人吗 / m: 没关系的 截图发我就行', ['privacy_request']],
    // a screenshot of a bill entry, with no datum asked for, is no privacy request
    ['m: 您把支付宝账单里那笔扣款截个图 / c: 好 / m: 截图发我就行 我帮您核对', []],
  ]);
});

describe("yes to the buyer's question naming the card asked for", () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 办理延保要登记 您把身份证拍一下发过来 / c: 延保还要身份证？ / m: 是的亲 不拍的话办不了', ['privacy_request']],
    // a yes whose stake is the refund obstructs the refund (the refund rule's line), no second privacy flag
    [
      'm: 退款金额大 需要核实 您把身份证拍一下发过来 / c: 退款还要身份证? / m: 对的亲 不发的话没法给您退',
      ['refund_obstruction'],
    ],
    // the card shown at a pickup, with nothing asked for, is no request
    ['c: 去驿站取件要身份证吗？ / m: 对的亲 带上身份证就行', []],
  ]);
});

describe('the object left out in Singapore and Malaysian English', () => {
  eachMapsTo('%s → %j', onLast, [
    [
      'm: I send one code to your handphone, read me the code ok / c: the sms say cannot share / m: no problem, just send me can already',
      ['privacy_request'],
    ],
    // nothing private named before
    ['m: your parcel reach already? / c: not yet / m: ok when reach just text me can', []],
  ]);
});

describe("the speaker's own account sent to pay into is payment, not a datum asked of the buyer", () => {
  eachMapsTo('%s → %j', onLast, [
    [
      'm: cheaper if you bank in direct to me / c: ok how / m: I WhatsApp you the account number, you transfer then send me the bank-in slip',
      ['off_platform_payment'],
    ],
    [
      'm: you can pay direct to us, save the fees / c: how / m: I will text you our bank details, then send me the receipt',
      ['off_platform_payment'],
    ],
    ['m: 平台拍不了 走私下便宜二十 / c: 怎么付 / m: 小妹把卡号发您 您转完把截图发我', ['off_platform_payment']],
    // the buyer's own account asked for stays privacy
    ['m: for the refund, send me your bank account number and the PIN', ['privacy_request']],
  ]);
});
