/** English number words: cardinals ("one hundred and twenty-eight") for amounts and deadlines. */

export const EN_UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
export const EN_TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6 };

const WORD = [...Object.keys(EN_UNITS), ...Object.keys(EN_TENS), ...Object.keys(SCALES)].join('|');

/**
 * A cardinal as a regex source: digits ("12.50", "1,280") or number words, optionally led by
 * "a"/"an" ("a hundred"). Use with the `i` flag.
 */
export const EN_NUMBER = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\b(?:(?:a|an)\\s+(?=hundred|thousand|million))?(?:${WORD})(?:(?:\\s+|-)(?:and\\s+)?(?:${WORD}))*\\b)`;

/** Parses "12", "1,280.50", "twelve", "a hundred and five", "twenty-four", "two thousand three hundred". */
export function parseEnNumber(input: string): number | null {
  const s = input.trim().toLowerCase();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/.test(s)) return Number(s.replaceAll(',', ''));
  const words = s.split(/[\s-]+/).filter((w) => w && w !== 'and');
  if (words.length === 0) return null;
  let total = 0;
  let group: number | null = null;
  let lastSmall = Infinity; // place of the last unit/tens word inside the group, to reject "five twelve"
  for (const [i, w] of words.entries()) {
    if ((w === 'a' || w === 'an') && i === 0) {
      group = 1;
      lastSmall = 1;
      continue;
    }
    const unit = EN_UNITS[w];
    const tens = EN_TENS[w];
    const scale = SCALES[w];
    if (unit !== undefined) {
      if (lastSmall <= 10 || (lastSmall === 20 && unit >= 10)) return null;
      group = (group ?? 0) + unit;
      lastSmall = unit >= 10 ? 10 : 1;
    } else if (tens !== undefined) {
      if (lastSmall <= 20) return null;
      group = (group ?? 0) + tens;
      lastSmall = 20;
    } else if (scale === 100) {
      group = (group ?? 1) * 100;
      lastSmall = Infinity;
    } else if (scale !== undefined) {
      total += (group ?? 1) * scale;
      group = null;
      lastSmall = Infinity;
    } else {
      return null;
    }
  }
  return total + (group ?? 0);
}
