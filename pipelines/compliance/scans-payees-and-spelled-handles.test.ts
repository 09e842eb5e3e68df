/**
 * Decision 0670: the mechanisms behind blind-P's privacy / contact / payment false flags and misses
 * (a code scanned to pay or to read the goods' papers, a number offered for a wallet, a bank account
 * with its holder, gift cards bought to pay, a handle spelled out, a number typed one digit per
 * space). Every phrasing is our own (neither a set's line nor eval/pcp-probe-16's), so a row passes
 * only when the mechanism holds. Rules only: the trained layer must not be what makes these pass.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { ComplianceDetector } from './detector.js';
import { categoriesOnLast } from './testing/calls.js';

const rules = new ComplianceDetector({ learned: false });

/** The categories flagged on the last line of a call written "m: … / c: …". */
const onLast = (call: string) => categoriesOnLast(rules, call);

describe('a code scanned to pay is a payment, a code opening the goods’ papers is nothing', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 亲 订金店里拍不了 您拿微信扫一下图上的码付就可以', ['off_platform_payment']],
    ['m: 吊牌背面有个二维码 您扫一下能看到质检报告 是品牌的官方页面', []],
    ['m: 证书上有个码 扫一下就能查鉴定证书的编号', []],
    ['m: 差价这边补不了链接 店长发张码给您 您扫了就行', ['off_platform_payment']],
    // a code scanned to add the speaker stays a contact; one sent to claim a coupon is no payment
    ['m: 平台上发图不清楚 您扫码加一下小妹微信', ['contact_exchange']],
    ['m: 小妹发个码给您 扫一下领张五元券 下单能用', []],
  ]);
});

describe('a number offered for a wallet is where to pay, not a chat', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: cash app is easiest, I can text you my number for cash app', ['off_platform_payment']],
    // an invitation with no way to pay stays a contact
    ['m: the app is slow, I can text you my number and we sort it there', ['contact_exchange']],
  ]);
});

describe('a bank, an account number and its holder are the details to send money to', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: RHB 2144 0098 7765 nama Kedai Lim, transfer dulu baru saya hantar', ['off_platform_payment']],
    ['m: 招商银行 6214 8301 2233 4410 户名王强 转好说一声', ['off_platform_payment']],
    ['m: kalau bank in terus murah sikit bos, tak payah ikut Lazada', ['off_platform_payment']],
    // the buyer's own account read back for a refund is no payee
    ['m: 您的招商银行 6214 8301 2233 4410 户名王强 对吗 退款会原路退回', []],
  ]);
});

describe('gift cards bought to pay the seller are a payment off the platform', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: the card reader is down, can you buy three Steam cards and text me the numbers', ['off_platform_payment']],
    ['m: just pick up $150 in gift cards from any store and we are good', ['off_platform_payment']],
    // a gift card spent at checkout, or given by the shop, is no such request
    ['m: sure, type the gift card code into the payment box at checkout', []],
    ['m: we will send you a $20 gift card for the trouble', []],
  ]);
});

describe('a handle spelled out or a number typed one digit per space, after the speaker’s own invitation', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 图太大了这边收不到 加下我们客服的扣扣 / m: 1 9 4 4 0 7 2 6 8 备注名字', ['contact_exchange']],
    ['m: 文件大的话加下设计师扣扣 / m: 5 5 0 3 1 8 2 7 加好友时备注订单号', ['contact_exchange']],
    ['m: 亲 这边处理慢 +个v 小妹直接给您弄 / c: v多少 / m: 字母tangtang 后面8866', ['contact_exchange']],
    // a few digits one per space is a count, not a number
    ['m: 您选的是 1 2 3 号色 对吗', []],
  ]);
});

describe('the card number on the account is still a private datum', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: I need the full card number on the account before I can check that', ['privacy_request']],
    ['m: what is the phone number on the account so I can pull it up', []],
  ]);
});
