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
    id: '240611587736219',
    merchantId: 'm',
    buyerId: 'b',
    currency: 'CNY',
    status: 'delivered',
    items: [{ sku: 'MGO', name: '海南贵妃芒果 10个装', quantity: 1, unitPrice: 39.9, category: 'fresh_food' }],
    amount: 39.9,
    placedAt: daysAgo(3),
    paidAt: daysAgo(3),
    shippedAt: daysAgo(2),
    deliveredAt: daysAgo(1),
    ...over,
  };
}
const said = (...texts: string[]): TranscriptLine[] =>
  texts.map((text, i) => ({
    speaker: i % 2 === 0 ? 'customer' : 'merchant',
    text,
    startMs: i * 1000,
    endMs: i * 1000 + 900,
  }));

function options(o: Order, lines: TranscriptLine[], language: 'zh' | 'en' = 'zh') {
  const facts = factsFromOrder(o, now);
  const issue = assessIssue(lines, lines.length - 1, { fresh: facts.fresh });
  return computeRefundOptions({ facts, issue, language, issueText: lines.map((l) => l.text).join(' ') });
}

describe('computeRefundOptions', () => {
  it('refunds spoiled fruit in proportion: 3 of 10 bad → 30% of the order, recommended', () => {
    const opts = options(order(), said('芒果到了，十个里面有三个是烂的'));
    expect(opts[0]).toMatchObject({
      kind: 'partial_refund',
      amount: 11.97,
      currency: 'CNY',
      policy: 'zh.fresh.bad-fruit',
      recommended: true,
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
      amount: 1899,
      items: [{ sku: 'WM', name: '滚筒洗衣机 8公斤', quantity: 1, unitPrice: 1899, category: 'appliance' }],
    });
    const opts = options(washer, said('洗衣机送到就是坏的，开不了机'));
    expect(opts.map((o) => [o.kind, o.policy])).toEqual([
      ['replacement', 'zh.shipping.reship'],
      ['return_refund', 'zh.quality.return'],
      ['coupon', 'zh.compensation.coupon'],
    ]);
    expect(opts[2]!.amount).toBe(20);
  });

  it('after 7 days a defect gets an exchange only, after 15 nothing', () => {
    const kettle = order({
      amount: 89,
      deliveredAt: daysAgo(10),
      items: [{ sku: 'KT', name: '电热水壶', quantity: 1, unitPrice: 89, category: 'appliance' }],
    });
    expect(options(kettle, said('水壶不加热了')).map((o) => o.kind)).toEqual(['replacement', 'coupon']);
    expect(options({ ...kettle, deliveredAt: daysAgo(20) }, said('水壶不加热了'))).toEqual([]);
  });

  it('prices a missing item from its unit price and count; its money back is part of the order (0620)', () => {
    const cups = order({
      amount: 60,
      items: [{ sku: 'CUP', name: '玻璃杯', quantity: 6, unitPrice: 10, category: 'household' }],
    });
    const opts = options(cups, said('杯子少发了两个'));
    expect(opts.map((o) => [o.kind, o.amount, o.policy])).toEqual([
      ['reship', 20, 'zh.missing.items'],
      ['partial_refund', 20, 'zh.missing.items'],
    ]);
  });

  it('turns down no-reason returns of fresh food, allows them for other goods within 7 days', () => {
    expect(options(order(), said('芒果我不想要了，能退吗'))).toEqual([]);
    const shirt = order({
      amount: 59,
      currency: 'USD',
      deliveredAt: daysAgo(3),
      items: [{ sku: 'T', name: 'Linen shirt', quantity: 1, unitPrice: 59, category: 'apparel' }],
    });
    const opts = options(shirt, said('I changed my mind about the shirt'), 'en');
    expect(opts).toEqual([
      expect.objectContaining({ kind: 'return_refund', amount: 59, currency: 'USD', policy: 'en.return.7day' }),
    ]);
    expect(options({ ...shirt, deliveredAt: daysAgo(9) }, said('I changed my mind'), 'en')).toEqual([]);
  });

  it('compensates late shipping with a coupon, and lets an unshipped order be cancelled', () => {
    const unshipped = order({ status: 'paid', shippedAt: null, deliveredAt: null });
    const opts = options(unshipped, said('我的订单怎么还没发货'));
    expect(opts.map((o) => [o.kind, o.amount, o.policy])).toEqual([
      ['coupon', 3, 'zh.shipping.late'],
      ['refund_only', 39.9, 'zh.shipping.late'],
    ]);
  });

  it('gives no options for service questions or orders already refunded', () => {
    expect(options(order(), said('退款什么时候到账'))).toEqual([]);
    expect(options(order({ status: 'refunded' }), said('芒果烂了'))).toEqual([]);
    expect(options(order(), said('你好，我想问一下'))).toEqual([]);
  });

  it('without an order, uses the price the customer said and never invents one', () => {
    const lines = said('我花了12块钱买的橘子，全都烂了');
    const stated = factsFromCall(
      lines,
      0,
      { amounts: [{ value: 12, currency: 'CNY', utterance: 0, span: [3, 6] }] },
      'zh',
    );
    const issue = assessIssue(lines, 0, { fresh: stated.fresh });
    expect(computeRefundOptions({ facts: stated, issue, language: 'zh' })[0]).toMatchObject({
      kind: 'refund_only',
      amount: 12,
      amountToBeConfirmed: false,
      orderId: null,
      recommended: true,
    });

    const bare = factsFromCall(said('The kettle I bought is broken'), 0, {}, 'en');
    const opts = computeRefundOptions({
      facts: bare,
      issue: assessIssue(said('The kettle I bought is broken'), 0),
      language: 'en',
    });
    expect(opts.map((o) => o.kind)).toEqual(['replacement', 'return_refund', 'coupon']);
    expect(opts[1]).toMatchObject({ amount: 0, amountToBeConfirmed: true, currency: 'USD', orderId: null });
    expect(opts[1]!.rationale).toContain('amount to be confirmed');
    expect(opts[2]).toMatchObject({ kind: 'coupon', amount: 1, amountToBeConfirmed: false });
  });

  it('words goods sent again without a price when none is known, and with it when it is', () => {
    const bare = factsFromCall(said('烧水壶坏了'), 0, {}, 'zh');
    const [first] = computeRefundOptions({ facts: bare, issue: assessIssue(said('烧水壶坏了'), 0), language: 'zh' });
    expect(first).toMatchObject({ kind: 'replacement', amountToBeConfirmed: true });
    expect(first!.rationale).toBe('质量或运输破损，可换新，来回运费由商家承担。');
    const lamp = order({
      items: [{ sku: 'x', name: '台灯', quantity: 1, unitPrice: 99, category: 'household' }],
      amount: 99,
    });
    const priced = options(lamp, said('台灯坏了')).find((o) => o.kind === 'replacement');
    expect(priced!.rationale).toContain('可换新（¥99）');
  });

  it('cites only policies that exist in the knowledge base', () => {
    const ids = new Set(policies.map((p) => p.id));
    const cases: [Order, string][] = [
      [order(), '十个坏了三个'],
      [order(), '全烂了'],
      [order(), '发错货了'],
      [order(), '少了一个'],
      [order({ status: 'paid', deliveredAt: null }), '快递丢了'],
      [order(), '和图片不一样'],
      [
        order({ items: [{ sku: 'x', name: '台灯', quantity: 1, unitPrice: 99, category: 'household' }], amount: 99 }),
        '台灯坏了',
      ],
    ];
    for (const [o, text] of cases) {
      for (const opt of options(o, said(text))) expect(ids.has(opt.policy), `${text} → ${opt.policy}`).toBe(true);
    }
  });
  it('a wrong item is exchanged for the right one, return + refund second', () => {
    const opts = options(
      order({
        items: [{ sku: 'B', name: '蓝牙音箱', quantity: 1, unitPrice: 199, category: 'electronics' }],
        amount: 199,
      }),
      said('寄错了，我买的是音箱，来的是耳机'),
    );
    expect(opts.map((o) => o.kind)).toEqual(['replacement', 'return_refund']);
  });

  it('a customised item made wrong by the merchant: remake or refund without return, never a no-reason return', () => {
    const plate = order({
      amount: 168,
      items: [{ sku: 'NP', name: '定制刻字门牌', quantity: 1, unitPrice: 168, category: 'household' }],
    });
    const opts = options(plate, said('门牌上的字刻错了，少了一笔'));
    expect(opts.map((o) => [o.kind, o.policy])).toEqual([
      ['replacement', 'zh.shipping.reship'],
      ['refund_only', 'zh.refund.only'],
    ]);
    expect(opts.some((o) => o.policy.endsWith('return.7day'))).toBe(false);
    // The buyer just not wanting a customised item any more: excluded from no-reason returns.
    expect(options(plate, said('门牌我不想要了'))).toEqual([]);
    // A later change of mind after the merchant's error keeps the error.
    const later = options(plate, said('门牌上的字刻错了', '抱歉，给您重做', '不想要了，能退款吗'));
    expect(later[0]!.kind).toBe('replacement');
    expect(later.map((o) => o.kind)).toContain('refund_only');
  });

  it('low-value goods not as described are refunded without a return', () => {
    const cheap = order({
      amount: 12.9,
      items: [{ sku: 'S', name: '手机支架', quantity: 1, unitPrice: 12.9, category: 'other' }],
    });
    expect(options(cheap, said('颜色跟图片差太多了'))[0]).toMatchObject({
      kind: 'refund_only',
      policy: 'zh.refund.only',
    });
    const dear = order({
      amount: 299,
      items: [{ sku: 'J', name: '羊毛外套', quantity: 1, unitPrice: 299, category: 'apparel' }],
    });
    expect(options(dear, said('颜色跟图片差太多了'))[0]).toMatchObject({
      kind: 'return_refund',
      policy: 'zh.not-as-described',
    });
  });

  it('a clothing size that does not fit: another size first, the 7-day no-reason return kept', () => {
    const dress = order({
      amount: 129,
      deliveredAt: daysAgo(2),
      items: [{ sku: 'D', name: '连衣裙', quantity: 1, unitPrice: 129, category: 'apparel' }],
    });
    expect(options(dress, said('裙子买大了，想退了'))).toEqual([
      expect.objectContaining({ kind: 'replacement', policy: 'zh.return.7day', recommended: true }),
      expect.objectContaining({ kind: 'return_refund', policy: 'zh.return.7day' }),
    ]);
    // A change of mind that is no matter of size is the return alone.
    expect(options(dress, said('裙子不喜欢了，想退了')).map((o) => o.kind)).toEqual(['return_refund']);
  });

  it('a delivery-status question gets no compensation; a complaint about the wait does', () => {
    const shipped = order({
      status: 'shipped',
      deliveredAt: null,
      items: [{ sku: 'L', name: 'Desk lamp', quantity: 1, unitPrice: 45, category: 'household' }],
      amount: 45,
      currency: 'USD',
    });
    expect(options(shipped, said("Hi, my lamp hasn't arrived yet, can you tell me where it is?"), 'en')).toEqual([]);
    expect(options(shipped, said("My lamp still hasn't arrived, it's been two weeks"), 'en')[0]).toMatchObject({
      kind: 'coupon',
      policy: 'en.shipping.late',
    });
    expect(options(shipped, said('台灯还没到，帮我看看'))).toEqual([]);
  });

  it('an installer no-show refunds the installation fee said in the call, else a coupon; how-to questions get nothing', () => {
    const lines = said(
      'The washer came but the technician never turned up',
      'Sorry about that',
      'I also paid a $60 installation fee',
    );
    const fee = lines[2]!.text.indexOf('$60');
    const facts = factsFromCall(
      lines,
      2,
      { amounts: [{ value: 60, currency: 'USD', utterance: 2, span: [fee, fee + 3] }] },
      'en',
    );
    expect(facts).toMatchObject({ amount: null, serviceFee: 60 });
    const opts = computeRefundOptions({
      facts,
      issue: assessIssue(lines, 2),
      language: 'en',
      issueText: lines[0]!.text,
    });
    expect(opts.map((o) => [o.kind, o.amount, o.policy])).toEqual([
      ['partial_refund', 60, 'en.install.service'],
      ['coupon', 1, 'en.compensation.coupon'],
    ]);
    expect(options(order(), said('师傅说好上午来装，一直没来'))[0]).toMatchObject({ kind: 'coupon' });
    expect(options(order(), said('洗衣机怎么安装'))).toEqual([]);
  });

  it('a shipping charge said next to the price is not the price', () => {
    const text = 'The speaker was $45, and I paid 6 dollars for shipping';
    const at = (s: string): [number, number] => [text.indexOf(s), text.indexOf(s) + s.length];
    const facts = factsFromCall(
      said(text),
      0,
      {
        amounts: [
          { value: 45, currency: 'USD', utterance: 0, span: at('$45') },
          { value: 6, currency: 'USD', utterance: 0, span: at('6 dollars') },
        ],
      },
      'en',
    );
    expect(facts.amount).toBe(45);
  });
});

