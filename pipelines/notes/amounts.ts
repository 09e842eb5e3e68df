import type { AmountNote } from '../../core/analysis.js';
import type { Currency, TranscriptLine } from '../../core/domain.js';
import {
  analyzeLine,
  blankMasks,
  EN_NUMBER,
  EN_TENS,
  EN_UNITS,
  foldWidth,
  parseEnNumber,
  parseZhNumber,
  ZH_NUMBER,
} from '../language/index.js';

export interface AmountMatch {
  value: number;
  currency: Currency;
  start: number;
  end: number;
}

const NUM = `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|${ZH_NUMBER})`;
const SMALL = '([零一二两三四五六七八九]|\\d)';
// Not a number's tail: a digit or numeral right before means we are inside a longer number.
// A comma only continues a number between digits ("1,280"); before a Chinese numeral it is
// punctuation, even right after an id (foldWidth turns "订单号…120，一百二十八元" into "…120,一百…").
const START = '(?<![\\d.零〇一二两三四五六七八九十百千万亿这那哪每第])(?<!\\d,(?=\\d))';
// 块 is also a measure word (两块蛋糕, 一块去); 元 starts 元旦, 元素.
const KUAI =
  '块(?!蛋糕|糖|肉|饼|面包|巧克力|肥皂|香皂|布|玻璃|屏|砖|石|木|板|地|表|手表|电池|磁|钱包|儿|去|来|走|玩|吃|的?时间)';
const YUAN = '(?:元(?![旦素宵气件器])|圆)';
const NOT_MEASURE = '(?![个件斤箱盒包瓶袋台只双套条张天号点])';
// After a bare price: the number must end here and not be a count, date, time or discount.
const BARE_END =
  '(?![\\d.零〇一二两三四五六七八九十百千万]|\\s*(?:[个件斤箱盒包瓶袋台只双套条张天号点%折年月日岁周]|小时|分钟|块|元))';
// A bare Chinese price must be positional (一百八十八, 68, 399): digit-by-digit readings such as
// 五一 or 幺三八 are dates and ids.
const ZH_PRICE =
  '(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九]*[十百千万][零〇一二两三四五六七八九十百千万]*(?:点[零〇一二三四五六七八九]+)?)';
// Where a bare price ends: at punctuation, the end of the line, or a particle.
const PRICE_STOP = '(?=\\s*(?:[，,。！!？?；;…、]|$|的[，,。！!？?]|吧|呢|啊|呀|哦))';
// Measure words a per-unit price hangs on ("一盒六十八", "三盒一百八十八").
const PER_UNIT = '[盒个件瓶袋包箱套只双条张台斤支罐桶份杯]';
// Before a bare price: not inside a number, a date (6月18, 双十一, 周三) or a code.
const BARE_START = '(?<![\\d.零〇一二两三四五六七八九十百千万亿这那哪每第双周月号期拜A-Za-z])';
const PRICE_CUE = '原价|现价|价格|售价|实付|付了|花了|一共|总共|单价|差价|降到|降价到|只要';

interface Pattern {
  re: RegExp;
  currency: Currency;
  value(m: RegExpExecArray): number | null;
  /** Report only the number's span, not the cue word before it ('d' flag required). */
  numberOnly?: boolean;
  /** A further check on the words around the match (folded line, match). */
  accept?(text: string, m: RegExpExecArray): boolean;
}

// Dollars and cents said as two numbers, "forty-two ninety-nine", "twelve fifty": the cents are a
// tens word or a teen, so "twenty four" (24) never splits. Only taken with a price context.
const EN_ONES = Object.keys(EN_UNITS)
  .filter((w) => EN_UNITS[w]! >= 1 && EN_UNITS[w]! <= 9)
  .join('|');
const EN_TEENS = Object.keys(EN_UNITS)
  .filter((w) => EN_UNITS[w]! >= 10)
  .join('|');
const EN_TENS_WORDS = Object.keys(EN_TENS).join('|');
const EN_DOLLARS = `(?:(?:${EN_TENS_WORDS})(?:[\\s-](?:${EN_ONES}))?|${EN_TEENS}|${EN_ONES})`;
const EN_CENTS = `(?:(?:${EN_TENS_WORDS})(?:[\\s-](?:${EN_ONES}))?|${EN_TEENS})`;
const EN_ANY_NUMBER_WORD = `(?:${EN_ONES}|${EN_TEENS}|${EN_TENS_WORDS}|zero|oh|hundred|thousand|double|triple|\\d+)`;
// Money wording before the pair in the same sentence, or a per-unit or "I paid" right after it.
const EN_PRICE_BEFORE =
  /\b(?:paid|pay|paying|cost|costs|costing|price[ds]?|charged?|charging|spent|refund\w*|money\s+back|the\s+whole|total|sells?\s+for|selling\s+for|listed\s+(?:at|for))\b[^.!?;]{0,30}$/i;
