import { describe, expect, it } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { analyzeLine, classMatches } from '../language/index.js';
import { CallReading } from './call-reading.js';
import { classifyUtterance } from './issue.js';
import { remedyOf } from './issue-cues.js';
import { call, merchantSays } from './testing/settle.js';

// Decision 0705. Phrasings written for these tests; none comes from an evaluation set or the probes.

describe("the buyer's plain no to the remedy just offered", () => {
  const standing = (...said: ['customer' | 'merchant', string][]) =>
    new CallReading(call(...said)).remedySince(0, said.length - 1);

  it('declines an offer or a proposal put on the line just before', () => {
    expect(
      standing(
        ['customer', 'the handle on the teapot is a bit wobbly'],
        ['merchant', 'Sorry! Want me to send you a new teapot?'],
        ['customer', "no thanks, it's fine honestly"],
      ),
    ).toBeNull();
    expect(
      standing(['customer', '杯子把手松了'], ['merchant', '亲 可以给您换个新的哦'], ['customer', '算了 不用了']),
    ).toBeNull();
  });

  it('says nothing after a remedy said done, or when the merchant spoke of something else since', () => {
    const reading = new CallReading(
      call(
        ['customer', '杯子把手松了'],
        ['merchant', '好的亲 给您补发一个新的 明天发出'],
        ['merchant', '还有别的需要帮忙的吗'],
        ['customer', '不用了 谢谢'],
      ),
    );
    expect(reading.remedySince(0, 3)).toEqual({ remedy: 'replacement', line: 1 });
    expect(reading.declinedLast(3)).toBe(false);
  });

  it('a promise on a declined line carries nothing out', () => {
    const reading = new CallReading(
      call(['customer', '杯子把手松了'], ['merchant', '亲 可以给您换个新的哦'], ['customer', '不用了']),
    );
    expect(reading.remedyVoid(1, 2)).toBe(true);
    expect(reading.declinedLast(2)).toBe(true);
  });
});

describe('a remedy offered through a private channel is none', () => {
  eachMapsTo('%s → %s', merchantSays, [
    ["ping me on telegram and I'll get a new one out to you from there", 'nothing'],
    ['您加一下小妹微信 那边给您安排补发', 'nothing'],
    ['给您补发一个 明天发出', 'settled reship'],
    ["I'll send a replacement today, you can pay the balance with WeChat Pay at checkout", 'settled replacement'],
  ]);
  it('and marks the line void, so a promise on it settles nothing', () => {
    expect(remedyOf(analyzeLine('加我微信 给你退二十块'), 'merchant').void).toBe(true);
  });
});

describe("an amount given back on the goods reaching the shop is the return's money", () => {
  eachMapsTo('%s → %s', merchantSays, [
    ['包裹寄回仓库签收之后 退您一百二十元', 'settled refund'],
    ['您申请退货退款就行 我们收到货后退您88元', 'settled return_refund'],
    ['给您退20元 您看可以吗', 'settled partial_refund'],
    ['给您补偿15块', 'settled partial_refund'],
  ]);
});

describe('money back in other words', () => {
  eachMapsTo('%s → %s', merchantSays, [
    ['got the boots, the $35 will go back to your card by Friday', 'settled refund'],
    ['这边给您退回上个月的19元', 'settled refund'],
    ['三个工作日内退到您的支付账户', 'settled refund'],
  ]);
});

describe('a remedy named where it is turned down is not stated', () => {
  eachMapsTo('%s → %s', merchantSays, [
    ['已经穿过的衣服 仅退款这边没法同意哦', 'nothing'],
    ['这个仅退款同意不了 亲', 'nothing'],
  ]);
  it('and the line refuses', () => {
    expect(remedyOf(analyzeLine('仅退款这边没法同意哦'), 'merchant').refuses).toBe(true);
  });
});

describe("the buyer's pick from a choice just put", () => {
  it('takes the one option of the kind asked for', () => {
    const reading = new CallReading(
      call(
        ['customer', 'the table top has a deep scratch across it'],
        [
          'merchant',
          'We can either send a new top, or a partial refund of $60 if you want to keep it as it is. Which would you prefer?',
        ],
        ['customer', "I'll go with the refund"],
        ['merchant', 'Done, the refund is processed'],
      ),
    );
    expect(reading.remedySince(0, 3)).toEqual({ remedy: 'partial_refund', line: 1 });
  });
});

describe('problems and goods in words that only look like them', () => {
  const top = (text: string) => classifyUtterance(text)[0]?.kind ?? null;
  eachMapsTo('%s → %s', top, [
    ['are you brain dead, I told you twice', null],
    ['my drone is dead after one flight', 'damaged'],
    ['会员我已经关掉了', null],
    ['somebody stole my parcel from the doorstep', 'late'],
    ['快递放在门口被人偷了', 'late'],
    ['物流显示退回仓库签收了', 'late'],
  ]);
  it('"of course" names no course', () => {
    const intangible = (t: string) => classMatches(analyzeLine(t), 'goods.intangible').length > 0;
    expect(intangible('of course, send it back within 30 days')).toBe(false);
    expect(intangible('I bought the online course last week')).toBe(true);
  });
  it("a warehouse's receipt of a return is no parcel shown delivered", () => {
    expect(top('退货地址申请通过后会显示 寄回后仓库签收就给您退')).not.toBe('late');
  });
});

describe('words found missing while scoring the sets', () => {
  eachMapsTo('%s → %s', merchantSays, [
    ['Good news, your replacement blender ships tomorrow morning', 'settled replacement'],
    ['那退您十五 行吧', 'settled partial_refund'],
    ['您退一下单', 'nothing'],
  ]);
});
