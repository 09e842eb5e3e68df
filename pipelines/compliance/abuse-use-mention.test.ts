/**
 * Abuse lexicon v7 and rules v8 (decision 0380): whose words an insult is (the extent of a report
 * or a quotation), whether it is used or only mentioned or denied, and whom it is said to when the
 * speaker is named after it. Every sentence is our own, in no evaluation set or probe; each
 * mechanism is checked both ways.
 */
import { describe, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { abuseExpectations } from './testing/abuse.js';

const detector = new ComplianceDetector();

const { expectAbuse, expectClean } = abuseExpectations(detector);

describe('reported words', () => {
  it('a report whose cue ends with what was said back (回我一句) covers the next clause', async () => {
    await expectClean('customer', ['售后直接冲我来了一句 你是猪吗 我都气笑了', '上次那个客服回了我一句 神经病']);
  });

  it('a report inside a relative clause or by someone unnamed is not the speaker insulting', async () => {
    await expectClean('merchant', ['骂您没素质的那个骑手我们已经投诉了', '评论里有人写着店主是骗子 我们已申诉']);
    await expectClean('customer', ['Somebody on the forum called your support team clueless idiots, fair?']);
    await expectClean('customer', ['My brother always says I am a moron with gadgets']);
  });

  it('a quotation in single quotes keeps an apostrophe inside it', async () => {
    await expectClean('customer', ["The reply email literally said 'you're a liar and a cheapskate'"]);
  });

  it('the same insults said by the speaker are still abuse', async () => {
    await expectAbuse('merchant', ['你是猪吗 说了多少遍了', '神经病 别来烦我']);
    await expectAbuse('customer', ["you're a clueless idiot"]);
  });
});

describe('used, mentioned or denied', () => {
  it('talking about an insulting word or about insulting leaves the line unflagged', async () => {
    await expectClean('merchant', ['亲 我们规定客服不能说顾客是傻子 您放心', '"弱智"这种词我们店里是不让说的']);
    await expectClean('customer', ['Is moron a slur or just rude where you live?']);
  });

  it('a denial of the insult is no insult', async () => {
    await expectClean('merchant', [
      '我不是说您笨 是这个开关藏得太深了',
      "I'm not saying you're dumb, the app hides that button",
    ]);
    await expectClean('merchant', ['No one thinks you are stupid for asking twice']);
  });

  it('without the denial the same words are abuse', async () => {
    await expectAbuse('merchant', ['您真笨 这个开关都找不到', "you're dumb, the button is right there"]);
  });
});

describe('the speaker named after the insult', () => {
  it('is whom it is said to when words stand between them', async () => {
    await expectAbuse('merchant', ['傻X 自己装反了还来怪我', 'sb 天天来烦我']);
  });

  it('is whom it is about when named right after it', async () => {
    await expectClean('customer', ['笨死我了 原来要先充电', 'stupid me, the plug was loose']);
  });
});

describe('compounds', () => {
  it('an insult word inside a harmless compound is no insult', async () => {
    await expectClean('customer', ['你们这款是不是傻瓜式的 老人能用吗']);
    await expectAbuse('merchant', ['你是不是傻 说明书写着呢']);
  });
});

describe('contempt and threats without a swear word', () => {
  it('flags a task the other party could not do, a fault turned back, and a price made petty', async () => {
    await expectAbuse('merchant', ['尺码表都看不懂 还来退货', '自己体质不行还怪我们衣服', '十几块东西还事多']);
  });

  it('flags knowing where the other party’s family can be found', async () => {
    await expectAbuse('merchant', ['你女儿在哪读书我们都查得到']);
  });

  it('leaves the same words in service talk alone', async () => {
    await expectClean('customer', ['you guys are the best, thanks']);
    await expectClean('merchant', ['亲 尺码表我们都标好了 您量一下再选', '几十块东西也给您包邮哦']);
  });
});
