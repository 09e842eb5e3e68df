/**
 * Abuse as classes and frames (decision 0220): sarcasm, rhetorical contempt, price-shaming, blame,
 * conditional threats and exposure. Every sentence here is our own, in no evaluation set; each
 * positive has a service look-alike sharing its words that must stay unflagged.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { analyzeLine, lexicon, negationOver } from '../language/index.js';
import { ComplianceDetector } from './detector.js';
import { abuseExpectations } from './testing/abuse.js';
import { flagsOnLast } from './testing/calls.js';

const detector = new ComplianceDetector();
const flagsOn = (...lines: [SpeakerRole, string][]) => flagsOnLast(detector, ...lines);

const { expectAbuse, expectClean } = abuseExpectations(detector);

describe('sarcasm: praise beside a cue that it means the opposite', () => {
  it('flags praise of the other party next to a sneer or the failure it mocks', async () => {
    await expectAbuse('customer', ['你可真会办事 催了一个多月才回我', 'Oh sure, brilliant, you read the label']);
    await expectAbuse('merchant', [
      '啧啧 您可真会挑 这么明显的色差都没看到',
      'Well done, you found the reset button. Only took you three calls',
    ]);
  });

  it('leaves praise alone, and a sneer or a complaint alone', async () => {
    await expectClean('customer', [
      // The buyer's sarcasm about the service's own delay is a complaint, not abuse (decision 0270).
      '你们售后可真及时 催了一个多月才回我',
      '你们售后可真及时 昨天说今天就修好了 佩服佩服',
      '我真是服了 催了一个多月还没到',
      'brilliant, thanks so much',
    ]);
    await expectClean('merchant', [
      '亲 您可真会挑 这款是今年的爆款',
      'Great job finding the order number, that helps a lot',
    ]);
  });
});

describe('rhetorical contempt without a swear word', () => {
  it('flags scorn of competence, worth and motive', async () => {
    await expectAbuse('merchant', [
      '你懂个啥 这机器我们卖了八年',
      '这种小毛病也好意思来退',
      '别人都调好了 就你调不好',
      '你就是存心来找事的',
      'Did you even go to middle school?',
      'Do you want me to spell it out for you?',
    ]);
    await expectAbuse('customer', ['就你这工作态度 还好意思要好评', 'I get better support from a magic 8-ball']);
  });

  it('leaves the same words in service talk', async () => {
    await expectClean('merchant', [
      '亲 这款也配了两个滤芯 不用另买',
      '亲 别的买家也遇到过 小妹教您调一下',
      'Do you need me to resend the invoice?',
      "If you can't follow the diagram, send me a photo and I'll guide you",
    ]);
    await expectClean('customer', [
      '我不太懂这个 你帮我看看',
      '说人话就是 能不能换新',
      'you people have been lovely, thanks',
    ]);
    await expectAbuse('customer', ['你能不能说句人话 我问的是运费']);
  });
});

describe('two-clause contempt: a cheap price then a petty remark; the buyer’s own mistake then blame', () => {
  it('flags them across the two clauses', async () => {
    await expectAbuse('merchant', [
      '六块八包邮的东西 至于这样吗',
      '自己没看尺码表 还怪我们衣服小',
      'A chip on a $6 cup, the horror',
    ]);
  });

  it('leaves a cheap price, or self-blame, alone', async () => {
    await expectClean('merchant', [
      '亲 六块八包邮的东西 小妹直接给您退款 不用寄回',
      '亲 三十块钱的东西 您还想要什么颜色 小妹给您换',
    ]);
    await expectClean('customer', ['都怪我自己没看尺码表 还怪衣服 不好意思']);
  });
});

describe('threats: a condition on the other party’s act, exposure, coming for them', () => {
  it('flags a condition followed by harm, or by where they can be found', async () => {
    await expectAbuse('merchant', [
      '你敢再投诉一次 别怪我不客气',
      '再写差评 你单位地址我可是都知道',
      'Leave one more review and see what happens',
      'Drop the dispute or I’ll be waiting outside your office',
    ]);
  });

  it('flags exposing the other party’s information and coming to find them', async () => {
    await expectAbuse('merchant', [
      '我把你的照片和电话挂到业主群里去',
      'Your address and photo will end up on every forum',
    ]);
    await expectAbuse('customer', [
      '不退钱我就带几个人去你们公司门口等你',
      'if I dont get a refund I’m coming down there to find you',
    ]);
  });

  it('flags where the buyer lives said as leverage, in the forms the register uses', async () => {
    await expectAbuse('merchant', [
      '你不就住在黄河路6号吗 晚上别一个人出门',
      '我们这边有你家地址的 你最好考虑清楚',
      '你家地址在快递单上写着呢 我随时能过去',
      'you live in that grey house on Hill Street right i drive past it most days',
    ]);
    await expectClean('merchant', ['亲 我们有您的收货地址 直接给您寄过去', '亲 师傅随时可以上门 您看哪天方便']);
  });

  it('flags two details of where someone is, read back together', async () => {
    await expectAbuse('merchant', ['你在第二人民医院上班是吧 你家住滨江花园3栋吧']);
  });

  it('leaves service offers that share the words', async () => {
    await expectClean('merchant', [
      '亲 不然您先申请退款 小妹这边马上处理',
      "I'll find you a better deal on the bundle",
      "Or I'll send you a prepaid label, whichever you like",
      '亲 您的收货地址是滨江花园3栋对吧 出门小心 今天下雨',
      "You live on Elm Street? Great, that's in our same-day zone",
    ]);
    await expectClean('customer', ['我知道你们仓库在哪 我自己过去取可以吗']);
  });

  it('counts a repeated demand after a flagged threat as the same incident, a renewed warning as a new one', async () => {
    const call: [SpeakerRole, string][] = [
      ['merchant', 'You live on Cedar Road, right? Be a shame if your review stayed up.'],
      ['customer', 'is that a threat?'],
    ];
    const pressed = await flagsOn(...call, ['merchant', 'Delete the review.']);
    expect(pressed.filter((f) => f.category === 'abuse')).toEqual([]);
    const renewed = await flagsOn(...call, ['merchant', 'Think twice about that review.']);
    expect(renewed.filter((f) => f.category === 'abuse')).toHaveLength(1);
  });

  it('reads "or else" and "you\'ll regret" as threats only after a demand or a condition', async () => {
    await expectAbuse('merchant', ['Pull the rating, or else.', 'One more bad review and you will regret it']);
    await expectClean('merchant', [
      'Or else we can send a courier to collect it, your choice',
      "You'll regret skipping the screen protector, trust me",
      '不买你会后悔的 这个价只有今天',
    ]);
  });

  it('reads a negation inside an unpunctuated condition as the condition’s own', () => {
    const a = analyzeLine("if you don't pay me back I'm coming over to your place");
    const at = a.norm.indexOf("I'm coming");
    expect(negationOver(a, [at, at + 10])).toBeUndefined();
    // With no condition, the negation still reaches the rest of the clause.
    const b = analyzeLine("I don't think I'm coming over today");
    const bt = b.norm.indexOf("I'm coming");
    expect(negationOver(b, [bt, bt + 10])).toBeDefined();
  });
});

describe('insults in the register: disguised spellings and addressed name-calling', () => {
  it('flags disguised insults said to the other party', async () => {
    await expectAbuse('customer', ['你是s.b吗 我说的是退款', '你们这帮废物 一个快递查三天', 'u r such a moron']);
    await expectAbuse('merchant', ['死老赖', 'What a dimwit, the cable is in the box']);
  });

  it('reads 快递 as the parcel, so mocking the buyer about it is not about a third party', async () => {
    await expectAbuse('merchant', ['连个快递都不会拆 还网购']);
  });

  it('leaves emphasis, self-insult, couriers and quotes unflagged', async () => {
    await expectClean('customer', [
      'tmd 这个耳机也太好听了',
      '我真是个脑瘫 又买错型号',
      '中通那帮废物 又把件弄丢了',
      '我室友跟我说 你懂个屁 气死了',
      'the courier texted me "stfu lady", is that allowed?',
    ]);
  });
});

it('keeps every abuse lexicon entry behind the literal gate', () => {
  const ungated = lexicon()
    .entries.filter((e) => e.file === 'abuse.lexicon.json' && e.literals === null)
    .map((e) => e.id);
  expect(ungated).toEqual([]);
});
