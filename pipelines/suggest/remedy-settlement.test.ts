import { describe, expect, it } from 'vitest';
import type { RefundOption } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { analyzeLine } from '../language/index.js';
import { CallReading } from './call-reading.js';
import { remedyOf } from './issue-cues.js';
import type { OrderFacts } from './order-facts.js';
import { settleOn } from './remedy.js';
import { refundOption } from './testing/refund-option.js';

// Phrasings written for these tests (session 7); none comes from an evaluation set.
const call = (...said: [TranscriptLine['speaker'], string][]): TranscriptLine[] =>
  said.map(([speaker, text], i) => ({ speaker, text, startMs: i * 1000, endMs: i * 1000 + 900 }));
const standing = (lines: TranscriptLine[]) => new CallReading(lines).remedySince(0, lines.length - 1);

describe('where the remedy stands', () => {
  it('options put to the buyer and not taken up leave it open; the buyer choosing closes it', () => {
    const offered = call(
      ['customer', '收到的台灯灯罩裂了'],
      ['merchant', '亲 可以给您补发灯罩 或者直接退款 您选哪个'],
      ['customer', '我先想想 晚点回复你'],
    );
    expect(standing(offered)).toEqual({ remedy: 'open', line: 1 });
    // The buyer's own ask then leaves it to the ranked options (with the ask honoured).
    expect(standing([...offered, ...call(['customer', '那还是退款吧'])])).toBeNull();
  });

  it("an offer on the buyer's consent is read as the merchant's proposal, and the yes keeps it", () => {
    const lines = call(
      ['customer', 'The mug handle came off in the box'],
      ['merchant', "I can do a partial refund of $6 for it if you'd like."],
      ['customer', 'Sure, that works.'],
    );
    expect(standing(lines)).toEqual({ remedy: 'partial_refund', line: 1 });
    expect(standing(lines.slice(0, 2))).toEqual({ remedy: 'partial_refund', line: 1 });
    // Only a coupon offered is no proposal of a remedy: the choice stays open.
    const credit = call(['customer', 'It is too tight'], ['merchant', "I can offer store credit if you'd like."]);
    expect(standing(credit)).toEqual({ remedy: 'open', line: 1 });
  });

  it("the buyer's no withdraws the remedy said just before it", () => {
    const lines = call(
      ['customer', '耳机左边没声音'],
      ['merchant', '给您换个新的 明天就发出'],
      ['merchant', '另外给您补偿10块'],
      ['customer', '不用补了 换新的就行'],
    );
    expect(standing(lines)?.remedy).toBe('replacement');
  });

  it('a coupon beside a settled remedy is an extra, not the remedy', () => {
    const lines = call(
      ['customer', '鸡蛋碎了五个'],
      ['merchant', '给您退15元 今天到账'],
      ['merchant', '再送您一张5元优惠券 下次用'],
    );
    expect(standing(lines)).toEqual({ remedy: 'partial_refund', line: 1 });
    expect(remedyOf(analyzeLine('补发一个给您 再送您张优惠券'), 'merchant').settled).toBe('reship');
  });

  it('money off the platform is no remedy', () => {
    expect(remedyOf(analyzeLine('私下给您补偿30 您把卡号发我'), 'merchant')).toMatchObject({
      settled: null,
      offered: [],
    });
  });

  it('a buyer asking which of two remedies settles nothing', () => {
    expect(remedyOf(analyzeLine('是给我换新还是寄修啊？'), 'customer').settled).toBeNull();
  });
});

describe('settleOn: the amount said with the remedy', () => {
  const option = (kind: RefundOption['kind'], recommended = false) => refundOption(kind, recommended, null);
  const facts = {
    source: 'stated',
    orderId: null,
    amount: 200,
    currency: 'CNY',
    items: [],
    status: null,
  } as unknown as OrderFacts;
  const input = {
    facts,
    issue: { kind: 'damaged' as const, utterance: 0, cue: '裂了', count: null, total: null, share: null, extent: null },
    language: 'zh' as const,
    issueText: '灯罩裂了',
  };
  const ranked = [option('replacement', true), option('partial_refund'), option('coupon')];

  it('puts a part refund said with its amount into the option, not 金额待核实', () => {
    const [first] = settleOn(ranked, { remedy: 'partial_refund', line: 1 }, { ...input, said: 60 });
    expect(first).toMatchObject({ kind: 'partial_refund', amount: 60, amountToBeConfirmed: false, recommended: true });
    expect(first!.rationale).toContain('60');
  });

  it('reads a bare refund of less than the goods as a part refund', () => {
    const [first] = settleOn(ranked, { remedy: 'refund', line: 1 }, { ...input, said: 50 });
    expect(first).toMatchObject({ kind: 'partial_refund', amount: 50 });
  });

  it('recommends nothing while the choice is open', () => {
    const out = settleOn(ranked, { remedy: 'open', line: 1 }, input);
    expect(out).toHaveLength(3);
    expect(out.some((o) => o.recommended)).toBe(false);
  });
});
