/**
 * Decision 0615: amount mechanisms behind blind set O's errors, on phrasings written for these tests
 * (none is in an eval set): a spoken English price of one number word and a tens word is hundreds
 * alone and dollars and cents in a price list or per unit; 'a hundred' before a spoken price; a
 * phone model said as a number before its suffix; 块 counting pieces; a price said of one part.
 * The currency a call's words place it in is in call-currency.test.ts.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { callSums } from './testing/sums.js';

describe('a spoken price of one number word and a tens word', () => {
  eachMapsTo('%j → %j', callSums, [
    // alone, with price wording: hundreds
    [['the dryer cost one eighty and it died'], ['180 USD']],
    [["I'll refund the four twenty five once it's back"], ['425 USD']],
    [['there is a chargeback for three ten on this order'], ['310 USD']],
    [['that comes to five fifteen in total'], ['515 USD']],
    // in a price list, or the price of one unit: dollars and cents
    [
      ['you were charged six forty nine for the cheese and three twenty nine for the crackers'],
      ['6.49 USD', '3.29 USD'],
    ],
    [['refills are two fifty each'], ['2.5 USD']],
    // from ten dollars up it stays dollars and cents; a clock time is no price
    [['refund the twenty two fifty'], ['22.5 USD']],
    [['I paid $30 and he came at four fifteen'], ['30 USD']],
  ]);
});

describe("'a hundred' before a spoken price", () => {
  eachMapsTo('%j → %j', callSums, [
    [['the drill set a hundred forty nine ninety nine'], ['149.99 USD']],
    [['I paid a hundred and thirty for it'], ['130 USD']],
  ]);
});

describe('a phone model said as a number, 块 counting pieces, a part priced alone', () => {
  eachMapsTo('%j → %j', callSums, [
    [['我的手机是 十六 pro 壳子发成了 十六 plus 的'], []],
    [['买的 十二 mini 的膜 这个膜十五块'], ['15 CNY']],
    [['先给您寄两块样布 您看看颜色'], []],
    [['那个滤芯单买是八十九'], ['89 CNY']],
  ]);
});
