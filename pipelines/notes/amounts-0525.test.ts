/**
 * Decision 0525: amount mechanisms behind blind set L's misses, on phrasings written for these tests
 * (none is in an eval set): an Australian or Singaporean call said by its words, cents said after the
 * dollars without the word, a coupon said as threshold-减-amount, a deposit as a price word, and a
 * percentage that is never a sum.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { callSums } from './testing/sums.js';

describe('a call placed by its words reads its bare dollars', () => {
  eachMapsTo('%j → %j', callSums, [
    [["g'day, the mower never turned up this arvo", "sorry about that, I'll take thirty dollars off"], ['30 AUD']],
    [['the MRT station one ah', 'ok we refund you $12 for the delivery'], ['12 SGD']],
    // No place word: the line's own dollar.
    [['the mower never turned up', "sorry about that, I'll take thirty dollars off"], ['30 USD']],
  ]);
});

describe('cents said after the dollars without the word', () => {
  eachMapsTo('%j → %j', callSums, [
    [['', 'i refund you three dollars forty back to the card'], ['3.4 USD']],
    [['', 'five dollars twenty minutes ago'], ['5 USD']],
    [['', 'twelve dollars one box two box twenty'], ['12 USD']],
  ]);
});

describe('Chinese money words and what is not money', () => {
  eachMapsTo('%j → %j', callSums, [
    [
      ['', '再送您一张三十减五的券'],
      ['30 CNY', '5 CNY'],
    ],
    [
      ['', '满100减10的券已经发您了'],
      ['100 CNY', '10 CNY'],
    ],
    [['押金300 什么时候退', ''], ['300 CNY']],
    [['', '要收百分之二十的折旧费'], []],
    [['', '只退三分之一'], []],
  ]);
});
