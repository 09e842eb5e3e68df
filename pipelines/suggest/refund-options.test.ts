import { describe, expect, it } from 'vitest';
import type { Order, TranscriptLine } from '../../core/domain.js';
import policies from '../../db/seed/policies.json' with { type: 'json' };
import { assessIssue } from './issue.js';
import { factsFromCall, factsFromOrder } from './order-facts.js';
import { computeRefundOptions } from './refund-options.js';

const now = new Date('2026-06-12T10:00:00+08:00');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

function order(over: Partial<Order> = {}): Order {
  return {
    id: '240611587736219', merchantId: 'm', buyerId: 'b', currency: 'CNY', status: 'delivered',
    items: [{ sku: 'MGO', name: '海南贵妃芒果 10个装', quantity: 1, unitPrice: 39.9, category: 'fresh_food' }],
    amount: 39.9, placedAt: daysAgo(3), paidAt: daysAgo(3), shippedAt: daysAgo(2), deliveredAt: daysAgo(1),
    ...over,
  };
}
const said = (...texts: string[]): TranscriptLine[] =>
  texts.map((text, i) => ({ speaker: i % 2 === 0 ? 'customer' : 'merchant', text, startMs: i * 1000, endMs: i * 1000 + 900 }));

function options(o: Order, lines: TranscriptLine[], language: 'zh' | 'en' = 'zh') {
  const facts = factsFromOrder(o, now);
  const issue = assessIssue(lines, lines.length - 1, { fresh: facts.fresh });
  return computeRefundOptions({ facts, issue, language, issueText: lines.map((l) => l.text).join(' ') });
}