describe('eval-b causes: remedies for lost parcels, missing parts, fit, stalled deliveries', () => {
  const shoes = (over: Partial<Order> = {}) =>
    order({
      currency: 'USD',
      amount: 89,
      items: [{ sku: 'BT', name: 'Leather ankle boots', quantity: 1, unitPrice: 89, category: 'apparel' }],
      ...over,
    });

  it('a parcel marked delivered but never received is reshipped', () => {
    const opts = options(
      shoes(),
      said('The tracking page says delivered on Friday, but I never received it', 'Let me look'),
      'en',
    );
    expect(opts[0]).toMatchObject({ kind: 'reship', recommended: true });
  });

  it('a part missing from the box is reshipped, not compensated with a coupon', () => {
    const opts = options(
      shoes(),
      said('The spare laces are not in the box', 'Sorry', 'What if the new ones are delayed?'),
      'en',
    );
    expect(opts[0]).toMatchObject({ kind: 'reship', recommended: true });
  });

  it('"doesn\'t suit me" inside the window is a no-reason return; outside it, nothing', () => {
    expect(options(shoes(), said('They just do not suit me, never worn, box intact'), 'en')[0]).toMatchObject({
      kind: 'return_refund',
    });
    expect(options(shoes({ deliveredAt: daysAgo(12) }), said('They just do not suit me'), 'en')).toEqual([]);
  });

  it('a stalled delivery the customer complains about gets a coupon; a pre-sale question gets nothing', () => {
    const rice = order({
      status: 'shipped',
      deliveredAt: undefined,
      items: [{ sku: 'OIL', name: '花生油 5L', quantity: 2, unitPrice: 79, category: 'household' }],
      amount: 158,
    });
    expect(options(rice, said('答应我昨天送到的，快递到现在都没动'))[0]).toMatchObject({ kind: 'coupon' });
    expect(
      options(shoes(), said('Before I buy, what if they are too tight?', 'Free exchanges within 30 days'), 'en'),
    ).toEqual([]);
  });
});

