import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { segment } from './segment.js';

describe('segment', () => {
  it('cuts Chinese into words with the default and the user dictionary, offsets into the text', () => {
    const text = '我想申请退款，耳机坏了';
    const words = segment(text).map(([a, b]) => text.slice(a, b));
    expect(words.join('')).toBe('我想申请退款，耳机坏了');
    expect(words).toContain('退款');
    expect(words).toContain('耳机');
  });

  it('holds no copy of the dictionary files once jieba has parsed them (decision 0725)', () => {
    segment('退款');
    const cached = Object.keys(createRequire(import.meta.url).cache);
    expect(cached.filter((f) => f.includes('@node-rs/jieba') && f.endsWith('dict.js'))).toEqual([]);
  });
});
