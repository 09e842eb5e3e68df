import { describe, expect, it } from 'vitest';
import { callLanguage, detectLanguage } from './language-id.js';

describe('detectLanguage', () => {
  it.each([
    ['我的苹果烂了三个', 'zh'],
    ['我的 iPhone 充电器坏了', 'zh'],
    ['My earbuds stopped working after two days', 'en'],
    ['order 240611587736219 的 refund 什么时候 done', 'mixed'],
    ['12345', undefined],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('takes the call language from all lines', () => {
    expect(callLanguage(['hello', '你好，请问有什么可以帮您', '苹果坏了'])).toBe('zh');
    expect(callLanguage(['hi', 'my order is late', '好的'])).toBe('en');
  });
});
