/**
 * Decision 0480: an ASR line that spaces every Chinese word is read as the sentence said — its
 * spaces cut no clause, end no negation and split no word — while a chat line with a pause keeps it.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLine } from './analyze.js';
import { wordSpaced } from './word-spacing.js';

const classes = (text: string) => analyzeLine(text, { cache: false }).matches.map((m) => m.class);

describe('word-spaced lines', () => {
  it('tells word timing from a pause', () => {
    expect(wordSpaced('嗯 那个 你 把 你的 银行 卡号 报 我 一下')).toBe(true);
    expect(wordSpaced('店里不好改价 加个v')).toBe(false);
    expect(wordSpaced('嗯 那个 平台那个虚拟号有时候打不通 您要是找不到师傅 直接打我这个')).toBe(false);
    // punctuation (as normalised: full-width folded) says the writer marks pauses themselves
    expect(wordSpaced('好的 那 我 帮 您 看看, 您 稍等')).toBe(false);
  });

  it('reads the words spaced apart as one word and the line as one clause', () => {
    const a = analyzeLine('嗯 那个 你 把 你的 身份证 号码 发 我 一下', { cache: false });
    expect(a.clauses).toHaveLength(1);
    expect(classes('嗯 那个 你 把 你的 身份证 号码 发 我 一下')).toEqual(
      expect.arrayContaining(['private_datum', 'request_verb']),
    );
    // spans still point at the characters as written
    const datum = a.matches.find((m) => m.class === 'private_datum')!;
    expect(a.text.slice(...datum.span)).toBe('身份证 号码');
  });

  it('lets a negation reach across the word spaces to the end of its clause', () => {
    const a = analyzeLine('您 不要 把 验证码 发 给 任何人', { cache: false });
    const neg = a.clauses.flatMap((c) => c.marks).find((m) => m.kind === 'negation')!;
    expect(a.text.slice(...neg.scope!.span)).toContain('验证码');
  });

  it('keeps the pause after a one-word answer opening the line', () => {
    const a = analyzeLine('不会 这个 是 进口 面料 的 永远 不会 脏', { cache: false });
    expect(a.clauses.length).toBeGreaterThan(1);
    expect(a.clauses[0]!.text).toBe('不会');
  });

  it('keeps the spaces beside Latin words and in a line with pauses', () => {
    expect(analyzeLine('店里不好改价 加个v', { cache: false }).clauses.length).toBe(2);
    // 張 is read as 张 (decision 0555)
    expect(analyzeLine('ok 你 send 張 相 俾我 就得', { cache: false }).norm).toContain('send 张');
  });
});
