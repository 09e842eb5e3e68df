/**
 * Decision 0680: amount mechanisms behind blind set P's errors, on phrasings written for these tests
 * (none is in an eval set): the scale of the goods a call is about, a pronoun "one" after a spoken
 * price, a sum naming an order, a number that is the subject priced or a size, euros said 欧, a digit
 * after 元 counting pieces, a price after a weekday word, a measure word that opens another word,
 * remitting as paying, a demonstrative pack, and a group of a number typed in groups.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { callSums } from './testing/sums.js';

describe('a spoken price in a call about small goods is dollars and cents', () => {
  eachMapsTo('%j → %j', callSums, [
    // the goods named earlier in the call, or right before the price
    [['the yogurt in my box was off', 'sorry, I refunded the three forty nine to your card'], ['3.49 USD']],
    [['the loaf of rye five twenty nine was stale, refund it please'], ['5.29 USD']],
    // goods that cost hundreds keep the hundreds reading (hard negative)
    [['the dryer cost three forty nine and it died'], ['349 USD']],
    // a kitchen machine named after a food is no small good (hard negative)
    [['the bread maker cost one twenty and it stopped'], ['120 USD']],
  ]);
});

describe('a spoken price and what it prices', () => {
  eachMapsTo('%j → %j', callSums, [
    // "the X one": the pronoun after the price is no digit of it
    [['they charged me thirty nine ninety nine but I picked the nineteen ninety nine one'], ['39.99 USD', '19.99 USD']],
    // a sum naming an order, and "is what you paid"
    [["that's the fifty two thirty order with the rug"], ['52.3 USD']],
    [['two seventy five is what you paid for the install'], ['275 USD']],
    // a goods noun at a sum that can be no hour: its price; at an hour it stays a time (hard negative)
    [['got it, the toaster at sixty four fifty, I will send a new one'], ['64.5 USD']],
    [['the toaster at four fifteen was delivered'], []],
    // but an order id said after "order" is no sum (hard negative)
    [['the order number is 5512093384'], []],
  ]);
});

describe('a number that is the thing priced or its size is no sum', () => {
  eachMapsTo('%j → %j', callSums, [
    [["for the 15 it's $229 with the case"], ['229 USD']],
    [['the 32" TV was $279'], ['279 USD']],
  ]);
});

describe('Chinese sums', () => {
  eachMapsTo('%j → %j', callSums, [
    // 欧 after a sum is euros, 欧式 is a style
    [['关税交了 35 欧 说好包税的'], ['35 EUR']],
    [['这款欧式吊灯 2 个都坏了'], []],
    // a digit after 元 before a measure word counts pieces, not jiao (but 对吧 asks)
    [['59元一副 买二送一'], ['59 CNY']],
    [['实付29块9对吧'], ['29.9 CNY']],
    // a weekday word before a long typed price is no date
    [['上周2399买的 今天就降了'], ['2399 CNY']],
    // a measure word that opens another word (平台) leaves the price whole
    [['定金500 平台上付不了'], ['500 CNY']],
    // remitting is paying; a demonstrative pack is the item
    [['直接汇款 880 就行'], ['880 CNY']],
    [['这袋89 才吃了两顿'], ['89 CNY']],
    // a big-ticket good named right before its figure (products.json)
    [['跑步机3299 能分期吗'], ['3299 CNY']],
  ]);
});

describe('a group of a number typed in groups is no sum', () => {
  eachMapsTo('%j → %j', callSums, [
    [['pay to my OCBC 6120 3391 8802 lah, S$45 only'], ['45 SGD']],
    // short figures side by side stay sums (hard negative)
    [['I paid 45 for the kettle and 12 for the cable'], ['45 USD', '12 USD']],
  ]);
});