const EN_PRICE_AFTER =
  /^\s*(?:(?:a|per)\s+(?:bottle|box|pack|piece|pair|unit|set|bag|can|jar|tube|item|one|month|year|pop|dozen|pound|kilo)s?\b|each\b|apiece\b|(?:that\s+)?(?:i|we|you|they)\s+(?:paid|spent|were\s+charged|was\s+charged)\b|(?:for\s+)?(?:shipping|delivery|postage)\b|(?:plus|before|after|with)\s+tax\b)/i;
// A clock time ("at twelve fifty", "twelve fifty pm") or a year ("in nineteen ninety-nine").
const EN_NOT_PRICE_BEFORE = /\b(?:at|by|around|until|till|before|after|from|since|in|year|about)\s+$/i;
const EN_NOT_PRICE_AFTER = /^\s*(?:a\.?m\b|p\.?m\b|o'?clock|tonight|this\s+(?:morning|afternoon|evening))/i;

const zh = (s: string | undefined): number | null => (s === undefined ? 0 : parseZhNumber(s.replaceAll(',', '')));
const en = (s: string | undefined): number | null => (s === undefined ? 0 : parseEnNumber(s));
const sum = (...parts: (number | null)[]): number | null =>
  parts.some((p) => p === null) ? null : Math.round(parts.reduce<number>((a, p) => a + p!, 0) * 100) / 100;

const PATTERNS: readonly Pattern[] = [
  {
    // ¥12, ￥ 128.00, RMB 35, 人民币两百元
    re: new RegExp(`(?:[¥￥]|RMB|CNY|人民币)\\s*${NUM}(?:\\s*(?:${YUAN}|块)钱?)?`, 'gi'),
    currency: 'CNY',
    value: (m) => zh(m[1]),
  },
  {
    // 12元, 十二块五, 一块二毛五, 3.5元钱
    re: new RegExp(
      `${START}${NUM}\\s*(?:${YUAN}|${KUAI})(?:${SMALL}${NOT_MEASURE}(?:[毛角](?:${SMALL}分?)?)?)?钱?`,
      'g',
    ),
    currency: 'CNY',
    value: (m) => sum(zh(m[1]), (zh(m[2]) ?? 0) / 10, (zh(m[3]) ?? 0) / 100),
  },
  {
    // 五毛钱, 8角
    re: new RegExp(`${START}${SMALL}\\s*(?:毛(?![巾衣线绒病])|角(?![度落色]))(?:${SMALL}分?)?钱?`, 'g'),
    currency: 'CNY',
    value: (m) => sum((zh(m[1]) ?? 0) / 10, (zh(m[2]) ?? 0) / 100),
  },
  {
    // 原价129, 实付39.9, 花了两百: a price word makes a bare number money, in yuan (Chinese wording).
    re: new RegExp(`(?:${PRICE_CUE})(?:是|为|了|就|：|:)?\\s*${NUM}${BARE_END}`, 'gd'),
    currency: 'CNY',
    value: (m) => zh(m[1]),
    numberOnly: true,
  },
  {
    // "原价129，现在99": the second price is cued by the first.
    re: new RegExp(
      `(?<=(?:${PRICE_CUE})[^。？！?!]{1,16})(?:现在|现价|降到|变成|只要)(?:是|为|只要|才)?\\s*${NUM}${BARE_END}`,
      'gd',
    ),
    currency: 'CNY',
    value: (m) => zh(m[1]),
    numberOnly: true,
  },
  {
    // 三百九十九买的, 399入手的: a number right before "bought" is what it cost.
    re: new RegExp(`${BARE_START}${ZH_PRICE}\\s*(?:买的|买了|买来|入手|拍的|拍下)`, 'gd'),
    currency: 'CNY',
    value: (m) => zh(m[1]),
    numberOnly: true,
  },
  {
    // 一盒六十八，三盒一百八十八: a count with its measure word, then a bare number ending the phrase.
    re: new RegExp(
      `(?:(?<![\\d零〇一二两三四五六七八九十百千第])[一二两三四五六七八九十每单]|(?<![\\d.])[1-9]\\d?)${PER_UNIT}(?:是|要|卖|才|只要|只卖)?\\s*${ZH_PRICE}${PRICE_STOP}`,
      'gd',
    ),
    currency: 'CNY',
    value: (m) => zh(m[1]),
    numberOnly: true,
  },
  {
    re: new RegExp(`${START}${NUM}\\s*(?:美元|美金|刀(?![具片子叉]))`, 'g'),
    currency: 'USD',
    value: (m) => zh(m[1]),
  },
  {
    // $12, US$ 1,280.50, USD 35, $2k
    re: /(?:US\$|\$|\bUSD\s*)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(k)\b)?/gi,
    currency: 'USD',
    value: (m) => sum(en(m[1])! * (m[2] ? 1000 : 1)),
  },
  {
    // twelve dollars and fifty cents, 12 bucks, 20 USD
    re: new RegExp(
      `(${EN_NUMBER})\\s*(?:dollars?|bucks?|usd\\b)(?:\\s+(?:and\\s+)?(${EN_NUMBER})\\s+cents?\\b)?`,
      'gi',
    ),
    currency: 'USD',
    value: (m) => sum(en(m[1]), (en(m[2]) ?? 0) / 100),
  },
  {
    re: new RegExp(`(${EN_NUMBER})\\s*cents?\\b`, 'gi'),
    currency: 'USD',
    value: (m) => sum((en(m[1]) ?? 0) / 100),
  },
  {
    re: new RegExp(`(${EN_NUMBER})\\s*(?:rmb|cny|yuan|kuai|renminbi)\\b`, 'gi'),
    currency: 'CNY',
    value: (m) => en(m[1]),
  },
  {
    // "the whole forty-two ninety-nine", "twelve fifty I paid for shipping", "Twenty-four ninety-five a bottle".
    re: new RegExp(
      `(?<!${EN_ANY_NUMBER_WORD}[\\s,-]*)\\b(${EN_DOLLARS})[\\s-]+(${EN_CENTS})\\b(?![\\s,-]*${EN_ANY_NUMBER_WORD}\\b)`,
      'gi',
    ),
    currency: 'USD',
    value: (m) => sum(en(m[1]), (en(m[2]) ?? 0) / 100),
    accept: (text, m) => {
      const before = text.slice(0, m.index);
      const after = text.slice(m.index + m[0].length);
      if (EN_NOT_PRICE_BEFORE.test(before) || EN_NOT_PRICE_AFTER.test(after)) return false;
      return EN_PRICE_BEFORE.test(before) || EN_PRICE_AFTER.test(after);
    },
  },
  {
    // Code-switched speech: "pay 我 fifty 块运费".
    re: new RegExp(`(${EN_NUMBER})\\s*(?:${YUAN}|${KUAI})钱?`, 'gi'),
    currency: 'CNY',
    value: (m) => en(m[1]),
  },
];

