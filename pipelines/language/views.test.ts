import { describe, expect, it } from 'vitest';
import { buildView, toOriginalSpan } from './views.js';

describe('buildView', () => {
  it('squeezes separators and folds full-width characters, keeping a map to the original', () => {
    const text = '加 我 ＶＸ：ａｂｃ８８';
    const view = buildView(text, 'squeezed');
    expect(view.text).toBe('加我vx:abc88');
    const s = view.text.indexOf('vx');
    const span = toOriginalSpan(text, view, s, s + 2);
    expect(text.slice(...span)).toBe('ＶＸ');
  });

  it('keeps one space between code-switched English words, but squeezes spaced-out letters', () => {
    expect(buildView('转到我 Alipay  account 就行', 'squeezed').text).toBe('转到我alipay account就行');
    expect(buildView('把 verification code 发我', 'squeezed').text).toBe('把verification code发我');
    expect(buildView('加我 V X 详聊', 'squeezed').text).toBe('加我vx详聊');
    expect(buildView('w e chat 号 kefu 8899', 'squeezed').text).toBe('wechat号kefu8899');
  });

  it('drops zero-width characters that evaders insert', () => {
    expect(buildView('微\u200b信', 'squeezed').text).toBe('微信');
  });

  it('keeps single spaces between English words and collapses runs', () => {
    const text = 'Add  me\ton   WhatsApp';
    const view = buildView(text, 'spaced');
    expect(view.text).toBe('add me on whatsapp');
    const span = toOriginalSpan(text, view, 4, view.text.length);
    expect(text.slice(...span)).toBe('me\ton   WhatsApp');
  });

  it('trims whitespace off the ends of a mapped span', () => {
    const text = 'pay  me';
    const view = buildView(text, 'spaced');
    expect(toOriginalSpan(text, view, 3, 6)).toEqual([5, 7]);
  });
});
