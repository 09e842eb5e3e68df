import { describe, expect, it } from 'vitest';
import { allTo, eachMapsTo } from '../../test/table.js';
import { analyzeLine } from '../language/index.js';
import { CallReading } from './call-reading.js';
import { classifyUtterance, type IssueAssessment } from './issue.js';
import { remedyOf } from './issue-cues.js';
import { remedyLine } from './reply-templates.js';
import { settleOn } from './remedy.js';
import { NO_ORDER_FACTS } from './testing/order-facts.js';
import { call, issueOf, merchantSays } from './testing/settle.js';

// Decision 0620. Phrasings written for these tests; none comes from an evaluation set or the probes.
const refuses = (text: string) => remedyOf(analyzeLine(text), 'merchant').refuses;

describe('a return turned down or obstructed settles nothing', () => {
  eachMapsTo(
    'refused: %s → %s',
    refuses,
    allTo(
      [
        "sorry, we can't take returns on opened software",
        "I'm afraid we're unable to process a refund after 60 days",
        '过了售后期了 真的没办法给你换了',
        '退货可以 但是要收百分之十五的手续费',
        "there's a 15% restocking fee on that",
        '这单退款只能退成店铺余额哦',
      ],
      true,
    ),
  );
  eachMapsTo(
    'not refused: %s → %s',
    refuses,
    allTo(["we'll take it back, no questions asked", '给您退款 手续费我们承担'], false),
  );
});

describe('remedy words of this decision', () => {
  eachMapsTo('%s → %s', merchantSays, [
    ['给您补寄一个新的滤网 明天发出', 'settled replacement'],
    ["I've reversed the duplicate charge, it'll show on your card in a few days", 'settled refund'],
    ["we've submitted a reversal for the extra payment", 'settled refund'],
    ['您看是给您补发 还是给您退款呢', 'choice refund+reship'],
  ]);
});

describe('problems said in words the lexicon lacked', () => {
  const top = (text: string) => classifyUtterance(text)[0]?.kind ?? null;
  eachMapsTo('%s → %s', top, [
    ['碗边上磕了个口', 'damaged'],
    ['the dresser arrived scuffed on one side', 'damaged'],
    ['这本书缺页 中间少了几页', 'missing_item'],
    ['honestly the jacket is just not my style', 'changed_mind'],
  ]);
});

const settled = (kind: IssueAssessment['kind'], issueText = '') =>
  settleOn(
    [],
    { remedy: 'refund', line: 1 },
    { facts: NO_ORDER_FACTS, issue: issueOf(kind), language: 'zh', issueText },
  )[0]?.kind;

describe('money back for part of an order', () => {
  it('the missing items of an order that otherwise came, and a price drop, are a part refund', () => {
    expect(settled('missing_item')).toBe('partial_refund');
    expect(settled('price_drop')).toBe('partial_refund');
    expect(settled('damaged')).toBe('refund_only');
  });

  it('an empty box is the whole order', () => {
    expect(settled('missing_item', '快递到了 拆开是个空盒子')).toBe('refund_only');
    expect(settled('missing_item', 'the box was empty when I opened it')).toBe('refund_only');
  });
});

describe('the reply for a missing item refunded', () => {
  it('speaks of the missing goods, not of a damaged share', () => {
    const option = {
      kind: 'partial_refund' as const,
      amount: 0,
      amountToBeConfirmed: true,
      currency: 'CNY' as const,
      policy: 'zh.missing.items',
      recommended: false,
      rationale: '',
      orderId: null,
    };
    expect(remedyLine(option, null, 'zh', false)).toContain('少发');
    expect(remedyLine({ ...option, policy: 'en.missing.items', currency: 'USD' }, null, 'en', false)).toContain(
      'missing items',
    );
  });
});

describe('what the buyer said yes to', () => {
  it('a part refund stated with a question and accepted is carried out by a bare refund later', () => {
    const lines = call(
      ['customer', '花瓶口上有条裂纹'],
      ['merchant', '不好意思亲 给您补偿十五块 您看行吗'],
      ['customer', '行'],
      ['merchant', '好的 马上给您退过去'],
    );
    expect(new CallReading(lines).remedySince(0, 3)).toEqual({ remedy: 'partial_refund', line: 1 });
  });
});

describe("a promise bound only to the buyer's step or the goods reaching the shop", () => {
  const on = (text: string) => new CallReading(call(['merchant', text])).onBuyerStep(0);
  it('is settled; one on a result or on events is not', () => {
    expect(on('等仓库签收了 款项三天内原路到账')).toBe(true);
    expect(on("once it's back with us the money goes straight to your card")).toBe(true);
    expect(on('检测完确认是质量问题的话 给您退款')).toBe(false);
    expect(on('如果明天还没到 就给您退款')).toBe(false);
  });

  it('the goods reaching the shop send them back', () => {
    expect(new CallReading(call(['merchant', "once they're back at our warehouse I'll refund you"])).goodsBack(0)).toBe(
      true,
    );
  });
});