describe('computeRefundOptions', () => {
  it('refunds spoiled fruit in proportion: 3 of 10 bad → 30% of the order, recommended', () => {
    const opts = options(order(), said('芒果到了，十个里面有三个是烂的'));
    expect(opts[0]).toMatchObject({
      kind: 'partial_refund', amount: 11.97, currency: 'CNY', policy: 'zh.fresh.bad-fruit', recommended: true,
      orderId: '240611587736219',
    });
    expect(opts[0]!.rationale).toContain('30%');
    expect(opts.filter((o) => o.recommended)).toHaveLength(1);
  });

  it('refunds in full when most of the fruit is bad', () => {
    const opts = options(order(), said('一整箱都烂了'));
    expect(opts[0]).toMatchObject({ kind: 'refund_only', amount: 39.9, policy: 'zh.fresh.bad-fruit' });
  });

  it('recommends a plain refund for low-value fruit when the bad count is unknown', () => {
    const opts = options(order({ amount: 19.9 }), said('苹果坏了好多，不新鲜'));
    expect(opts.map((o) => o.kind)).toEqual(['refund_only', 'partial_refund', 'reship']);
    expect(opts[1]!.amount).toBe(0);
    expect(opts[1]!.rationale).toMatch(/拍照确认坏果数量/);
  });

  it('offers a replacement first for a damaged appliance, return + refund second', () => {
    const washer = order({
      amount: 1899, items: [{ sku: 'WM', name: '滚筒洗衣机 8公斤', quantity: 1, unitPrice: 1899, category: 'appliance' }],
    });
    const opts = options(washer, said('洗衣机送到就是坏的，开不了机'));
    expect(opts.map((o) => [o.kind, o.policy])).toEqual([
      ['replacement', 'zh.shipping.reship'], ['return_refund', 'zh.quality.return'], ['coupon', 'zh.compensation.coupon'],
    ]);
    expect(opts[2]!.amount).toBe(20);
  });

  it('after 7 days a defect gets an exchange only, after 15 nothing', () => {
    const kettle = order({
      amount: 89, deliveredAt: daysAgo(10),
      items: [{ sku: 'KT', name: '电热水壶', quantity: 1, unitPrice: 89, category: 'appliance' }],
    });
    expect(options(kettle, said('水壶不加热了')).map((o) => o.kind)).toEqual(['replacement', 'coupon']);
    expect(options({ ...kettle, deliveredAt: daysAgo(20) }, said('水壶不加热了'))).toEqual([]);
  });

  it('prices a missing item from its unit price and count', () => {
    const cups = order({
      amount: 60, items: [{ sku: 'CUP', name: '玻璃杯', quantity: 6, unitPrice: 10, category: 'household' }],
    });
    const opts = options(cups, said('杯子少发了两个'));
    expect(opts.map((o) => [o.kind, o.amount, o.policy])).toEqual([
      ['reship', 20, 'zh.missing.items'], ['refund_only', 20, 'zh.missing.items'],
    ]);
  });

  it('turns down no-reason returns of fresh food, allows them for other goods within 7 days', () => {
    expect(options(order(), said('芒果我不想要了，能退吗'))).toEqual([]);
    const shirt = order({
      amount: 59, currency: 'USD', deliveredAt: daysAgo(3),
      items: [{ sku: 'T', name: 'Linen shirt', quantity: 1, unitPrice: 59, category: 'apparel' }],
    });
    const opts = options(shirt, said('I changed my mind about the shirt'), 'en');
    expect(opts).toEqual([expect.objectContaining({ kind: 'return_refund', amount: 59, currency: 'USD', policy: 'en.return.7day' })]);
    expect(options({ ...shirt, deliveredAt: daysAgo(9) }, said('I changed my mind'), 'en')).toEqual([]);
  });

  it('compensates late shipping with a coupon, and lets an unshipped order be cancelled', () => {
    const unshipped = order({ status: 'paid', shippedAt: null, deliveredAt: null });
    const opts = options(unshipped, said('我的订单怎么还没发货'));
    expect(opts.map((o) => [o.kind, o.amount, o.policy])).toEqual([
      ['coupon', 3, 'zh.shipping.late'], ['refund_only', 39.9, 'zh.shipping.late'],
    ]);
  });

  it('gives no options for service questions or orders already refunded', () => {
    expect(options(order(), said('退款什么时候到账'))).toEqual([]);
    expect(options(order({ status: 'refunded' }), said('芒果烂了'))).toEqual([]);
    expect(options(order(), said('你好，我想问一下'))).toEqual([]);
  });

  it('without an order, uses the price the customer said and never invents one', () => {
    const lines = said('我花了12块钱买的橘子，全都烂了');
    const stated = factsFromCall(lines, 0, { amounts: [{ value: 12, currency: 'CNY', utterance: 0, span: [3, 6] }] }, 'zh');
    const issue = assessIssue(lines, 0, { fresh: stated.fresh });
    expect(computeRefundOptions({ facts: stated, issue, language: 'zh' })[0]).toMatchObject({
      kind: 'refund_only', amount: 12, orderId: null, recommended: true,
    });

    const bare = factsFromCall(said('The kettle I bought is broken'), 0, {}, 'en');
    const opts = computeRefundOptions({ facts: bare, issue: assessIssue(said('The kettle I bought is broken'), 0), language: 'en' });
    expect(opts.map((o) => o.kind)).toEqual(['replacement', 'return_refund', 'coupon']);
    expect(opts[1]).toMatchObject({ amount: 0, currency: 'USD', orderId: null });
    expect(opts[1]!.rationale).toContain('amount per the order');
  });

  it('cites only policies that exist in the knowledge base', () => {
    const ids = new Set(policies.map((p) => p.id));
    const cases: [Order, string][] = [
      [order(), '十个坏了三个'], [order(), '全烂了'], [order(), '发错货了'], [order(), '少了一个'],
      [order({ status: 'paid', deliveredAt: null }), '快递丢了'], [order(), '和图片不一样'],
      [order({ items: [{ sku: 'x', name: '台灯', quantity: 1, unitPrice: 99, category: 'household' }], amount: 99 }), '台灯坏了'],
    ];
    for (const [o, text] of cases) {
      for (const opt of options(o, said(text))) expect(ids.has(opt.policy), `${text} → ${opt.policy}`).toBe(true);
    }
  });
});
