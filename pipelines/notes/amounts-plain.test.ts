import { describe, expect, it } from 'vitest';
import { findAmounts } from './amounts.js';

const sums = (text: string) => findAmounts(text).map((a) => `${a.value} ${a.currency}`);

describe('plain numbers that are money by the words around them', () => {
  it.each([
    // the item named by its price
    ['我拍的是四百五十九的那款 收到的颜色不对', ['459 CNY']],
    ['那个88.8的保温杯盖子拧不紧', ['88.8 CNY']],
    ['一千零八十那个款式还有货吗', ['1080 CNY']],
    ['是 3680 的 这台吧', ['3680 CNY']],
    // a money word before: refund, fee, discount, price
    ['这边先退您四十 剩下的等仓库收到再退', ['40 CNY']],
    ['上门费一般是六十左右', ['60 CNY']],
    ['您要是不退 我私下再便宜二十', ['20 CNY']],
    ['师傅报价三百五 我觉得太贵', ['350 CNY']],
    // a money word after
    ['才45 运费都要十块', ['45 CNY', '10 CNY']],
    ['88包邮的东西还要我自己出运费？', ['88 CNY']],
    ['这款 569 现在是活动价', ['569 CNY']],
    // thousands with k, in the line's currency
    ['上个月3.5k买的', ['3500 CNY']],
    ['the quote came back at 2.5k, way over budget', ['2500 USD']],
  ])('%s', (text, expected) => {
    expect(sums(text)).toEqual(expected);
  });
});

describe('plain numbers that are not money (hard negatives)', () => {
  it.each([
    ['我平时穿43的 这双偏小', []],
    ['孩子身高一米四 换150的吧', []],
    ['把165的寄回来 给您发175的', []],
    ['这个充电宝10000毫安的', []],
    ['退款一般1到3个工作日到账', []],
    ['五星好评的话有惊喜哦', []],
    ['订单号 58213 退款还没到', []],
    ['您尾号6602的手机收到验证码了吗', []],
    ['价保30天 降价了可以申请', []],
    ['屏幕上掉了一块漆', []],
    ['假一赔十 放心买', []],
    ['想买几百的那种', []],
    ['3楼 302室 放门口就行 运费谁出', []],
  ])('%s', (text, expected) => {
    expect(sums(text)).toEqual(expected);
  });

  it('reads 九块九包邮 as 9.9 yuan, not 9', () => {
    expect(sums('九块九包邮还要什么自行车')).toEqual(['9.9 CNY']);
  });
});
