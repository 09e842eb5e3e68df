import { describe, expect, it } from 'vitest';
import type { RefundOption } from '../../core/analysis.js';
import { eachMapsTo } from '../../test/table.js';
import { analyzeLine } from '../language/index.js';
import { CallReading } from './call-reading.js';
import { remedyOf, says } from './issue-cues.js';
import type { OrderFacts } from './order-facts.js';
import { settleOn } from './remedy.js';
import { refundOption } from './testing/refund-option.js';
import { call, merchantSays } from './testing/settle.js';

// Decision 0785. Phrasings written for these tests; none comes from an evaluation set or the probes.

describe('a merchant standing in the way of the remedy settles none', () => {
  const reading = (text: string) => remedyOf(analyzeLine(text), 'merchant');

  it('a fee taken off the money is a refusal; contempt alone is not', () => {
    expect(reading('亲 拆封了退回来要扣百分之二十的损耗费').refuses).toBe(true);
    expect(reading("returns come with a 15% restocking fee, that's the policy").refuses).toBe(true);
    expect(reading('几块钱的东西也要退？').refuses).toBe(false);
    expect(reading('好的亲 给您补发一个 明天发出').refuses).toBe(false);
  });

  it('a remedy named beside a sanction is the ask held against the buyer, not a remedy', () => {
    expect(merchantSays('您要是非要申请退款 我们就把您拉黑')).toBe('nothing');
    expect(reading('您要是非要申请退款 我们就把您拉黑').refuses).toBe(false);
  });

  it("the buyer's ask does not stand once the merchant obstructs it", () => {
    const lines = call(
      ['customer', '这个水杯颜色跟图片差太多了 我要退货'],
      ['merchant', '退货可以 但是要扣三十块的手续费'],
      ['customer', '凭什么扣钱'],
    );
    const r = new CallReading(lines);
    expect(r.askStanding(2)).toBeNull();
    expect(r.remedySince(0, 2)).toEqual({ remedy: 'open', line: 1 });
  });
});

describe('a remedy left to a later contact between two kinds is not chosen', () => {
  eachMapsTo('%s → %s', merchantSays, [
    ['经理明天给您回电 跟您确定是换新还是退款', 'nothing'],
    ["my supervisor will ring you tomorrow to decide whether it's a replacement or a refund", 'nothing'],
    ['好的亲 给您换新 明天发出', 'settled replacement'],
  ]);
  it('and waits, as a result not yet known does', () => {
    expect(remedyOf(analyzeLine('主管会联系您 和您商量一下是补发还是退款'), 'merchant').pending).toBe(true);
  });
});

describe('words', () => {
  it('a parcel shown delivered with nothing here is lost', () => {
    expect(says("the app says delivered this morning but nothing's here", 'issue.lost_parcel')).toBe(true);
  });
  it('a code for a later order is a coupon', () => {
    expect(merchantSays("I'll send you a $15 code for your next order")).toBe('settled coupon');
  });
  it('an amount the buyer has to pay is no money back', () => {
    expect(merchantSays('您这个地址偏远 要补八块钱的运费')).toBe('nothing');
    expect(merchantSays('给您补八块钱')).toBe('settled partial_refund');
  });
});

describe('a refund without a return of less than the goods', () => {
  const facts = {
    source: 'stated',
    orderId: null,
    amount: 80,
    currency: 'CNY',
    items: [],
    status: null,
  } as unknown as OrderFacts;
  const input = {
    facts,
    issue: { kind: 'spoiled' as const, utterance: 0, cue: '烂了', count: 4, total: null, share: null, extent: null },
    language: 'zh' as const,
    issueText: '一箱桃子烂了四个',
  };
  const ranked: RefundOption[] = [refundOption('partial_refund', true, null), refundOption('reship', false, null)];

  it('is a part refund; all of the money is the whole refund', () => {
    expect(settleOn(ranked, { remedy: 'refund_only', line: 2 }, { ...input, said: 12 })[0]).toMatchObject({
      kind: 'partial_refund',
      amount: 12,
    });
    expect(settleOn(ranked, { remedy: 'refund_only', line: 2 }, { ...input, said: 80 })[0]!.kind).toBe('refund_only');
  });

  it('仅退款 after a part refund the buyer agreed carries that part refund out', () => {
    const lines = call(
      ['customer', '一箱桃子烂了四个'],
      ['merchant', '亲 烂的给您退一部分钱 十二块 可以吗'],
      ['customer', '好吧'],
      ['merchant', '好的 这边给您申请仅退款十二块'],
    );
    expect(new CallReading(lines).remedySince(0, 3)?.remedy).toBe('partial_refund');
  });
});
