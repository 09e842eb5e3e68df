import { analyzeLine, EN_TENS, EN_UNITS, parseEnNumber, parseZhNumber, ZH_DIGITS } from '../language/index.js';
import { findAmounts } from '../notes/index.js';

/**
 * How much of an order an issue affects, as said: "10个里坏了3个", "three of the ten are rotten",
 * "一半", "all of them". Feeds proportional refunds; null when nothing precise was said.
 */
export interface AffectedQuantity {
  count: number | null;
  total: number | null;
  /** count/total or a spoken fraction, 0–1. */
  share: number | null;
  extent: 'some' | 'most' | 'all' | null;
}

/** 3, 三, 十二, 二十五, three, dozen → number, read by the language layer's numeral parsers; up to 99 is all after-sales counts need. */
export function parseSmallNumber(token: string): number | null {
  const latin = /^[a-z]/i.test(token);
  const n = latin ? (token.toLowerCase() === 'dozen' ? 12 : parseEnNumber(token)) : parseZhNumber(token);
  return n !== null && Number.isInteger(n) && n <= 99 ? n : null;
}

// Counts are one or more: a zero digit (零/〇/洞) opens no count.
const ZH_COUNT_DIGITS = Object.keys(ZH_DIGITS)
  .filter((d) => ZH_DIGITS[d]! > 0)
  .join('');
const N_ZH = `(\\d+|[${ZH_COUNT_DIGITS}十]+)`;
const N_EN = `(\\d+|${[...Object.keys(EN_UNITS), ...Object.keys(EN_TENS), 'dozen'].join('|')})`;
const UNIT = '[个只颗斤件盒箱袋瓶根块]';

const PATTERNS: { re: RegExp; count?: number; total?: number }[] = [
  {
    re: new RegExp(
      `${N_ZH}${UNIT}?(?:里面?|里头|中|当中)?(?:有|就有)?${N_ZH}${UNIT}?(?:是)?(?:坏|烂|破|碎|发霉|不能|少)`,
    ),
    total: 1,
    count: 2,
  },
  { re: new RegExp(`${N_ZH}${UNIT}(?:里面?|里头|中|当中)(?:有|就有)?${N_ZH}${UNIT}`), total: 1, count: 2 },
  { re: new RegExp(`(?:一共|总共|共)${N_ZH}${UNIT}.{0,12}?(?:坏|烂|破|碎|发霉)了?${N_ZH}${UNIT}`), total: 1, count: 2 },
  { re: new RegExp(`(?:坏|烂|破|碎|发霉|少|漏发|少发)了?${N_ZH}${UNIT}`), count: 1 },
  { re: new RegExp(`(?:有|就有)${N_ZH}${UNIT}(?:是)?(?:坏|烂|破|碎|发霉)`), count: 1 },
  { re: new RegExp(`\\b${N_EN}\\s+(?:out\\s+)?of\\s+(?:the\\s+|my\\s+)?${N_EN}\\b`, 'i'), count: 1, total: 2 },
  {
    re: new RegExp(
      `\\b${N_EN}\\s+(?:of\\s+them\\s+|\\w+\\s+)?(?:are|were|is|was|came|arrived)\\s+(?:\\w+\\s+)?(?:rotten|bad|spoiled|mouldy|moldy|broken|cracked|missing|damaged)`,
      'i',
    ),
    count: 1,
  },
  { re: new RegExp(`\\bmissing\\s+${N_EN}\\b`, 'i'), count: 1 },
];

/** A total said apart from the count: "烂了三个，一共十个", "two are broken, I ordered six". */
const TOTAL: RegExp[] = [
  new RegExp(`(?:一共|总共|共|总计|买了|订了)(?:有|是|买了)?${N_ZH}${UNIT}`),
  new RegExp(`\\b(?:total of|ordered|bought|got)\\s+${N_EN}\\b`, 'i'),
];

/** Fractions before "all": in 一半都烂了 the 都 does not mean all of them. */
const EXTENT: { re: RegExp; extent: 'some' | 'most' | 'all'; share?: number }[] = [
  // "cracked in half" / "断成两半" is how one item broke, not how many.
  { re: /(?<!(?:断|裂|掰|摔|碎)成)一半|(?<!\bin )\bhalf\b(?! (?:off|price))/i, extent: 'some', share: 0.5 },
  { re: /三分之一|a third|one third/i, extent: 'some', share: 1 / 3 },
  { re: /四分之一|a quarter|one quarter/i, extent: 'some', share: 0.25 },
  { re: /大部分|大半|多半|\bmost of (them|the)\b/i, extent: 'most' },
  {
    re: /全部|全都|都烂|都坏|整箱|一整箱|全坏|全烂|没有一个好|\ball of them\b|\bevery (one|single)\b|\bwhole (box|crate|bag)\b|\bentire (box|order)\b|\ball (rotten|spoiled|broken)\b/i,
    extent: 'all',
    share: 1,
  },
  { re: /几个|有些|一些|个别|\ba few\b|\bsome of (them|the)\b|\bseveral\b/i, extent: 'some' },
];

export function affectedQuantity(text: string): AffectedQuantity {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const count = p.count ? parseSmallNumber(m[p.count]!) : null;
    if (count === null || count === 0) continue;
    let total = p.total ? parseSmallNumber(m[p.total]!) : null;
    if (total !== null && count > total) continue;
    if (!p.total) {
      // A separately stated total that the count exceeds belongs to something else.
      const stated = statedTotal(text.slice(0, m.index) + text.slice(m.index + m[0].length));
      total = stated !== null && stated >= count ? stated : null;
    }
    const share = total ? count / total : null;
    return { count, total, share, extent: share === 1 ? 'all' : share !== null && share >= 0.5 ? 'most' : 'some' };
  }
  for (const e of EXTENT) {
    if (e.re.test(text)) return { count: null, total: null, share: e.share ?? null, extent: e.extent };
  }
  return { count: null, total: null, share: null, extent: null };
}

function statedTotal(text: string): number | null {
  for (const re of TOTAL) {
    const m = re.exec(text);
    if (m) return parseSmallNumber(m[1]!);
  }
  return null;
}

/**
 * A refund worked out from a rate on one line: a sum, then a larger sum that is a whole multiple of
 * it, with that multiple said as a count on the line (四瓶…一瓶是4块5 一共18元; 剩下三周按每周39 给您退117元;
 * "$12 each so I'll refund $24 for the two"). The larger sum is the money back, for that many units
 * of the order: the rest stands, so it is a part refund (0880). Null when the line says no such pair.
 */
export function refundByRate(text: string): number | null {
  const sums = findAmounts(text);
  if (sums.length < 2) return null;
  const counts = analyzeLine(text)
    .numbers.filter((n) => !sums.some((s) => n.span[0] < s.end && s.start < n.span[1]))
    .map((n) => n.value);
  for (let i = 0; i < sums.length; i++) {
    for (let j = i + 1; j < sums.length; j++) {
      const rate = sums[i]!.value;
      const total = sums[j]!.value;
      if (rate <= 0 || total <= rate) continue;
      const times = total / rate;
      const whole = Math.round(times);
      if (whole < 2 || whole > MAX_COUNT || Math.abs(times - whole) > 1e-6) continue;
      if (counts.includes(whole)) return total;
    }
  }
  return null;
}

/** More units than this at one rate is no after-sales count (an id's digits or a price, not a count). */
const MAX_COUNT = 99;
