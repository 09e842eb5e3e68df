import { describe, expect, it } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { classifyUtterance, type IssueAssessment } from './issue.js';
import { settleOn } from './remedy.js';
import { NO_ORDER_FACTS } from './testing/order-facts.js';
import { issueOf, merchantSays } from './testing/settle.js';

// Decision 0825. Phrasings written for these tests; none comes from an evaluation set or the probes.
const settled = (
  remedy: 'reship' | 'replacement' | 'refund' | 'refund_only',
  kind: IssueAssessment['kind'],
  extra: { said?: number; kept?: boolean; amount?: number } = {},
) =>
  settleOn(
    [],
    { remedy, line: 1 },
    {
      facts: { ...NO_ORDER_FACTS, amount: extra.amount ?? null },
      issue: issueOf(kind),
      language: 'zh',
      issueText: '',
      said: extra.said ?? null,
      kept: extra.kept,
    },
  )[0]?.kind;

describe('goods sent for wrong or faulty goods replace them', () => {
  it('a 补发 or a ship for a wrong, damaged or not-as-described item is a replacement', () => {
    expect(settled('reship', 'wrong_item')).toBe('replacement');
    expect(settled('reship', 'damaged')).toBe('replacement');
    expect(settled('reship', 'not_as_described')).toBe('replacement');
  });

  it('goods missing, spoiled or late are still sent again (hard negatives)', () => {
    expect(settled('reship', 'missing_item')).toBe('reship');
    expect(settled('reship', 'spoiled')).toBe('reship');
    expect(settled('replacement', 'late')).toBe('reship');
  });
});

describe('a stated sum back on flawed goods kept is a discount to keep them', () => {
  it('with the goods kept and their value unknown, a part refund', () => {
    expect(settled('refund', 'damaged', { said: 60, kept: true })).toBe('partial_refund');
    expect(settled('refund_only', 'not_as_described', { said: 25, kept: true })).toBe('partial_refund');
  });

  it('the whole value known and refunded, nothing kept, or no sum said: as before (hard negatives)', () => {
    expect(settled('refund', 'damaged', { said: 300, kept: true, amount: 300 })).toBe('refund_only');
    expect(settled('refund', 'damaged', { said: 60 })).toBe('refund_only');
    expect(settled('refund', 'damaged', { kept: true })).toBe('refund_only');
    expect(settled('refund', 'late', { said: 60, kept: true })).toBe('refund_only');
  });
});

describe('words of this decision', () => {
  eachMapsTo('%s → %s', merchantSays, [
    ["I've approved the $75, you'll see it on your card in a few days", 'settled refund'],
    ["I've approved the $20 store credit for you", 'settled coupon'],
  ]);
  const top = (text: string) => classifyUtterance(text)[0]?.kind ?? null;
  eachMapsTo('%s → %s', top, [
    ['绘本缺页 第十二页没有', 'damaged'],
    ['the mirror arrived with a scratch along the frame', 'damaged'],
    ['I ordered the blue linen duvet cover in queen size and got a twin', 'wrong_item'],
  ]);
});