describe('damaged food is a hygiene matter', () => {
  const food = (name: string, unitPrice: number, currency: 'CNY' | 'USD' = 'CNY') =>
    order({ currency, amount: unitPrice, items: [{ sku: 'F', name, quantity: 1, unitPrice, category: 'other' }] });

  it('packaged food with a torn pouch or burst seal is refunded without a return', () => {
    expect(options(food('云南普洱茶饼 357g', 168), said('茶饼的包装袋破损了，封口也裂开了'))[0]).toMatchObject({
      kind: 'refund_only',
      recommended: true,
    });
    expect(
      options(
        food('Dark chocolate gift tin', 42, 'USD'),
        said('The tin arrived crushed and the foil seal is broken'),
        'en',
      )[0],
    ).toMatchObject({ kind: 'refund_only' });
  });

  it('from the call alone: a bag of dog food that arrived split', () => {
    const lines = said('I paid $64 for the dog food and the bag arrived ripped open');
    const facts = factsFromCall(
      lines,
      0,
      { amounts: [{ value: 64, currency: 'USD', utterance: 0, span: [7, 10] }] },
      'en',
    );
    const issue = assessIssue(lines, 0, { fresh: facts.fresh });
    expect(computeRefundOptions({ facts, issue, language: 'en' })[0]).toMatchObject({
      kind: 'refund_only',
      amount: 64,
    });
  });

  it('hard negatives: a broken tea kettle or coffee machine is not food', () => {
    const kettle = order({
      amount: 199,
      items: [{ sku: 'K', name: '玻璃煮茶壶', quantity: 1, unitPrice: 199, category: 'household' }],
    });
    expect(options(kettle, said('煮茶壶收到就裂了'))[0]).toMatchObject({ kind: 'replacement' });
    const machine = order({
      currency: 'USD',
      amount: 249,
      items: [{ sku: 'M', name: 'Espresso machine', quantity: 1, unitPrice: 249, category: 'appliance' }],
    });
    expect(options(machine, said('The espresso machine arrived cracked'), 'en')[0]).toMatchObject({
      kind: 'replacement',
    });
  });
});

describe('food words from the call', () => {
  it('a coffee machine or a teapot heard in the call does not make the goods food', () => {
    for (const text of ['My coffee machine arrived cracked', 'The teapot lid is broken', '咖啡机摔坏了']) {
      const facts = factsFromCall(said(text), 0, {}, 'en');
      expect(facts.food, text).toBe(false);
    }
    expect(factsFromCall(said('The matcha tin was dented and the seal broken'), 0, {}, 'en').food).toBe(true);
  });
});
