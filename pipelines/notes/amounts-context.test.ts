import { describe, expect, it } from 'vitest';
import { findAmounts } from './amounts.js';

const sums = (text: string) => findAmounts(text).map((a) => `${a.value} ${a.currency}`);

// Phrasings written for these tests; none is taken from an eval set.
describe('money by the shape of what is said', () => {
  it.each([
    // a range with the currency said once, at its end
    ['运费大概10到15块 看地区', ['10 CNY', '15 CNY']],
    ['差不多三十至五十元吧', ['30 CNY', '50 CNY']],
    ['shipping usually runs six to nine dollars', ['6 USD', '9 USD']],
    ['it is $20-35 depending on the size', ['20 USD', '35 USD']],
    // a price per measure
    ['这种布料八十五一米', ['85 CNY']],
    ['散装的28一斤', ['28 CNY']],
    ['这款一千二一套 含安装', ['1200 CNY']],
    // a product noun then its price
    ['那个沙发3280 能便宜点吗', ['3280 CNY']],
    ['空调 4399 装好了吗', ['4399 CNY']],
    // an order named by what it cost
    ['我那个订单是3299的 能退差价吗', ['3299 CNY']],
    // an id read back digit by digit, then its price
    ['七七二零幺九四八三六五五幺两千八百块的那台对吧', ['2800 CNY']],
    // English plain prices
    ['the blender was 89.99 and it stopped working', ['89.99 USD']],
    ['can you just refund me the 12.50', ['12.5 USD']],
    ['the kettle thirty four ninety nine plus five bucks shipping', ['34.99 USD', '5 USD']],
    ['the mattress seven forty nine ninety five', []],
  ])('%s', (text, expected) => {
    expect(sums(text)).toEqual(expected);
  });
});

describe('numbers of the same shapes that are not money (hard negatives)', () => {
  it.each([
    ['1到3个工作日到账'],
    ['5到7天发货'],
    ['三十一斤的大米 分两袋装'],
    ['左脚 一只38 一只39 码数不一样'],
    ['墙漆一块一块往下掉'],
    ['电视65寸的 挂墙上'],
    ['洗衣机2023款的还有吗'],
    ['订单是5521907734128806的'],
    ['lens power should be -1.75 on the left'],
    ['we open at 9.30 tomorrow'],
    ['update to version 2.15 of the app'],
    ['it was back in nineteen ninety nine'],
  ])('%s', (text) => {
    expect(sums(text)).toEqual([]);
  });
});
