/**
 * Decision 0260: the mechanisms blind set G showed missing, one block each, with hard negatives.
 * Every phrasing here is our own and appears in no eval set.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { c, call, flagsByLine, m } from './testing/calls.js';

const detector = new ComplianceDetector();
/** [utterance, category] of every flag in the call. */
const flags = (...lines: [SpeakerRole, string][]) => flagsByLine(detector, ...lines);
const one = async (text: string) => (await flags(m(text))).map(([, category]) => category);

describe('privacy requests in the shapes agents use', () => {
  it('hears a polite question, a request after the datum and "X would help"', async () => {
    expect(await one('Mind if I borrow the CVV off the back for a sec?')).toEqual(['privacy_request']);
    expect(await one('Could I just get the expiration date on that card?')).toEqual(['privacy_request']);
    expect(await one('If you could share the PIN we can release the hold today')).toEqual(['privacy_request']);
    expect(await one('Your online banking password would really help here')).toEqual(['privacy_request']);
    expect(await one('您把证件号码敲出来给小妹也可以')).toEqual(['privacy_request']);
  });

  it('leaves lawful requests alone: an order number, a photo, a datum the buyer types in the app', async () => {
    expect(await one('Could I grab your order number so I can pull it up?')).toEqual([]);
    expect(await one('A photo of the torn box would help too.')).toEqual([]);
    expect(await one('Please do not read me any code, just enter it in the app yourself.')).toEqual([]);
    expect(await one('麻烦把订单编号打出来给小妹')).toEqual([]);
  });

  it('hears a request without a verb, alone or pressing an earlier one', async () => {
    expect(await one('Only your card PIN, please.')).toEqual(['privacy_request']);
    expect(await flags(m('你收到的验证码报一下哦'), c('嗯'), m('只要最后那几位 就行'))).toEqual([
      [0, 'privacy_request'],
      [2, 'privacy_request'],
    ]);
    expect(await one('Just the order number, please.')).toEqual([]);
  });

  it('reads the datum named again in answer to the buyer asking what it is as a new request', async () => {
    expect(
      await flags(m('Can you tell me the passcode we just texted?'), c('which passcode?'), m('the four digit one')),
    ).toEqual([
      [0, 'privacy_request'],
      [2, 'privacy_request'],
    ]);
    expect(await flags(m('短信验证码麻烦念一下给我'), c('哪个码？'), m('刚刚发到您手机上那串'))).toEqual([
      [0, 'privacy_request'],
      [2, 'privacy_request'],
    ]);
    // Named again to warn, it asks for nothing.
    expect(await flags(m('验证码收到了吧 念一下'), c('什么码？'), m('算了 验证码千万不要告诉任何人'))).toEqual([
      [0, 'privacy_request'],
    ]);
  });

  it('knows a datum by what it is used for', async () => {
    expect(await one('登录时输入的那串密码发小妹一下')).toEqual(['privacy_request']);
    expect(await one('Tell me the digits you punch in at the ATM')).toEqual(['privacy_request']);
  });
});

describe('contact: every way a chat app, an invitation and a bypass are named', () => {
  it('hears homophones, nicknames and invitations that name their own channel', async () => {
    expect(await one('亲 加小妹薇芯吧 那边方便发图')).toEqual(['contact_exchange']);
    expect(await one('inbox me on tele, quicker')).toEqual(['contact_exchange']);
    expect(await one('Drop me a line at my gmail and I will sort it')).toEqual(['contact_exchange']);
    expect(await one('有急事直接拨我私人手机')).toEqual(['contact_exchange']);
    expect(await one('Text my cell when the parcel shows up')).toEqual(['contact_exchange']);
  });

  it('leaves the chat here, the hotline and the courier alone', async () => {
    expect(await one('You can message me here in this chat any time.')).toEqual([]);
    expect(await one('有问题打我们客服热线就行')).toEqual([]);
    expect(await one('The courier will call your cell before he drops it off.')).toEqual([]);
    expect(await one('Heads up: sellers who ask you to PM them on Telegram are scammers.')).toEqual([]);
  });

  it('reads a named bypass of the marketplace, and a further invitation after one', async () => {
    expect(await one('别在拼多多上聊了 微信上说')).toEqual(['contact_exchange']);
    expect(await one('Easier to chat outside eBay, WhatsApp me')).toEqual(['contact_exchange']);
    expect(
      await flags(m('扫码加上我 以后售后直接找我 不用在淘宝上排队'), c('哦'), m('加了之后拉您进我们的福利群')),
    ).toEqual([
      [0, 'contact_exchange'],
      [2, 'contact_exchange'],
    ]);
    expect(await one('不要在平台外交易哦 容易被骗')).toEqual([]);
  });

  it('hears a number whose first part is a country code, and an id described instead of spelled', async () => {
    expect(await flags(m('Message me on WhatsApp instead'), m('plus forty-four'), m('7700 900 123'))).toEqual([
      [0, 'contact_exchange'],
      [1, 'contact_exchange'],
      [2, 'contact_exchange'],
    ]);
    expect(await flags(m('加我v吧'), c('v号多少'), m('就是店名的拼音缩写'))).toEqual([
      [0, 'contact_exchange'],
      [2, 'contact_exchange'],
    ]);
  });
});

