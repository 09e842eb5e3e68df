import type { AmountNote } from '../../core/analysis.js';
import type { Currency, TranscriptLine } from '../../core/domain.js';
import { EN_NUMBER, parseEnNumber } from './numerals-en.js';
import { parseZhNumber, ZH_NUMBER } from './numerals-zh.js';
import { foldWidth } from './text.js';

export interface AmountMatch {
  value: number;
  currency: Currency;
  start: number;
  end: number;
}

const NUM = `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|${ZH_NUMBER})`;
const SMALL = '([零一二两三四五六七八九]|\\d)';
// Not a number's tail: a digit or numeral right before means we are inside a longer number.
// A comma only continues a number after a digit ("1,280"); after words it is punctuation ("好的，八十九块").
const START = '(?<![\\d.零〇一二两三四五六七八九十百千万亿这那哪每第])(?<!\\d,)';
// 块 is also a measure word (两块蛋糕, 一块去); 元 starts 元旦, 元素.
const KUAI = '块(?!蛋糕|糖|肉|饼|面包|巧克力|肥皂|香皂|布|玻璃|屏|砖|石|木|板|地|表|手表|电池|磁|钱包|儿|去|来|走|玩|吃|的?时间)';
const YUAN = '(?:元(?![旦素宵气件器])|圆)';
const NOT_MEASURE = '(?![个件斤箱盒包瓶袋台只双套条张天号点])';
// After a bare price: the number must end here and not be a count, date, time or discount.
const BARE_END = '(?![\\d.零〇一二两三四五六七八九十百千万]|\\s*(?:[个件斤箱盒包瓶袋台只双套条张天号点%折年月日岁周]|小时|分钟|块|元))';
const PRICE_CUE = '原价|现价|价格|售价|实付|付了|花了|一共|总共|单价|差价|降到|降价到|只要';

interface Pattern {
  re: RegExp;
  currency: Currency;
  value(m: RegExpExecArray): number | null;
  /** Report only the number's span, not the cue word before it ('d' flag required). */
  numberOnly?: boolean;
}

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
    re: new RegExp(`${START}${NUM}\\s*(?:${YUAN}|${KUAI})(?:${SMALL}${NOT_MEASURE}(?:[毛角](?:${SMALL}分?)?)?)?钱?`, 'g'),
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
    re: new RegExp(`(?<=(?:${PRICE_CUE})[^。？！?!]{1,16})(?:现在|现价|降到|变成|只要)(?:是|为|只要|才)?\\s*${NUM}${BARE_END}`, 'gd'),
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
    re: new RegExp(`(${EN_NUMBER})\\s*(?:dollars?|bucks?|usd\\b)(?:\\s+(?:and\\s+)?(${EN_NUMBER})\\s+cents?\\b)?`, 'gi'),
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
];

/** Largest sum taken as money; longer digit strings are ids (orders, phones), not prices. */
const MAX_AMOUNT = 1e8;

/**
 * Money said in one line, with its currency: a currency sign, word or unit must be present, so
 * quantities (3个, 2 boxes), dates and bare numbers are never amounts. Where two readings
 * overlap (¥50元, "twelve dollars and fifty cents") the longer one wins.
 */
export function findAmounts(text: string): AmountMatch[] {
  const folded = foldWidth(text);
  const found: AmountMatch[] = [];
  for (const p of PATTERNS) {
    for (const m of folded.matchAll(p.re)) {
      const value = p.value(m);
      if (value === null || !Number.isFinite(value) || value > MAX_AMOUNT) continue;
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
