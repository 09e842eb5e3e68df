/**
 * Decision 0870: privacy / contact / payment by mechanism after S was opened. 扣 as "deduct" and
 * "come to me if anything goes wrong" invite no contact; a code scanned to register or to pay an amount
 * with no unit is no chat invitation; QQ said as one letter after the add verb, and a chat app named
 * as where to talk, are; Cantonese and no-question-mark balks are questions; the private payment pressed
 * again after the buyer balked is a new act; a transfer verb fused with its object into my account, and
 * an account promised in a private message, are payments. Every phrasing is our own (no set's line, nor
 * eval/pcps-probe-19's). Rules only: the trained layer is off.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { ComplianceDetector } from './detector.js';
import { categoriesOnLast } from './testing/calls.js';

const rules = new ComplianceDetector({ learned: false });
const onLast = (call: string) => categoriesOnLast(rules, call);

describe('扣 as deduct, and "come to me if anything goes wrong", invite no contact', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 差评多了平台会扣我们分的 这个月已经扣了两次', []],
    ['m: 退货运费平台不会扣我的钱 您放心', []],
    ['m: 以后水果直接微信转我 比店里便宜 / c: 那烂了咋整 / m: 有问题找我就行 店里还要抽点', ['off_platform_payment']],
    // 扣 as QQ with the speaker's number still invites
    ['m: 平台发不了图 扣我 二九八八七六五四', ['contact_exchange']],
  ]);
});

describe('a code scanned to register, or to pay a bare amount', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 说明书背面有个码 扫一下就可以激活保修', []],
    ['m: 差的运费您扫一下付十五就好', ['off_platform_payment']],
  ]);
});

describe('QQ said as one letter, and a chat app named as where to talk', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 平台发图会糊 加个q 我传原图给您', ['contact_exchange']],
    ['m: 这边回复太慢 微信上聊吧', ['contact_exchange']],
    ['m: 这款面条很Q弹 煮三分钟就行', []],
    ['m: 麻烦把当时的微信聊天记录截图发一下 我们核对物流', []],
  ]);
});

describe('a balk without a question mark, and a Cantonese question, are questions', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 刚发到您手机的验证码报一下 / c: 验证码也要说啊 / m: 没事的 绑完您再改一下就行', ['privacy_request']],
    ['m: 你直接過數俾我啦 平台抽佣 平啲 / c: 喺平台買唔得咩 / m: 過數快啲', ['off_platform_payment']],
  ]);
});

describe('the private payment pressed again after the buyer balked', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 直接转我支付宝 省得平台扣点 / c: 不在平台付安全吗 / m: 放心 转账备注下单号就行', ['off_platform_payment']],
    ['m: 定金扫我这个收款码 / c: 这不是店里的码吧 / m: 一样的 先付两百到这个码', ['off_platform_payment']],
    // going back to checkout after the balk
    ['m: 直接转我支付宝 省得平台扣点 / c: 不能在平台买吗 / m: 可以的 您在平台拍下就行', []],
    // a lawful answer to a question about the platform's own fee
    ['m: 运费险是平台收的 / c: 不能退吗 / m: 退货成功后运费险会自动理赔', []],
  ]);
});

describe('a transfer verb fused with its object, an account sent privately', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 您直接打款到我的银行卡 可以少五十', ['off_platform_payment']],
    ['m: 账号我稍后私信给你 转完截个图', ['off_platform_payment']],
    ['m: 退款会原路打款到您的银行卡 一到三天', []],
  ]);
});

describe("the shop's company account, a national login, a partial key of the shop's own code", () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 量大的话您直接汇我们公司户 给您再让两个点', ['off_platform_payment']],
    ['m: 发票可以开 您下单时填公司抬头就行', []],
    ['m: can I get your IC number please / c: ok / m: and also your MyGov login so I can verify', ['privacy_request']],
    ["m: what are the last 4 characters of the voucher code? I'll look it up", []],
    ['m: can you read me the last 4 of your card number', ['privacy_request']],
  ]);
});

describe('a wallet id pressed without a verb after a private payout, things sent to the buyer', () => {
  eachMapsTo('%s → %j', onLast, [
    [
      "m: I'll just paypal you the refund directly, skip the site / c: ok how / m: just your paypal email",
      ['off_platform_payment'],
    ],
    ["m: it's easier to send you fabric swatches over WhatsApp, messages here blur the pictures", ['contact_exchange']],
  ]);
});

describe('look-alikes found on the other development sets', () => {
  eachMapsTo('%s → %j', onLast, [
    // records only shown, beside an invitation: the invitation stands
    ['m: 不放心的话加小妹v 给您看别的顾客的聊天记录', ['contact_exchange']],
    // back to the platform's link after the buyer balked
    ['m: 定金直接转我支付宝 / c: 不能在平台拍吗 / m: 也行 小妹待会发您一个补差价链接', []],
  ]);
});
