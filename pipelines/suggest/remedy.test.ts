import { describe, expect, it } from 'vitest';
import type { RefundOption } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { analyzeLine } from '../language/index.js';
import { CallReading } from './call-reading.js';
import { remedyOf } from './issue-cues.js';
import { settleOn } from './remedy.js';
import { NO_ORDER_FACTS } from './testing/order-facts.js';
import { eachMapsTo } from '../../test/table.js';
import { topIssue } from './testing/top-issue.js';
import { refundOption } from './testing/refund-option.js';

// Phrasings written for these tests; none comes from an evaluation set.
const merchant = (text: string) => remedyOf(analyzeLine(text), 'merchant').settled;
const buyer = (text: string) => remedyOf(analyzeLine(text), 'customer').settled;

describe('remedyOf: what a merchant settles', () => {
  eachMapsTo('%s → %s', merchant, [
    ['好的亲 少的那瓶小妹今天给您补发出去', 'reship'],
    ["Sorry about that, we'll resend the charger this afternoon.", 'reship'],
    ['收到亲 这边给您登记换新 旧的不用管', 'replacement'],
    ['亲 给您换38码的 明天就寄', 'replacement'],
    ['A replacement ships out first thing Monday.', 'replacement'],
    ['亲 给您走仅退款 东西不用寄回了', 'refund_only'],
    ['您寄回来 仓库签收后给您原路退款', 'return_refund'],
    ['小妹给您申请部分退款 三十块 今天到账', 'partial_refund'],
    ["We'll put a $25 credit toward the order for the trouble.", 'partial_refund'],
    ["I'll process the refund for you today.", 'refund'],
    ['这个给您安排返修 修好寄回给您', 'repair'],
    // two remedy words that overlap without nesting (补发 / 发一个新的): the longer was said
    ['小妹今天给您补发一个新的哈', 'replacement'],
  ]);

  it.each([
    ['您看是给您补发还是直接退款呢', 'two remedies offered as a choice'],
    ['要换新的话 您在订单页申请一下就可以', 'a condition'],
    ["If it still hasn't arrived by Monday, we'll resend it.", 'a condition said before'],
    ['能给您补发一个吗？', 'a question'],
    ['您把差评删了 小妹给您补偿十块', 'money for a review'],
    ['撤了退款申请的话 我单独补您二十块', 'money for a withdrawn claim'],
    ['亲 稍等 小妹查一下物流', 'no remedy at all'],
  ])('%s → none (%s)', (text) => {
    expect(merchant(text)).toBeNull();
  });
});

describe('remedyOf: what a buyer asks for', () => {
  eachMapsTo('%s → %s', buyer, [
    ['算了不退了 你们补点钱就行', 'partial_refund'],
    ["Honestly I'll keep it, a partial refund is fine", 'partial_refund'],
    ['能不能寄修 我不想换', 'repair'],
    ['Can you get it fixed under warranty?', 'repair'],
    ['师傅能上门看看吗 一直滴水', 'repair'],
  ]);
});

describe('problem classes broadened', () => {
  eachMapsTo('%s → %s', topIssue, [
    ['收到个空盒子 里面啥也没有', 'missing_item'],
    ['The parcel showed up without the lid', 'missing_item'],
    ['餐椅坐上去晃得厉害', 'damaged'],
    ['冰箱晚上声音特别大 吵得睡不着', 'damaged'],
    ['显示器左上角有个坏点', 'damaged'],
    ['The jacket came with a tear in the sleeve', 'damaged'],
    ['The blender makes a weird rattling sound', 'damaged'],
    ['两只鞋左右码数不一样', 'wrong_item'],
    ['They shipped me the wrong charger', 'wrong_item'],
    ["The bolts in the kit don't fit the frame", 'wrong_item'],
    ['戒指小了 戴不上', 'changed_mind'],
  ]);

  it('reads a live-goods death as spoilage, not damage', () => {
    expect(topIssue('龙虾到的时候死了两只', true)).toBe('spoiled');
  });

  it('does not take a courier pickup for an installation visit', () => {
    expect(topIssue('旧的那个给您预约上门取件')).toBeNull();
  });

  it('does not read a missed shipment as a leak', () => {
    expect(topIssue('仓库漏发了一个')).toBe('missing_item');
  });
});

