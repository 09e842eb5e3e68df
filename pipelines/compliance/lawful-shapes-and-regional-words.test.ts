/**
 * Decision 0560: the lawful shapes blind-M's false flags misread, the privacy / contact / payment
 * mechanisms its misses showed, and Taiwan / Hong Kong words the one-to-one character fold leaves
 * apart. Every phrasing is our own (neither M's nor eval/precision-probe-14's), so a row passes only
 * when the mechanism holds. Rules only: the trained layer must not be what makes these pass.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { ComplianceDetector } from './detector.js';
import { categoriesOnLast } from './testing/calls.js';

const rules = new ComplianceDetector({ learned: false });

/** The categories flagged on the last line of a call written "m: … / c: …". */
const onLast = (call: string) => categoriesOnLast(rules, call);

describe('yes to the buyer asking to be called or e-mailed is service, not an exchange', () => {
  eachMapsTo('%s → %j', onLast, [
    ['c: 到了之前可以先给我打个电话吗 / m: 可以的 已经备注给配送员了', []],
    ['c: 报告出来了会发邮件给我吗 / m: 会的亲', []],
    ['c: could the installer phone me the day before / m: of course, he will ring the number on the order', []],
    ['c: do you guys email me the label / m: yes', []],
    // a chat app asked about stays an exchange
    ['c: 能加你微信聊吗 / m: 行', ['contact_exchange']],
    ['c: could you message me on telegram instead / m: sure', ['contact_exchange']],
  ]);
});

describe('a code sent to the phone: the phone is where it went, the code is the datum', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 我啱啱 send 咗條 code 去你手機 讀俾我聽下', ['privacy_request']],
    ['m: 系统给您发了条短信 您把短信里面的数字报给小妹', ['privacy_request']],
    // the phone named alone as where a parcel notice goes is no request
    ['m: 快递到了会发短信到您手机 您留意一下', []],
  ]);
});

describe('entering a datum on the buyer’s own device or page is no handover', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 您进摄像头的设置里面 输一下家里wifi密码就连上了', []],
    ['m: go into the settings and key your wifi password in there yourself', []],
    ['m: 您把wifi密码报给小妹 小妹这边帮您配', ['privacy_request']],
  ]);
});

describe('a way around the shop’s checkout with a reason is a private sale', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 要得多的话别在店铺里拍了 平台抽成太高', ['off_platform_payment']],
    ['m: 批量的话直接跟小妹下单 店里拍要扣点', ['off_platform_payment']],
    ['m: for ten of them just buy directly from me, the marketplace takes a big cut', ['off_platform_payment']],
    // a new link, a free reship, no reason to leave: lawful
    ['m: 这个链接失效了 别在这里拍了 小妹发您新的链接', []],
    ['m: 不用重新下单 小妹直接补发给您', []],
    ['m: 有需要随时找我下单哦', []],
    // talk moved off the site is no sale (a contact matter if a channel follows), nor is the buyer told
    // to order on the platform
    ['m: sure, but it is simpler to go over the design outside the site', []],
    ['m: 您直接在店里拍就行 不用找我', []],
  ]);
});

describe('the payee’s account or a transfer note after the speaker’s own private way', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 差价转我支付宝就行 / c: 好 / m: 支付宝账号我马上私发您', ['off_platform_payment']],
    ['m: 小妹发您个人收款码 / c: 嗯 / m: 扫完备注一下手机尾号', ['off_platform_payment']],
    ['m: just bank in the balance to me / c: ok / m: my Maybank account details coming now', ['off_platform_payment']],
    // with no private way before, an account or a note is the platform's own
    ['m: 退款会退到您的支付宝账户', []],
    ['m: 拍下的时候备注一下尺码哦', []],
    // the buyer's own account asked for after a private refund is the privacy request, not where to pay
    ['m: 我直接转账退给您 / m: 您发一下您的银行卡号和户名', ['privacy_request']],
    ['m: I can Venmo you the refund today / m: just send me your bank account and routing number', ['privacy_request']],
  ]);
});

describe('pressing past a refusal that does not name the datum', () => {
  eachMapsTo('%s → %j', onLast, [
    [
      'm: send me your account email and password and I will fix it / c: can you not do it from your end / m: it is quicker this way, you can reset the password afterwards',
      ['privacy_request'],
    ],
    // advice with no request before it is no renewed request
    ['c: I think someone logged in / m: please reset your password afterwards just in case', []],
  ]);
});

describe('a photo of an identity document asked for', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: to release the refund we need a scan of your passport', ['privacy_request']],
    ['m: I’ll need a picture of your driving licence first', ['privacy_request']],
    ['m: we need a photo of the dent and the shipping label', []],
  ]);
});

describe('Taiwan and Hong Kong words for the same data', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 麻煩您把身分證字號唸一下', ['privacy_request']],
    ['m: 手機會收到一封簡訊 把裡面的認證碼告訴我', ['privacy_request']],
    ['m: 你嘅一次性密碼講俾我聽', ['privacy_request']],
    ['m: 提款卡背面末三碼報給我', ['privacy_request']],
    ['m: 平台上傳照片很慢 加我賴比較方便', ['contact_exchange']],
    // warnings and a lawful page, and 賴 that is no app
    ['m: 簡訊認證碼請勿提供給任何人喔', []],
    ['m: 身分證字號請在App實名頁面自己填寫', []],
    ['m: 這個不能賴給物流 是我們包裝的問題', []],
  ]);
});