/** Largest sum taken as money; longer digit strings are ids (orders, phones), not prices. */
const MAX_AMOUNT = 1e8;

/**
 * Money said in one line, with its currency: a currency sign, word or unit must be present, so
 * quantities (3个, 2 boxes), dates and bare numbers are never amounts. Where two readings
 * overlap (¥50元, "twelve dollars and fifty cents") the longer one wins.
 */
export function findAmounts(text: string): AmountMatch[] {
  // Digits inside a link, an e-mail or a handle are never money.
  const folded = foldWidth(blankMasks(analyzeLine(text)));
  const found: AmountMatch[] = [];
  for (const p of PATTERNS) {
    for (const m of folded.matchAll(p.re)) {
      const value = p.value(m);
      if (value === null || !Number.isFinite(value) || value > MAX_AMOUNT) continue;
      if (p.accept && !p.accept(folded, m)) continue;
      const [start, end] = p.numberOnly && m.indices?.[1] ? m.indices[1] : [m.index, m.index + m[0].length];
      found.push({ value, currency: p.currency, start, end });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: AmountMatch[] = [];
  for (const f of found) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/** Amounts across a call, one note per distinct value and currency at its first mention. */
export function findAmountNotes(lines: readonly TranscriptLine[]): AmountNote[] {
  const notes = new Map<string, AmountNote>();
  lines.forEach((line, utterance) => {
    for (const a of findAmounts(line.text)) {
      const key = `${a.currency}:${a.value}`;
      if (!notes.has(key)) notes.set(key, { value: a.value, currency: a.currency, utterance, span: [a.start, a.end] });
    }
  });
  return [...notes.values()];
}
