import { describe, expect, it } from 'vitest';
import { analyzeLine, blankMasks, spokenDigits } from './index.js';

const clauses = (text: string) => analyzeLine(text).clauses.map((c) => c.text);

describe('clauses', () => {
  it('splits at punctuation and contrastive conjunctions', () => {
    expect(clauses('不能退款，但是可以补发。您看可以吗？')).toEqual(['不能退款', '但是可以补发', '您看可以吗']);
  });

  it('splits unpunctuated ASR text at particles and discourse cues', () => {
    expect(clauses('好的亲我这边帮您看一下哈如果没货的话那我就给您退款')).toEqual([
      '好的亲我这边帮您看一下哈',
      '如果没货的话',
      '那我就给您退款',
    ]);
    expect(clauses('ok so I checked the order it was shipped yesterday so you should get it soon')).toEqual([
      'ok',
      'so I checked the order it was shipped yesterday',
      'so you should get it soon',
    ]);
  });

  it('keeps a particle that is part of a word (吧台, 哈密瓜) and does not split punctuated text at 如果', () => {
    expect(clauses('这个吧台和哈密瓜都坏了')).toHaveLength(1);
    expect(clauses('好的，您如果需要的话可以申请')).toEqual(['好的', '您如果需要的话可以申请']);
  });

  it('marks sentence starts and questions ended by ?', () => {
    const a = analyzeLine('您好。请问是退款吗？好的');
    expect(a.clauses.map((c) => c.sentenceStart)).toEqual([true, true, true]);
    expect(a.clauses[1]!.marks.some((m) => m.entry === 'punct.question')).toBe(true);
  });
});

describe('normalisation and spans', () => {
  it('folds full-width digits and maps every span back to the original', () => {
    const text = '订单号：１２３４５６７８９０，退您３２元';
    const a = analyzeLine(text);
    expect(a.norm).toBe('订单号:1234567890,退您32元');
    const order = a.numbers.find((n) => n.value === 1234567890)!;
    expect(text.slice(...order.span)).toBe('１２３４５６７８９０');
    expect(text.slice(...a.numbers.find((n) => n.value === 32)!.span)).toBe('３２');
    for (const c of a.clauses) expect(text.slice(...c.span)).toBe(c.text);
  });

  it('reads a typographic apostrophe as ASCII, one character for one', () => {
    const a = analyzeLine('You’re sure you’ll be home?');
    expect(a.norm).toBe("You're sure you'll be home?");
    expect(a.clauses[0]!.marks.filter((m) => m.kind === 'addressee').map((m) => a.text.slice(...m.span))).toEqual([
      'You’re',
      'you’ll',
    ]);
  });

  it('drops invisible characters but keeps spans exact', () => {
    const text = '加\u200b微信';
    const a = analyzeLine(text);
    expect(a.norm).toBe('加微信');
    const m = a.matches.find((x) => x.class === 'contact_channel')!;
    expect(text.slice(...m.span)).toBe('加\u200b微');
  });

  it('masks links, e-mails, handles and platform fields; digits inside them are no numbers', () => {
    const text =
      '看这个 https://web.archive.org/web/20231105123456/x.com 或者发邮件 a.b@shop.com，@kefu_help [订单x] 退[金额x]';
    const a = analyzeLine(text);
    expect(a.masks.map((m) => m.kind)).toEqual(['url', 'email', 'handle', 'platform', 'platform']);
    expect(a.masks.filter((m) => m.kind === 'platform').map((m) => m.field)).toEqual(['order', 'amount']);
    expect(a.numbers).toEqual([]);
    const url = a.masks[0]!;
    expect(text.slice(...url.span)).toBe('https://web.archive.org/web/20231105123456/x.com');
    expect(blankMasks(a)).toHaveLength(text.length);
    expect(blankMasks(a)).not.toMatch(/2023/);
  });

  it('keeps a sentence full stop out of a link and a clause break out of it', () => {
    const a = analyzeLine('Visit shop.com/help?id=42. Then reply.');
    expect(a.masks[0]!.text).toBe('shop.com/help?id=42');
    expect(a.clauses.map((c) => c.text)).toEqual(['Visit shop.com/help?id=42', 'Then reply']);
  });
});

describe('numbers', () => {
  it.each([
    ['幺三八', 138, '138'],
    ['三千二百', 3200, undefined],
    ['两千', 2000, undefined],
    ['double four oh seven', 4407, '4407'],
    ['twenty-four', 24, undefined],
    ['1,280.50', 1280.5, undefined],
  ])('%s = %d', (text, value, digits) => {
    const [n] = analyzeLine(text).numbers;
    expect(n?.value).toBe(value);
    expect(n?.digits).toBe(digits);
  });

  it('spokenDigits reads number words digit by digit', () => {
    expect(spokenDigits('double four oh seven')).toBe('4407');
    expect(spokenDigits('twenty-four')).toBe('24');
    expect(spokenDigits('eleven')).toBe('11');
    expect(spokenDigits('four hundred')).toBeNull();
  });

  it('reads no number in 一下, 一直 or "one moment"', () => {
    expect(analyzeLine('我看一下，一直没到').numbers).toEqual([]);
    expect(analyzeLine('one moment please').numbers).toEqual([]);
  });
});

describe('language and words', () => {
  it('detects the language without counting links as English', () => {
    expect(analyzeLine('看这里 https://example.com/some/long/english/path').lang).toBe('zh');
    expect(analyzeLine('my order is late').lang).toBe('en');
  });

  it('segments with the e-commerce dictionary', () => {
    const words = analyzeLine('小妹帮您申请价保和运费险').tokens.map((t) => t.text);
    expect(words).toEqual(expect.arrayContaining(['小妹', '价保', '运费险']));
  });

  it('analyses a line once: the same text returns the same object', () => {
    expect(analyzeLine('稍等，正在为您核实')).toBe(analyzeLine('稍等，正在为您核实'));
  });
});
