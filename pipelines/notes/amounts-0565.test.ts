/**
 * Decision 0565: amount mechanisms behind blind set M's errors, on phrasings written for these tests
 * (none is in an eval set): prices said as a list beside one already priced, a rough figure (多/来),
 * a number inside a longer word, price words (金额, 下单的时候…现在, bought … for, 给您算), a bare sum
 * said again with its currency, and a model number beside a product.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { callSums } from './testing/sums.js';

describe('a price list: callSums said beside one already priced in the sentence', () => {
  eachMapsTo('%j → %j', callSums, [
    [['the kettle was nineteen ninety and the toaster twenty four fifty'], ['19.9 USD', '24.5 USD']],
    [['一个58一个36 一共94'], ['58 CNY', '36 CNY', '94 CNY']],
    [['基础费30元加上楼费15 一共45元'], ['30 CNY', '15 CNY', '45 CNY']],
    // nothing priced in the sentence: a bare list is no sum
    [['the kettle nineteen ninety'], ['19.9 USD']],
    [['we have 36 left and 58 on the way'], []],
    // a clock time beside a sum stays a time
    [['I paid $45 and the driver came at nine thirty'], ['45 USD']],
    [['退您20元 下午3:30前到账'], ['20 CNY']],
  ]);
});

describe('a rough figure or a number inside a word is no sum', () => {
  eachMapsTo('%j → %j', callSums, [
    [['那个杯子三十多块钱的'], []],
    [['比上周贵了二十多'], []],
    [['四百来块买的'], []],
    [['实付299元 跟订单一致'], ['299 CNY']],
    // 多 as a verb is no roughness
    [['亲 您多付了20元 小妹退给您'], ['20 CNY']],
  ]);
});

describe('price words', () => {
  eachMapsTo('%j → %j', callSums, [
    [['订单金额是388对吧'], ['388 CNY']],
    [['拍的时候1099 现在999了'], ['1099 CNY', '999 CNY']],
    [['每件给您算四十五'], ['45 CNY']],
    [['I ordered the lamp for 64 and now it is 49'], ['64 USD', '49 USD']],
  ]);
});

describe('a bare sum said again with its currency is that sum', () => {
  eachMapsTo('%j → %j', callSums, [
    [['the total came to 120 right', 'Yes, £120 in all.'], ['120 GBP']],
    // a different value named keeps the bare one apart
    [
      ['the total came to 120 right', 'Yes, £118 after the voucher.'],
      ['120 USD', '118 GBP'],
    ],
  ]);
});

describe('a model number beside a product is no price', () => {
  eachMapsTo('%j → %j', callSums, [
    [['iPhone 13 换屏多少钱'], []],
    [['Mate 60 现在卖多少钱'], []],
    [['my iPhone 13 screen, how much to fix it'], []],
    // the price after the model is read
    [['iPhone 13 换屏要399元'], ['399 CNY']],
  ]);
});
