/**
 * Decision 0555: traditional characters read as simplified, one to one, in the line and in every
 * term and pattern, so spans still point at the characters written.
 */
import { describe, expect, it } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { analyzeLine } from './analyze.js';
import { compileLexiconFile } from './lexicon.js';
import { foldWidth, normalise } from './normalize.js';
import { foldScript } from './script-fold.js';

/** Every lexicon match of a line as class:written, the written text cut from the original line by the match's span. */
function matched(text: string): string[] {
  const a = analyzeLine(text, { cache: false });
  return a.clauses.flatMap((c) => c.matches.map((m) => `${m.class}:${text.slice(...m.span)}`)).sort();
}

describe('foldScript', () => {
  eachMapsTo('%s → %s', foldScript, [
    ['銀行帳號', '银行账号'],
    ['身分證字號', '身分证字号'],
    ['轉帳 退貨 訂單', '转账 退货 订单'],
    // simplified, Latin, digits and Cantonese-only characters pass unchanged
    ['我要退货 order 123 嘅', '我要退货 order 123 嘅'],
    // one to one: 後/后, 裡/里, 髮/发 fold to the simplified form matching wants
    ['之後 這裡 頭髮', '之后 这里 头发'],
  ]);

  // Decision 0565: a word folds as a whole when its characters alone would fold it wrong.
  eachMapsTo('the word %s → %s', foldScript, [
    // 帳 is the tent or the net in these words, the money everywhere else
    ['露營帳篷漏水了', '露营帐篷漏水了'],
    ['蚊帳的拉鍊壞了', '蚊帐的拉链坏了'],
    ['帳篷退款到帳戶', '帐篷退款到账户'],
    ['帳單和對帳', '账单和对账'],
    // OpenCC's phrase table: the word's own fold (覆 is 复 in 回覆, 鍊 is 链 in 拉鍊, 畫 is 划 in 計畫)
    ['我們會盡快回覆您', '我们会尽快回复您'],
    ['出貨計畫', '出货计划'],
    // a simplified line keeps its own characters: 打坏 (broken) is never OpenCC's 打坯
    ['杯子打坏了 沈阳仓发货', '杯子打坏了 沈阳仓发货'],
  ]);

  it('folds words without changing a length', () => {
    for (const text of ['露營帳篷漏水了', '拉鍊 項鍊 回覆 計畫', '𠮷帳篷'])
      expect(foldScript(text)).toHaveLength(text.length);
  });

  it('never changes a length, so a span into the folded text is a span into the original', () => {
    const text = '麻煩你把銀行帳號和身分證字號報一下給我，我們幫你處理退貨';
    expect(foldScript(text)).toHaveLength(text.length);
    expect(foldWidth(text)).toHaveLength(text.length);
  });
});

describe('normalise folds the line', () => {
  it('maps each folded character back to the traditional one written', () => {
    const n = normalise('訂單號：１２３');
    expect(n.text).toBe('订单号:123');
    expect([...n.start]).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('a traditional line matches as its simplified twin, spans on the original', () => {
  eachMapsTo(
    '%s',
    (pair: readonly [string, string]) =>
      matched(pair[0]).length > 0 && matched(pair[0]).length === matched(pair[1]).length,
    [
      [['我要退貨', '我要退货'], true],
      [['訂單號是多少', '订单号是多少'], true],
      [['麻煩你轉帳給我', '麻烦你转账给我'], true],
    ],
  );

  it('quotes the traditional characters as evidence', () => {
    expect(matched('我要退貨')).toContain('refund_ref:退貨');
    expect(matched('我要退货')).toContain('refund_ref:退货');
  });
});

describe('a term written in traditional characters', () => {
  const [entry] = compileLexiconFile(
    'trad.lexicon.json',
    JSON.stringify({ id: 't', version: 1, entries: [{ id: 'yes', class: 'yes', lang: 'zh', terms: ['係咪'] }] }),
  );
  eachMapsTo('matches %s: %s', (text: string) => new RegExp(entry!.re.source, 'u').test(foldScript(text)), [
    ['係咪你寄錯', true],
    ['系咪你寄错', true],
    ['是不是你寄错', false],
  ]);

  it('compiles its literals folded, so the literal gate lets the line through', () => {
    expect(entry!.literals).toEqual(['系咪']);
  });
});