describe('payment: wallets of every region, code-switched, paid out privately', () => {
  it('hears regional wallets with an id, and pay verbs switched into Chinese', async () => {
    expect(await one('GCash to 0917 555 2468 then ok na')).toEqual(['off_platform_payment']);
    expect(await one('你 bank in 我 就可以 不用排队')).toEqual(['off_platform_payment']);
    expect(await one('Venmo it straight to me and I will ship tonight')).toEqual(['off_platform_payment']);
    expect(await one('You can pay with PayPal at checkout as usual.')).toEqual([]);
    expect(await one('send the balance straight to me and skip the fees')).toEqual(['off_platform_payment']);
  });

  it('leaves "send" alone when what is sent is not money: photos, videos, a screenshot in the chat', async () => {
    expect(await one('亲 麻烦拍个照片 send 给我 我看一下')).toEqual([]);
    expect(await one('Just send them straight to me here in the chat and I will sort it')).toEqual([]);
    expect(await one('send it to me directly in this chat window please')).toEqual([]);
  });

  it('hears a private payout and the proof of a private payment', async () => {
    expect(await one('这样吧 私下赔您30 这事就算了')).toEqual(['off_platform_payment']);
    expect(await flags(m('扫我这个码付尾款'), c('好'), m('转完记得截图发我'))).toEqual([
      [0, 'off_platform_payment'],
      [2, 'off_platform_payment'],
    ]);
    expect(await one('补偿的5块 平台会原路退到您账户')).toEqual([]);
  });

  it('hears where to pay after a private route, and a bypass sold with a discount', async () => {
    expect(
      await flags(m('Pay me through Cash App and skip the fees'), c('whats your cashtag'), m('@lampworks_sam')),
    ).toEqual([
      [0, 'off_platform_payment'],
      [2, 'off_platform_payment'],
    ]);
    expect(await one('不在平台上拍的话 给您便宜30')).toEqual(['off_platform_payment']);
    expect(await one('We ship directly from the warehouse, free shipping on this one.')).toEqual([]);
    expect(await one('包邮的亲 直接在店里拍就行')).toEqual([]);
  });
});

describe('evidence', () => {
  it('is the violation with its handle, never the next violation on the line', async () => {
    const [contact, payment] = await detector.detect(call(m('您加我微信 lily_0825，我私下返您20')));
    expect(contact).toMatchObject({ category: 'contact_exchange', evidence: '加我微信 lily_0825' });
    expect(payment).toMatchObject({ category: 'off_platform_payment' });
    expect(payment!.evidence).not.toContain('lily');
  });
});

describe('warnings that name the private route', () => {
  it('reads "the platform cannot protect you" and "keep it here" as a warning, not an invitation', async () => {
    expect(await one('私下沟通的话平台没法保障您的权益 建议都在这里聊哈')).toEqual([]);
    expect(await one('私下转账的话无法保障您的资金安全 建议还是走平台付款')).toEqual([]);
    expect(await one('加我微信吧 这里回复慢 微信上私下沟通方便')).toEqual(['contact_exchange']);
  });
});
