import { describe, expect, it } from 'vitest';
import { parseZhNumber } from './numerals-zh.js';
import { eachMapsTo } from '../../test/table.js';

describe('parseZhNumber', () => {
  eachMapsTo('%s = %d', parseZhNumber, [
    ['十二', 12],
    ['十', 10],
    ['二十', 20],
    ['一百零五', 105],
    ['一百二十八', 128],
    ['两千', 2000],
    ['一百五', 150],
    ['两千三', 2300],
    ['一万二', 12000],
    ['三万五千', 35000],
    ['一万零五百', 10500],
    ['1万', 10000],
    ['3.5万', 35000],
    ['2千', 2000],
    ['三点五', 3.5],
    ['零点五', 0.5],
    ['128', 128],
    ['12.5', 12.5],
    ['一二八', 128],
    ['幺三八', 138],
    ['两', 2],
    ['零', 0],
    ['一亿两千万', 120000000],
  ]);

  it.each(['', '十百', '五五十', '点', '三点', '块'])('rejects %j', (input) => {
    expect(parseZhNumber(input)).toBeNull();
  });
});
