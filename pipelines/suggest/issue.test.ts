import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../core/domain.js';
import { assessIssue, classifyUtterance } from './issue.js';
import { affectedQuantity, parseSmallNumber } from './quantities.js';

const top = (text: string, fresh?: boolean) => classifyUtterance(text, { fresh })[0]?.kind ?? null;

describe('classifyUtterance', () => {
  it.each([
    ['芒果烂了好几个', 'spoiled'],
    ['苹果坏了三个', 'spoiled'],
    ['洗衣机送来就坏了', 'damaged'],
    ['洗衣机装好了但是漏水', 'damaged'],
    ['安装师傅说好今天上门，一直没来', 'installation'],
    ['我的订单怎么还没发货', 'late'],
    ['发错颜色了，我买的是白色', 'wrong_item'],
    ['少发了两个杯子', 'missing_item'],
    ['实物和图片不一样，色差很大', 'not_as_described'],
    ['买错尺码了，不想要了', 'changed_mind'],
    ['刚买完就降价了，能退差价吗', 'price_drop'],
    ['退款什么时候到账啊', 'refund_status'],
    ['Three of the ten mangoes arrived rotten', 'spoiled'],
    ['The kettle won\'t turn on', 'damaged'],
    ['You sent me the wrong item', 'wrong_item'],
    ['The charging cable was missing from the box', 'missing_item'],
    ['My order still hasn\'t shipped', 'late'],
    ['The installer never showed up for the appointment', 'installation'],
    ['It looks nothing like the picture', 'not_as_described'],
    ['I changed my mind, can I return it?', 'changed_mind'],
    ['When will I get my refund?', 'refund_status'],
    ['The price dropped two days after I bought it', 'price_drop'],
    ['The avocados have gone bad', 'spoiled'],
  ])('%s → %s', (text, kind) => {
    expect(top(text)).toBe(kind);
  });

  it('reads generic "坏了" as spoilage when the order is fresh food', () => {
    expect(top('坏了好几个')).toBe('damaged');
    expect(top('坏了好几个', true)).toBe('spoiled');
  });

  it.each([
    ['东西没坏，就是不喜欢', 'changed_mind'],
    ['It is not broken, I just changed my mind', 'changed_mind'],
    ['你好，在吗', null],
    ['好的，谢谢', null],
    ['Thanks, that works for me', null],
  ])('hard negative: %s → %s', (text, kind) => {
    expect(top(text)).toBe(kind);
  });
});

describe('assessIssue', () => {
  const lines: TranscriptLine[] = [
    { speaker: 'customer', text: '你好，我买的芒果到了', startMs: 0, endMs: 1 },
    { speaker: 'merchant', text: '您好，请问是有坏果吗？', startMs: 2, endMs: 3 },
    { speaker: 'customer', text: '对，烂了', startMs: 4, endMs: 5 },
    { speaker: 'customer', text: '十个里面有三个', startMs: 6, endMs: 7 },
    { speaker: 'merchant', text: '好的', startMs: 8, endMs: 9 },
  ];

  it('keeps the customer\'s latest issue and takes the count from the following line', () => {
    expect(assessIssue(lines, 4)).toMatchObject({ kind: 'spoiled', utterance: 2, count: 3, total: 10, share: 0.3 });
  });

  it('does not take a merchant\'s question as the customer\'s issue when the customer named one', () => {
    expect(assessIssue(lines, 0)).toBeNull();
    expect(assessIssue(lines, 1)).toMatchObject({ kind: 'spoiled', utterance: 1 });
  });
});

describe('affectedQuantity', () => {
  it.each([
    ['十个里面有三个是烂的', { count: 3, total: 10, share: 0.3 }],
    ['一共12个坏了4个', { count: 4, total: 12 }],
    ['坏了两个', { count: 2, total: null, share: null }],
    ['three out of ten are rotten', { count: 3, total: 10, share: 0.3 }],
    ['2 of them are cracked', { count: 2, total: null }],
    ['一半都烂了', { share: 0.5 }],
    ['all of them are mouldy', { share: 1, extent: 'all' }],
    ['大部分都坏了', { share: null, extent: 'most' }],
    ['订单号 240611587736219', { count: null, share: null, extent: null }],
  ])('%s', (text, expected) => {
    expect(affectedQuantity(text)).toMatchObject(expected);
  });

  it('parses small Chinese and English numbers', () => {
    expect([parseSmallNumber('十二'), parseSmallNumber('二十五'), parseSmallNumber('两'), parseSmallNumber('dozen')]).toEqual([
      12, 25, 2, 12,
    ]);
    expect(parseSmallNumber('百')).toBeNull();
  });
});

describe('affected quantity with the total said apart', () => {
  it.each([
    ['昨天收到的苹果烂了三个，一共十个', 3, 10],
    ['坏了两个，我总共买了八个', 2, 8],
    ['two are broken, I ordered six', 2, 6],
  ])('%s → %i of %i', (text, count, total) => {
    expect(affectedQuantity(text)).toMatchObject({ count, total, share: count / total });
  });

  it('ignores a total larger count cannot belong to', () => {
    expect(affectedQuantity('烂了五个，一共买了三个')).toMatchObject({ count: 5, total: null });
  });
});
