import { describe, expect, it } from 'vitest';
import { allTo, eachMapsTo } from '../../test/table.js';
import { CallReading } from './call-reading.js';
import type { IssueAssessment } from './issue.js';
import { classifyUtterance } from './issue.js';
import { settleOn } from './remedy.js';
import { NO_ORDER_FACTS } from './testing/order-facts.js';
import { call, issueOf, merchantSays } from './testing/settle.js';
import { remedyLine } from './reply-templates.js';

// Decision 0590. Phrasings written for these tests; none comes from an evaluation set or the probes.
const top = (text: string) => classifyUtterance(text)[0]?.kind ?? null;

describe('remedy words of this decision', () => {
  eachMapsTo('%s → %s', merchantSays, [
    ['这边给您发一张8元的券 下单能抵', 'settled coupon'],
    ['I can send you a 10% off code for next time', 'settled coupon'],
    ['we could either refund you today or keep the order open until the restock', 'choice refund'],
    ['按斤给您退 坏的那一斤退您九块', 'settled partial_refund'],
    ['收到啦 给您退一半', 'settled partial_refund'],
  ]);
  eachMapsTo(
    'a bargain for a review: %s → %s',
    merchantSays,
    allTo(['leave us a 5 star and I refund you $5'], 'nothing'),
  );
});

describe('problems said in words the lexicon lacked', () => {
  eachMapsTo('%s → %s', top, [
    ['the lamp shade you sent is the wrong colour', 'wrong_item'],
    ['物流显示退回发件人了', 'late'],
    ['the parcel got returned to sender', 'late'],
    ['courier charged me an import duty although the site said duties included', 'billing'],
  ]);
  eachMapsTo('hard negative: %s → %s', top, allTo(['亲 千万别转 都是骗子', '别下那个软件哈'], null));
});

describe('what a call settles on', () => {
  it('a coupon given alone after a refused ask is the remedy', () => {
    const lines = call(
      ['customer', '降价了 能补差价吗'],
      ['merchant', '亲 已经超过价保时间了 申请不了呢'],
      ['customer', '好吧'],
      ['merchant', '小妹给您发一张10元的店铺券 今天到账'],
    );
    expect(new CallReading(lines).remedySince(0, 3)).toEqual({ remedy: 'coupon', line: 3 });
  });

  it('a coupon beside a replacement or a fee given back is an extra', () => {
    const replaced = call(
      ['customer', 'the kettle arrived cracked'],
      ['merchant', 'So sorry, a replacement ships tomorrow.'],
      ['merchant', 'I will also add a voucher for the trouble.'],
    );
    expect(new CallReading(replaced).remedySince(0, 2)?.remedy).toBe('replacement');
    const fee = call(
      ['customer', '师傅迟到了三个小时'],
      ['merchant', '上门费50元给您退了'],
      ['merchant', '再给您一张5元优惠券'],
    );
    expect(new CallReading(fee).remedySince(0, 2)).toBeNull();
  });

  it('a call sends the goods back when a return or a pickup is said, not when money goes back', () => {
    expect(new CallReading(call(['customer', '我已经退货寄回去了'])).goodsBack(0)).toBe(true);
    expect(new CallReading(call(['merchant', '明天快递上门取件'])).goodsBack(0)).toBe(true);
    expect(new CallReading(call(['merchant', '钱原路退回来哈'])).goodsBack(0)).toBe(false);
    expect(new CallReading(call(['merchant', '本店支持七天无理由退货'])).goodsBack(0)).toBe(false);
  });

  it('an offer of one remedy the buyer said yes to is remembered on its line', () => {
    const reading = new CallReading(
      call(['merchant', 'would a store credit on your account work for you?'], ['customer', 'sure']),
    );
    expect(reading.offerAcceptedBy(0, 1)).toBe(true);
  });
});

const facts = NO_ORDER_FACTS;
const settled = (
  remedy: 'refund' | 'replacement',
  kind: IssueAssessment['kind'],
  extra: { issueText?: string; returned?: boolean; earlier?: boolean } = {},
) =>
  settleOn([], { remedy, line: 1 }, { facts, issue: issueOf(kind), language: 'en', issueText: '', ...extra })[0]?.kind;

describe('the kind of a remedy settled', () => {
  it('a bare refund for goods sent back is a return for a refund, for a lost parcel not', () => {
    expect(settled('refund', 'changed_mind', { returned: true })).toBe('return_refund');
    expect(settled('refund', 'changed_mind')).toBe('refund_only');
    expect(settled('refund', 'late', { returned: true })).toBe('refund_only');
  });

  it('goods sent for a missing part are a reship, unless it rides on an earlier problem', () => {
    expect(settled('replacement', 'missing_item')).toBe('reship');
    expect(settled('replacement', 'missing_item', { earlier: true })).toBe('replacement');
    expect(settled('replacement', 'damaged')).toBe('replacement');
  });

  it('an overcharge refunded is a part refund, a duplicate charge refunded is whole', () => {
    expect(settled('refund', 'billing', { issueText: 'you overcharged me by $20' })).toBe('partial_refund');
    expect(settled('refund', 'billing', { issueText: 'I was charged twice for one order' })).toBe('refund_only');
  });
});

describe('a coupon settled with no amount said', () => {
  it('is shown as to be confirmed, never as a zero amount', () => {
    const [option] = settleOn([], { remedy: 'coupon', line: 1 }, { facts, issue: null, language: 'en', issueText: '' });
    expect(option?.amountToBeConfirmed).toBe(true);
    const said = remedyLine(option!, null, 'en', true);
    expect(said).not.toMatch(/\$\s?0(?![\d.])/);
  });
});
