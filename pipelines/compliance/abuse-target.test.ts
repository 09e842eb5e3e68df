/**
 * Whom the words are aimed at (decision 0270): sarcasm at the person versus a buyer's sarcastic
 * complaint about the service, an insult word inside a product's name, quoted and reported words,
 * the speaker as the one who met someone ("…I've ever had"), and calling out a scam right after a
 * request for a password. Every sentence is our own, in no evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { abuseExpectations } from './testing/abuse.js';
import { flagsOnLast } from './testing/calls.js';

const detector = new ComplianceDetector();
type Line = [SpeakerRole, string];
const categories = async (...lines: Line[]) => (await flagsOnLast(detector, ...lines)).map((f) => f.category);

const { expectAbuse, expectClean } = abuseExpectations(detector);

describe('sarcasm: the person or the service', () => {
  it("leaves a buyer's sarcasm about the service's own failure", async () => {
    await expectClean('customer', [
      '呵呵 你们售后真给力 一个换货拖了二十天',
      '你们发货可真快 下单十天了还没动',
      'Oh joy, yet another canned response. Super helpful.',
      'Wow, only nine days for a reply. Very efficient.',
    ]);
  });

  it('flags praise of the person beside a mistake they made, from either side', async () => {
    await expectAbuse('customer', ['你可真聪明 这也能填错地址', 'Brilliant, you managed to lose my parcel twice.']);
    await expectAbuse('merchant', ['哟 您可真是个天才 这都能装反']);
  });

  it('flags service praise from the merchant: it mocks the buyer', async () => {
    await expectAbuse('merchant', [
      '您效率真高 让您拍个照拖了二十天',
      'Oh great, another one-word message. Very helpful.',
    ]);
  });

  it('flags mock surprise from the merchant, not a buyer at the service', async () => {
    await expectAbuse('merchant', ['Oh, you checked the tracking page? Wonders never cease.']);
    await expectClean('customer', ['You answered the phone? Wonders never cease.']);
  });
});

describe('who an insult word is about', () => {
  it('an insult word inside a product name names the product', async () => {
    await expectClean('merchant', [
      'Our Lunatic Lime salsa is back and you will love it.',
      'You should try the Moron Mocha blend, it is our strongest coffee.',
    ]);
    await expectAbuse('merchant', ['You lunatic, the salsa was never in the box.']);
  });

  it('quoted and reported words are not said to the listener', async () => {
    await expectClean('customer', ['Your colleague told me to stop being so clueless. Is that allowed?']);
    await expectClean('merchant', [
      'We never say "learn to read, idiot" to anyone here.',
      '我们从来不会跟顾客说“不会用就别用，别浪费我时间”这种话',
    ]);
  });

  it('the other party named by their role is the addressee, a third party of that role is not', async () => {
    await expectAbuse('customer', ['卖家是白痴吗 我要的是蓝色']);
    await expectAbuse('merchant', ['买家脑子有问题吧 尺码表都不看']);
    await expectClean('customer', ['上个客服是白痴 换个人跟我说吧']);
  });

  it('the speaker who met someone is no self reference: the insult is for the listener', async () => {
    await expectAbuse('merchant', [
      "You're the most entitled customer I've ever served.",
      '您是我见过最难缠的买家',
      "I can't explain it any clearer for you.",
    ]);
    await expectClean('merchant', ["You're the kindest customer I've ever served, thank you!"]);
    await expectClean('customer', ['我是我见过最笨的人 又买错了']);
  });
});

describe('calling out a scam answers the other party', () => {
  it('is not abuse right after a request for a password or a private payment', async () => {
    const ask: Line = ['merchant', '麻烦把银行卡密码报一下 小妹帮您核实'];
    expect(await categories(ask, ['customer', '你们是骗子吧'])).not.toContain('abuse');
    const askEn: Line = ['merchant', 'Can you read me the PIN for that card so I can verify it?'];
    expect(await categories(askEn, ['customer', "You're a scammer, I'm hanging up."])).not.toContain('abuse');
  });

  it('stays abuse without that request, and an insult that is no accusation stays abuse', async () => {
    expect(await categories(['merchant', '亲 在的'], ['customer', '你就是个骗子吧'])).toContain('abuse');
    const ask: Line = ['merchant', '麻烦把银行卡密码报一下 小妹帮您核实'];
    expect(await categories(ask, ['customer', '你有病吧 傻逼'])).toContain('abuse');
  });
});

describe('wider classes of the register', () => {
  it('flags contempt, dismissal and threats in forms the sets never used', async () => {
    await expectAbuse('merchant', [
      '你是用脚填的地址吧',
      '这种买家就这素质',
      '看不懂就别买 别耽误我',
      'Does English happen to be your first language? Is English even your first language?',
      'Then go shop at the flea market.',
      'Honestly, nobody with two brain cells would plug it in wet.',
      "You're one nightmare of a buyer, you know that?",
      '跟你讲了也白说 自己看详情页',
    ]);
    await expectAbuse('customer', [
      '敢不退 我让你全家鸡犬不宁',
      '你们仓库门口我每天经过 小心点',
      'Are you even paying attention to what I type?',
      'Ignore me again and my cousins will pay you a visit.',
      "I'm going to drive over and smash your shop windows.",
    ]);
  });

  it('leaves the service look-alikes', async () => {
    await expectClean('merchant', [
      'Our technician will pay you a visit on Tuesday morning.',
      "We'll take the old unit away for you.",
      '这个价格的东西 还要您自己承担运费 不太划算哦',
    ]);
    await expectClean('customer', [
      "I'll go shop elsewhere then.",
      'This mattress is so dense you can barely fold it.',
      'Your charger is useless without the adapter.',
    ]);
  });
});
