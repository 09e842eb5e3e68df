/**
 * Abuse lexicon v4 and the generic-target frame (decision 0245): contempt that questions the other
 * party's competence or humanity, sarcasm with mock titles and shrugs, threats of harm, waylaying,
 * finding and exposing, pointed groups. Every sentence is our own, in no evaluation set; each family
 * has service look-alikes sharing its words that must stay unflagged.
 */
import { describe, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { abuseExpectations } from './testing/abuse.js';

const detector = new ComplianceDetector();

const { expectAbuse, expectClean } = abuseExpectations(detector);

describe('contempt: questioning competence, sense or humanity', () => {
  it('flags the rhetorical question and the jab', async () => {
    await expectAbuse('customer', [
      '你是听不懂人话吗 我要的是退款',
      '你是复读机吧 问什么都回这句',
      '你算哪根葱 让你们主管来',
      'did they even train you before putting you on the phone?',
      'could you transfer me to someone with a brain',
    ]);
    await expectAbuse('merchant', [
      '长没长脑子 型号都写在盒子上',
      '下次下单前动动脑子好吗',
      'Can you even count? It says two per pack',
      'use your head, the plug only fits one way',
      'a five-year-old could handle this, just twist the cap',
      'Some folks should not be allowed near a checkout button',
    ]);
  });

  it('leaves the same words in service talk', async () => {
    await expectClean('merchant', [
      '您是不会安装吗 小妹给您发个安装视频',
      '亲 这个操作特别简单 小孩子都会用',
      'Can you read me the model number on the sticker?',
      'Could you spell the street name for me?',
      "It's so simple a child could set it up, that's why parents love it",
      'We hear from customers like you about this every week, thanks for flagging it',
      'Are you trained on our new app yet? I can walk you through it',
    ]);
    await expectClean('customer', ['亲 这是什么玩意儿呀 图上没看到', '这破快递 什么玩意儿 又晚了']);
  });
});

describe('sarcasm: praise, mock titles and shrugs beside a cue of scorn', () => {
  it('flags praise or a mock honorific next to the failure it mocks', async () => {
    await expectAbuse('merchant', [
      '哟 大少爷终于想起来付尾款了',
      '您可真行 一个开关能按成这样',
      '行行行 你说的都对 满意了吧',
      'oh sure, let me just turn back time for you',
      'bravo, you pressed the reset button. only took you a week',
    ]);
  });

  it('leaves real praise, real honorifics and a plain yes alone', async () => {
    await expectClean('merchant', [
      '您老人家慢慢看 不着急的',
      '您高兴就好 有问题随时找小妹',
      '好的 您说了算 我们按您说的改地址',
      'great, let me just check that for you',
    ]);
  });
});

describe('threats: harm, lying in wait, finding them at home, exposing them', () => {
  it('flags them', async () => {
    await expectAbuse('customer', [
      '你再挂我电话 我就去把你们店招牌砸了',
      '下班路上别让我遇到你',
      '我知道你们公司在哪 明天去门口堵你',
      '你给我小心着点',
      'I know where your office is.',
    ]);
    await expectAbuse('merchant', [
      '再闹下去 我就把你的住址发到网上',
      '我让你在这个平台一单都买不了',
      'keep it up and the whole street will know your address',
    ]);
  });

  it('leaves a buyer’s lawful recourse and the same words in service talk alone', async () => {
    await expectClean('customer', [
      '我要打12315投诉你们',
      '再不处理我就报警 然后去法院起诉',
      "I'm leaving a one-star review and reporting this to the marketplace",
      '路上有点堵 快递晚点没关系',
      '我知道你们店在哪 下次直接去店里买',
    ]);
    await expectClean('merchant', [
      '麻烦把你的地址和电话发到我这边 我给你登记',
      '我们仓库不小心把你的杯子打碎了 实在抱歉',
      '师傅说找到你家了 在楼下等你',
      'your number is on file, we will text you when it ships',
    ]);
  });
});

describe('a pointed group said instead of the listener', () => {
  it('flags an insult or slight said of 某些人 / "some people"', async () => {
    await expectAbuse('merchant', ['某些人就是不识字 说明书第一页就有']);
    await expectAbuse('customer', ["some people really can't follow simple instructions, huh"]);
  });

  it('leaves a group in service talk, and a named third party', async () => {
    await expectClean('merchant', ['有些人说这款偏小 亲可以拍大一码', 'some customers prefer the matte finish']);
    await expectClean('customer', ['有些快递员就是素质差 不关你们的事']);
  });
});

describe('reported and cursed-at third parties', () => {
  it('reads "the agent said I …" as reported, and 狗日的 before a noun as cursing the noun', async () => {
    await expectClean('customer', ['你们那个售后说我没钱就别买 这是什么态度', '狗日的物流又卡住了']);
    await expectAbuse('customer', ['狗日的 你再说一遍']);
  });
});