describe('CallReading.remedySince', () => {
  const line = (speaker: TranscriptLine['speaker'], text: string): TranscriptLine => ({
    speaker,
    text,
    startMs: 0,
    endMs: 1,
  });
  const call = [
    line('customer', '保温杯盖子裂了'),
    line('merchant', '亲 给您换个新的吧'),
    line('customer', '不想换了 补点钱就行'),
    line('merchant', '好的'),
  ];

  it('takes the latest remedy either party settled since the problem was said', () => {
    const reading = new CallReading(call);
    expect(reading.remedySince(0, 0)).toBeNull();
    expect(reading.remedySince(0, 1)?.remedy).toBe('replacement');
    expect(reading.remedySince(0, 3)?.remedy).toBe('partial_refund');
  });

  it('ignores a remedy said before the problem it would settle', () => {
    expect(new CallReading(call).remedySince(2, 3)?.remedy).toBe('partial_refund');
    expect(new CallReading(call.slice(0, 2)).remedySince(2, 1)).toBeNull();
  });
});

describe('settleOn', () => {
  const option = (kind: RefundOption['kind'], recommended = false) => refundOption(kind, recommended, 120);
  const facts = NO_ORDER_FACTS;
  const input = {
    facts,
    issue: { kind: 'damaged' as const, utterance: 0, cue: '裂了', count: null, total: null, share: null, extent: null },
    language: 'zh' as const,
    issueText: '保温杯盖子裂了',
  };
  const ranked = [option('replacement', true), option('return_refund'), option('coupon')];

  it('recommends the settled kind when the rules offered it, and only it', () => {
    const out = settleOn(ranked, { remedy: 'return_refund', line: 0 }, input);
    expect(out.map((o) => [o.kind, o.recommended])).toEqual([
      ['return_refund', true],
      ['replacement', false],
      ['coupon', false],
    ]);
  });

  it('adds a settled kind the rules did not offer, its amount to be confirmed, never ¥0.00', () => {
    const [first] = settleOn(ranked, { remedy: 'partial_refund', line: 0 }, input);
    expect(first).toMatchObject({ kind: 'partial_refund', recommended: true, amountToBeConfirmed: true });
    expect(first!.rationale).toContain('金额待核实');
    expect(first!.rationale).not.toMatch(/¥0/);
  });

  it('reads a bare refund as the refund the options rank first, else all the money back', () => {
    expect(settleOn(ranked, { remedy: 'refund', line: 0 }, input)[0]!.kind).toBe('return_refund');
    expect(settleOn([option('coupon', true)], { remedy: 'refund', line: 0 }, input)[0]!.kind).toBe('refund_only');
  });

  it('recommends nothing when the goods are to be repaired, and keeps the options listed', () => {
    const out = settleOn(ranked, { remedy: 'repair', line: 0 }, input);
    expect(out).toHaveLength(3);
    expect(out.some((o) => o.recommended)).toBe(false);
  });

  it('recommends nothing while no one has named a remedy, keeping the ranking', () => {
    const out = settleOn(ranked, null, input);
    expect(out.map((o) => o.kind)).toEqual(ranked.map((o) => o.kind));
    expect(out.some((o) => o.recommended)).toBe(false);
    expect(settleOn([], null, input)).toEqual([]);
  });

  it('makes a settled remedy the one option when Kefu had none, even with no problem identified', () => {
    const alone = settleOn([], { remedy: 'reship', line: 0 }, { ...input, issue: null });
    expect(alone.map((o) => [o.kind, o.recommended, o.policy])).toEqual([['reship', true, 'zh.shipping.reship']]);
    const paid = settleOn([], { remedy: 'refund_only', line: 0 }, { ...input, issue: null, said: 9.9 });
    expect(paid[0]).toMatchObject({ kind: 'refund_only', amount: 9.9, amountToBeConfirmed: false });
    expect(settleOn([], { remedy: 'open', line: 0 }, input)).toEqual([]);
  });

  it("keeps the ranking's first recommended when the buyer asked for a remedy", () => {
    expect(settleOn(ranked, null, { ...input, asked: 'replacement' })).toEqual(ranked);
  });
});
