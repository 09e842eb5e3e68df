import { describe, expect, it } from 'vitest';
import type { RefundOption } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { customerPreference, honourPreference } from './preference.js';
import { eachMapsTo } from '../../test/table.js';
import { refundOption } from './testing/refund-option.js';

const line = (speaker: TranscriptLine['speaker'], text: string): TranscriptLine => ({
  speaker,
  text,
  startMs: 0,
  endMs: 1,
});
/** The buyer's preference in a call of one line of theirs. */
const preferenceIn = (text: string) => customerPreference([line('customer', text)], 0);
const option = (kind: RefundOption['kind'], recommended = false) => refundOption(kind, recommended, 89);

describe('customerPreference', () => {
  eachMapsTo('%s → %s', preferenceIn, [
    ['我不想换了，直接退款吧', 'refund'],
    ['退钱就行', 'refund'],
    ["I don't want a replacement, just give me a refund", 'refund'],
    ['不想退，给我换一个', 'replacement'],
    ['Can you send me a new one?', 'replacement'],
    ['Please just replace it', 'replacement'],
    ['杯子碎了', null],
    ["I'd just like a pair that actually works", 'replacement'],
    ['I need one that works before Friday', 'replacement'],
    ['Could you ship me the correct model?', 'replacement'],
    ['给我换个正常的吧', 'replacement'],
    ['发个对的给我', 'replacement'],
    ['Great, that works for me', null],
    ['It works fine now, thanks', null],
    ["I'd prefer a full refund", 'refund'],
  ]);

  it('takes the latest customer line that states one, and ignores the merchant', () => {
    const lines = [
      line('customer', '给我换一个'),
      line('merchant', '也可以直接退款'),
      line('customer', '算了，退钱吧'),
    ];
    expect(customerPreference(lines, 2)).toBe('refund');
    expect(customerPreference(lines, 1)).toBe('replacement');
  });
});

describe('honourPreference', () => {
  const ranked = [option('replacement', true), option('return_refund'), option('coupon')];

  it('puts the first option of the preferred kind first and recommends only it', () => {
    const out = honourPreference(ranked, 'refund');
    expect(out.map((o) => [o.kind, o.recommended])).toEqual([
      ['return_refund', true],
      ['replacement', false],
      ['coupon', false],
    ]);
  });

  it('changes nothing when no option of that kind is allowed, or none is stated', () => {
    expect(honourPreference([option('coupon', true)], 'refund')).toEqual([option('coupon', true)]);
    expect(honourPreference(ranked, null)).toEqual(ranked);
  });
});

describe('customerPreference: asking for an exchange', () => {
  eachMapsTo('%s → %s', preferenceIn, [
    ['那我申请换货，给我寄个大一码的', 'replacement'],
    ['能换个小一码吗', 'replacement'],
    ['换成黑色的可以吗', null],
    ['换个颜色吧', 'replacement'],
    ['Could I exchange them for a size 10?', 'replacement'],
    ["I'd like to swap it for the blue one", 'replacement'],
    // hard negatives: no exchange asked for
    ['我不换货，直接退', 'refund'],
    ['换货要多久？我还没想好', null],
    ['The exchange rate was bad', null],
  ]);
});

describe('customerPreference: sending the goods back for the money', () => {
  eachMapsTo('%s → %s', preferenceIn, [
    ['充电线坏了 我要退', 'refund'],
    ['算了 退了吧', 'refund'],
    ['I just want to return it, it is not worth the hassle', 'refund'],
    ["I'm going to send them back", 'refund'],
    ['退货地址发我一下', null],
  ]);
});
