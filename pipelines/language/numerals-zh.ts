/**
 * Chinese numerals. Two readings exist: positional (一百二十八 = 128, with units 十百千万亿)
 * and digit by digit (幺三八 = "138", how order and phone numbers are read aloud).
 */

export const ZH_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  洞: 0,
  幺: 1,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** A positional numeral (digits or Chinese, optional 点 decimal) as a regex source. */
export const ZH_NUMBER =
  '(?:[0-9]+(?:\\.[0-9]+)?[万千亿]?|[零〇洞幺一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+(?:点[零〇一二三四五六七八九]+)?)';

function digitOf(c: string): number | undefined {
  return c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : ZH_DIGITS[c];
}

/**
 * Parses 十二, 一百零五, 两千, 一百五 (=150), 一万二 (=12000), 1万, 3.5万, 三点五, 128.
 * Returns null for anything that is not one well-formed number.
 */
export function parseZhNumber(input: string): number | null {
  const s = input.trim();
  if (!s) return null;
  if (/^[0-9]+(\.[0-9]+)?$/.test(s)) return Number(s);
  for (const [unit, scale] of Object.entries(BIG_UNITS).reverse()) {
    const at = s.lastIndexOf(unit);
    if (at < 0) continue;
    const high = at === 0 ? 1 : parseZhNumber(s.slice(0, at));
    const tail = s.slice(at + 1);
    if (high === null) return null;
    // 一万二 is 12000: a lone digit after a big unit counts in the next-lower place.
    const single = tail.length === 1 ? digitOf(tail) : undefined;
    const low = tail === '' ? 0 : single !== undefined ? single * (scale / 10) : parseZhNumber(tail.replace(/^零/, ''));
    return low === null ? null : high * scale + low;
  }
  const point = s.indexOf('点');
  if (point >= 0) {
    const whole = point === 0 ? 0 : parseZhSection(s.slice(0, point));
    const frac = [...s.slice(point + 1)].map(digitOf);
    if (whole === null || frac.length === 0 || frac.some((d) => d === undefined)) return null;
    return Number(`${whole}.${frac.join('')}`);
  }
  return parseZhSection(s);
}

/** Below 10 000: 十二, 一百零五, 两千三 (=2300), or digits read one by one (一二八 = 128). */
function parseZhSection(s: string): number | null {
  const chars = [...s];
  if (chars.every((c) => digitOf(c) !== undefined)) return Number(chars.map(digitOf).join(''));
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let zeroSinceUnit = false;
  for (const c of chars) {
    const unit = SMALL_UNITS[c];
    if (unit !== undefined) {
      if (unit >= lastUnit) return null;
      total += (digit ?? 1) * unit;
      lastUnit = unit;
      digit = null;
      zeroSinceUnit = false;
      continue;
    }
    const d = digitOf(c);
    if (d === undefined || digit !== null) return null;
    if (d === 0) zeroSinceUnit = true;
    else digit = d;
  }
  if (digit === null) return total;
  // 一百五 is 150 but 一百零五 is 105.
  const colloquial = lastUnit >= 100 && lastUnit !== Infinity && !zeroSinceUnit;
  return total + (colloquial ? digit * (lastUnit / 10) : digit);
}
