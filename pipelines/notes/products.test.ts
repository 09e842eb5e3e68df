import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../core/domain.js';
import { aliasesOf, findProducts } from './products.js';

const line = (text: string): TranscriptLine => ({ speaker: 'customer', text, startMs: 0, endMs: 1 });
const names = (texts: string[], catalogue?: string[]): string[] =>
  findProducts(texts.map(line), catalogue).map((p) => p.name);

describe('aliasesOf', () => {
  it('reads the head noun and common nouns out of a listing title', () => {
    const aliases = aliasesOf('现摘烟台红富士苹果5斤装【顺丰包邮】');
    expect(aliases).toEqual(expect.arrayContaining(['苹果', '红富士苹果', '红富士']));
    expect(aliases).not.toContain('包邮');
    expect(aliases).not.toContain('斤装');
  });

  it('takes the last words of an English title', () => {
    expect(aliasesOf('Wireless Bluetooth Earbuds Pro')).toEqual(
      expect.arrayContaining(['earbud', 'bluetooth earbuds']),
    );
  });
});

describe('findProducts', () => {
  const catalogue = ['烟台红富士苹果5斤装', '美的电饭煲4L家用', 'Wireless Bluetooth Earbuds Pro'];

  it('maps what the buyer says to the catalogue title', () => {
    expect(names(['收到的苹果烂了三个'], catalogue)).toEqual(['烟台红富士苹果5斤装']);
    expect(names(['电饭煲不加热'], catalogue)).toEqual(['美的电饭煲4L家用']);
    expect(names(['the left earbud keeps disconnecting'], catalogue)).toEqual(['Wireless Bluetooth Earbuds Pro']);
  });

  it('falls back to common nouns for goods not in the catalogue, or without one', () => {
    expect(names(['我还买了一箱橙子'], catalogue)).toEqual(['橙子']);
    expect(names(['the blender arrived with a cracked jar'])).toEqual(['blender']);
    expect(names(['羽绒服掉毛，裤子也短了'])).toEqual(['羽绒服', '裤子']);
  });

  it('gives the span of the words said and one note per product', () => {
    const notes = findProducts([line('苹果坏了'), line('对，苹果')], catalogue);
    expect(notes).toEqual([{ name: '烟台红富士苹果5斤装', utterance: 0, span: [0, 2] }]);
  });

  it.each([['我的手机号是13812345678'], ['I will call your phone'], ['in that case I will refund']])(
    'finds no product in %j',
    (text) => {
      expect(names([text])).toEqual([]);
    },
  );
});
