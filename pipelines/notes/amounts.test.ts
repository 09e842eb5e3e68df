import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../core/domain.js';
import { findAmountNotes, findAmounts } from './amounts.js';

const amounts = (text: string): [number, string][] => findAmounts(text).map((a) => [a.value, a.currency]);

describe('findAmounts', () => {
  it.each([
    ['一共¥12', [[12, 'CNY']]],
    ['好的查到了，八十九块那单对吧', [[89, 'CNY']]],
    ['收到了,12元', [[12, 'CNY']]],
    ['退您12元', [[12, 'CNY']]],
    ['就12块钱', [[12, 'CNY']]],
    ['十二块五', [[12.5, 'CNY']]],
    ['一块二毛五', [[1.25, 'CNY']]],
    ['一百二十八元', [[128, 'CNY']]],
    ['两千块', [[2000, 'CNY']]],
    ['一百五十块', [[150, 'CNY']]],
    ['给您补偿1万元', [[10000, 'CNY']]],
    ['3.5 RMB', [[3.5, 'CNY']]],
    ['人民币一百零五元', [[105, 'CNY']]],
    ['五毛钱', [[0.5, 'CNY']]],
    ['￥1,280.00', [[1280, 'CNY']]],
    ['it was $12', [[12, 'USD']]],
    ['US$ 1,280.50 total', [[1280.5, 'USD']]],
    ['12 dollars', [[12, 'USD']]],
    ['twelve dollars and fifty cents', [[12.5, 'USD']]],
    ['a hundred and twenty dollars', [[120, 'USD']]],
    ['about 12 bucks', [[12, 'USD']]],
    ['fifty cents', [[0.5, 'USD']]],
    ['20美元', [[20, 'USD']]],
    ['a coupon of 50 yuan', [[50, 'CNY']]],
    [
      '原价128元，现在99元',
      [
        [128, 'CNY'],
        [99, 'CNY'],
      ],
    ],
    [
      'I paid $45.99 and want 10 dollars back',
      [
        [45.99, 'USD'],
        [10, 'USD'],
      ],
    ],
    [
      '原价129，现在99',
      [
        [129, 'CNY'],
        [99, 'CNY'],
      ],
    ],
    ['实付39.9', [[39.9, 'CNY']]],
    ['一共花了两百', [[200, 'CNY']]],
  ])('%s', (text, expected) => {
    expect(amounts(text)).toEqual(expected);
  });

  it.each([
    '我买了3个',
    'I ordered 2 boxes',
    '订单号240611587736219',
    '我手机号13812345678',
    '6月18号到的',
    '下午3点',
    '两块蛋糕',
    '我们一块去',
    '元旦前发货',
    '打8折',
    '七天无理由',
    '这一块的问题',
    'call me at 5',
    '买了3件，每件两斤',
    'it is 50 percent off',
    '一共3个',
    '花了三天',
    '现在99',
    '价格打8折',
  ])('finds no money in %j', (text) => {
    expect(findAmounts(text)).toEqual([]);
  });

  it('reports spans into the line, without the price word', () => {
    const text = '好的，给您退十二块五，您看行吗';
    const [a] = findAmounts(text);
    expect(text.slice(a!.start, a!.end)).toBe('十二块五');
    const cued = '原价129元，实付99';
    expect(findAmounts(cued).map((x) => cued.slice(x.start, x.end))).toEqual(['129元', '99']);
  });
});

describe('findAmounts: numbers after ids, code-switching and bare prices', () => {
  it.each([
    // A fullwidth comma right after an id's digits is punctuation, not a thousands separator.
    ['单号 771203-558190，一百二十三元', [[123, 'CNY']]],
    ['订单号440192837465，一百二十七块钱', [[127, 'CNY']]],
    ['订单号 440192837465，¥35', [[35, 'CNY']]],
    ['我先 transfer 给你 thirty 块', [[30, 'CNY']]],
    ['运费 twenty 元 OK 吗', [[20, 'CNY']]],
    ['I paid thirty-nine ninety-five for it', [[39.95, 'USD']]],
    ['they charged me eighteen seventy', [[18.7, 'USD']]],
    ['fifteen twenty each, two for thirty', [[15.2, 'USD']]],
    ['the sixty-four forty I paid is gone', [[64.4, 'USD']]],
    ['nine ninety-nine a pack', [[9.99, 'USD']]],
    ['两百五十九买的，用了一周就坏了', [[259, 'CNY']]],
    ['当时是88入手的', [[88, 'CNY']]],
    [
      '一瓶三十五，两瓶六十',
      [
        [35, 'CNY'],
        [60, 'CNY'],
      ],
    ],
    ['那就一件九十九吧', [[99, 'CNY']]],
  ])('%s', (text, expected) => {
    expect(amounts(text)).toEqual(expected);
  });

  it.each([
    // Hard negatives: clock times, years, spoken ids, counts and dates stay out.
    'see you at eleven forty',
    'meet me around ten thirty tonight',
    'it shipped in nineteen ninety-eight',
    'twenty twenty-five was a bad year',
    'the code is forty-one fifty-two',
    'seven seven one, four two, oh oh nine, five three',
    'nine fifteen pm works',
    '双十一买的',
    '五一买的',
    '周三买的',
    '一箱二十四瓶',
    '一盒十二片',
    '第二盒三十',
    '订单号 771203-558190，幺五八',
    '我买了两盒，三天到',
    '6月18买的',
  ])('finds no money in %j', (text) => {
    expect(findAmounts(text)).toEqual([]);
  });
});

describe('findAmounts: links', () => {
  it('reads no money inside a link, and the amount beside it', () => {
    expect(findAmounts('退款看 https://shop.example.com/refund?amount=35元').map((a) => a.value)).toEqual([]);
    expect(findAmounts('退您35元，详情 https://shop.example.com/refund/88元').map((a) => a.value)).toEqual([35]);
  });
});

describe('findAmountNotes', () => {
  const line = (text: string): TranscriptLine => ({ speaker: 'merchant', text, startMs: 0, endMs: 1 });

  it('keeps one note per value and currency, at the first mention', () => {
    const notes = findAmountNotes([line('这个是59元的'), line('退您59块'), line('再补偿5元')]);
    expect(notes).toEqual([
      { value: 59, currency: 'CNY', utterance: 0, span: [3, 6] },
      { value: 5, currency: 'CNY', utterance: 2, span: [3, 5] },
    ]);
  });
});

describe('findAmounts: price words of the trade, counters are not money', () => {
  it.each([
    ['亲 这款给您改价一百二 您再拍', [[120, 'CNY']]],
    ['师傅上门另外收50的远程费', [[50, 'CNY']]],
    ['699也太贵了吧', [[699, 'CNY']]],
    ['定制款要先付200定金哈', [[200, 'CNY']]],
    [
      '店铺有满300减30的券',
      [
        [300, 'CNY'],
        [30, 'CNY'],
      ],
    ],
    ['满59包邮哦亲', [[59, 'CNY']]],
    ['楼下超市才卖25', [[25, 'CNY']]],
    ['那笔88的订单已经退了', [[88, 'CNY']]],
    ['我付了3次都没成功', []],
    ['收了2单', []],
    ['卖了三年了', []],
    ['付款的时候卡住了', []],
  ])('%s', (text, expected) => {
    expect(amounts(text)).toEqual(expected);
  });
});

describe('findAmounts: a price word followed by 一般 is no amount', () => {
  it.each(['微信支付一般秒到', '签收一般要两三天'])('%s', (text) => {
    expect(amounts(text)).toEqual([]);
  });
});
