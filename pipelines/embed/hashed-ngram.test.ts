import { describe, expect, it } from 'vitest';
import { cosine } from './contract.js';
import { features, HashedNgramEmbedder } from './hashed-ngram.js';

describe('HashedNgramEmbedder', () => {
  const e = new HashedNgramEmbedder(512);

  it('makes unit vectors of the stated size', async () => {
    const [v] = await e.embed(['七天无理由退货']);
    expect(v).toHaveLength(512);
    expect(Math.hypot(...v!)).toBeCloseTo(1, 6);
  });

  it('splits Chinese into characters and bigrams, other text into words and trigrams', () => {
    expect(features('退货 Refund')).toEqual([
      'c:退',
      'b:退货',
      'c:货',
      'w:refund',
      't:<re',
      't:ref',
      't:efu',
      't:fun',
      't:und',
      't:nd>',
    ]);
  });

  it('ranks the related sentence above the unrelated one, in both languages', () => {
    const zh = e.embedOne('水果坏了可以退款吗');
    expect(cosine(zh, e.embedOne('生鲜水果腐烂包赔，可仅退款'))).toBeGreaterThan(
      cosine(zh, e.embedOne('大件家电预约上门安装')),
    );
    const en = e.embedOne('my package arrived late, can I get compensation');
    expect(cosine(en, e.embedOne('compensation for late delivery of a package'))).toBeGreaterThan(
      cosine(en, e.embedOne('installation guide for the washing machine')),
    );
  });

  it('gives empty text a zero vector rather than NaN', () => {
    expect(e.embedOne('  ').every((x) => x === 0)).toBe(true);
  });
});
