/**
 * Decision 0555: notes read a line written in traditional characters (Taiwan, Hong Kong) as its
 * simplified twin; every span points at the characters written.
 */
import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../core/domain.js';
import { eachMapsTo } from '../../test/table.js';
import { findAmounts } from './amounts.js';
import { findDeadlines } from './deadlines.js';
import { findOrderNumbers } from './order-numbers.js';

const line = (text: string): TranscriptLine => ({ speaker: 'customer', text, startMs: 0, endMs: 900 });
const NOW = new Date('2026-11-23T14:00:00+08:00');

describe('order numbers', () => {
  eachMapsTo('%s → %j', (text: string) => findOrderNumbers([line(text)]).map((n) => [n.value, text.slice(...n.span)]), [
    ['我的訂單號是240611587736219', [['240611587736219', '240611587736219']]],
    ['訂單編號二四零六一一五八七七三六二一九', [['240611587736219', '二四零六一一五八七七三六二一九']]],
  ]);
});

describe('amounts', () => {
  eachMapsTo(
    '%s → %j',
    (text: string) => findAmounts(text).map((a) => [a.value, a.currency, text.slice(a.start, a.end)]),
    [
      ['退款三百二十塊錢', [[320, 'CNY', '三百二十塊錢']]],
      ['退款三百二十块钱', [[320, 'CNY', '三百二十块钱']]],
      ['退款港幣三百元', [[300, 'HKD', '港幣三百']]],
    ],
  );
});

describe('deadlines', () => {
  eachMapsTo(
    '%s → %j',
    (text: string) => findDeadlines(text, NOW, 'Asia/Shanghai').map((d) => [d.date, text.slice(d.start, d.end)]),
    [
      ['我後天發貨', [['2026-11-25', '後天']]],
      ['我后天发货', [['2026-11-25', '后天']]],
      ['下個禮拜一之前寄出', [['2026-11-30', '下個禮拜一']]],
    ],
  );

  it('reads 後 as 后 without a traditional term in the deadline rules', () => {
    expect(findDeadlines('大後天', NOW, 'Asia/Shanghai').map((d) => d.date)).toEqual(['2026-11-26']);
  });
});
