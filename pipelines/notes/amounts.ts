import { z } from 'zod';
import type { AmountNote } from '../../core/analysis.js';
import { type Currency, CurrencySchema, type TranscriptLine } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import {
  analyzeLine,
  blankMasks,
  EN_NUMBER,
  EN_TENS,
  EN_UNITS,
  foldScript,
  findDigitRuns,
  foldWidth,
  gateForm,
  type LineAnalysis,
  LiteralGate,
  parseEnNumber,
  parseZhNumber,
  requiredLiterals,
  sentencesOf,
  ZH_NUMBER,
  memoByText,
  regexMatches,
} from '../language/index.js';
import { compilePattern } from '../language/knowledge-file.js';
import { readKnowledge } from './knowledge-file.js';
import { CallCurrency } from './call-currency.js';
import { productNouns } from './products.js';

/**
 * How a sum's currency was said: `dollar` — a bare $ or "dollars" (which dollar, the call says);
 * `yuan` — 块/元, which Chinese-speaking markets share; `bare` — no currency word at all, only price
 * wording. Absent: the currency was named (S$, 港币, £, RMB).
 */
export const CarriedSchema = z.enum(['dollar', 'yuan', 'bare']);
export type Carried = z.infer<typeof CarriedSchema>;

export interface AmountMatch {
  value: number;
  /** The line's own reading; a call's carried currency may re-read a `carried` sum (call-currency.ts). */
  currency: Currency;
  carried?: Carried;
  /**
   * The value a spoken price takes in a call about small goods (groceries: the eggs … the six
   * ninety), where "six ninety" is dollars and cents rather than hundreds (amounts.json `smallGoods`).
   */
  small?: number;
  start: number;
  end: number;
}

const ValueKind = z.enum([
  'number',
  'enNumber',
  'anyNumber',
  'yuanJiaoFen',
  'jiaoFen',
  'thousands',
  'dollarsCents',
  'hundredsDollarsCents',
  'hundreds',
  'cents',
]);
const Source = z.object({ pattern: z.string().min(1), flags: z.string() }).strict();
const AmountsSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    description: z.string().optional(),
    fragments: z.record(z.string(), z.string()),
    /** English price wording around a bare dollars-and-cents pair ("the whole forty-two ninety-nine"). */
    priceContext: z
      .object({
        before: Source,
        after: Source,
        notBefore: Source,
        notAfter: Source,
        /** After a sum, the price of one unit (a pack, each): a pattern's `inList` value holds. */
        perItem: Source,
        /** A sum opening so is never an hour or a year: `notBefore` words (at, by, in) leave it a price. */
        notTime: Source.extend({ note: z.string().optional() }).strict(),
      })
      .strict(),
    /**
     * Which currencies a `carried` sum can be: a bare $ or "dollars" is one of the dollars; 块/元 is
     * said of yuan and of the dollars and ringgit of Chinese-speaking markets (新币二十五…退您二十五块).
     */
    families: z.object({ dollar: z.array(CurrencySchema), yuan: z.array(CurrencySchema) }).strict(),
    /**
     * Words that place a call in a market (Singlish particles, written Cantonese, PayNow, FPS, 蝦皮):
     * the markets they are said in, the first taken until a later word narrows them, and whether
     * they settle 块/元/蚊 too (`always`, or `traditional`: on a line in traditional characters).
     * `script: traditional`: the place is said by the line's own script — its words match only on a
     * line written in traditional characters (patterns are folded to simplified where they compile,
     * so no pattern can tell the scripts apart).
     */
    places: z.array(
      z
        .object({
          id: z.string().min(1),
          currencies: z.array(CurrencySchema).min(1),
          yuan: z.enum(['always', 'traditional']).optional(),
          script: z.literal('traditional').optional(),
          pattern: z.string().min(1),
          flags: z.string(),
          note: z.string().optional(),
        })
        .strict(),
    ),
    /**
     * Words for goods sold for a few dollars (milk, eggs, bread, a loaf, a dozen): once the call
     * names one, a spoken price with an `inList` reading takes that reading (six ninety is 6.90).
     */
    smallGoods: Source.extend({ note: z.string().optional() }).strict(),
    /** Largest sum taken as money; longer digit strings are ids (orders, phones), not prices. */
    maxAmount: z.number().positive(),
    /** Said right after a sum's number, a rough figure (两百多块, 五十多): no sum. */
    approximate: Source.extend({ note: z.string().optional() }).strict(),
    patterns: z.array(
      z
        .object({
          id: z.string().min(1),
          pattern: z.string().min(1),
          flags: z.string(),
          /** `line`: the line's language decides (yuan in Chinese, dollars in English). */
          currency: z.union([CurrencySchema, z.literal('line')]),
          /** The words leave the currency open: the call's carried currency decides (call-currency.ts). */
          carried: CarriedSchema.optional(),
          value: ValueKind,
          /** Report only the number's span (group 1), not the cue word before it. */
          numberOnly: z.boolean().optional(),
          /** Taken only with English price wording around it. */
          priceContext: z.boolean().optional(),
          /** Smaller values are counts or sizes, not money (a plain 3 的 is no price). */
          minValue: z.number().nonnegative().optional(),
          /** Runs only on lines in this language (a bare 10.30 is a time or a date in Chinese chat). */
          lang: z.enum(['zh', 'en']).optional(),
          /**
           * Taken beside a sum its sentence already holds, as in a price list ("the mug twelve fifty
           * and the teapot thirty four ninety five", 一个128一个76) — or, for a `priceContext` pattern,
           * with price wording around it.
           */
          series: z.boolean().optional(),
          /**
           * The value when its sentence holds another sum — a price list (eggs four ninety nine, milk
           * three seventy nine) — or when it is the price of one unit (nine ninety-nine a pack).
           */
          inList: ValueKind.optional(),
          note: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

interface Pattern {
  re: RegExp;
  currency: Currency | 'line';
  carried: Carried | undefined;
  minValue: number;
  value(m: RegExpExecArray): number | null;
  numberOnly: boolean;
  priceContext: boolean;
  series: boolean;
  inList: ((m: RegExpExecArray) => number | null) | undefined;
  lang: 'zh' | 'en' | undefined;
}
interface Knowledge {
  patterns: Pattern[];
  /** Which patterns can match a line: the literals every match of each holds (required-literals.ts). */
  gate: LiteralGate;
  context: { before: RegExp; after: RegExp; notBefore: RegExp; notAfter: RegExp; perItem: RegExp; notTime: RegExp };
  max: number;
  families: { dollar: ReadonlySet<Currency>; yuan: ReadonlySet<Currency> };
  places: {
    currencies: readonly Currency[];
    yuan: 'always' | 'traditional' | undefined;
    script: 'traditional' | undefined;
    re: RegExp;
  }[];
  approximate: RegExp;
  smallGoods: RegExp;
}

const zh = (s: string | undefined): number | null => (s === undefined ? 0 : parseZhNumber(s.replaceAll(',', '')));
const en = (s: string | undefined): number | null => (s === undefined ? 0 : parseEnNumber(s));
const sum = (...parts: (number | null)[]): number | null =>
  parts.some((p) => p === null) ? null : Math.round(parts.reduce<number>((a, p) => a + p!, 0) * 100) / 100;

const VALUES: Record<z.infer<typeof ValueKind>, (m: RegExpExecArray) => number | null> = {
  number: (m) => zh(m[1]),
  enNumber: (m) => en(m[1]),
  anyNumber: (m) => en(m[1]) ?? zh(m[1]),
  yuanJiaoFen: (m) => sum(zh(m[1]), (zh(m[2]) ?? 0) / 10, (zh(m[3]) ?? 0) / 100),
  jiaoFen: (m) => sum((zh(m[1]) ?? 0) / 10, (zh(m[2]) ?? 0) / 100),
  thousands: (m) => sum(en(m[1])! * (m[2] ? 1000 : 1)),
  // The cents said with the word (m[2]) or, after the dollars, without it (m[3]: two dollars twenty).
  dollarsCents: (m) => sum(en(m[1]), (en(m[2] ?? m[3]) ?? 0) / 100),
  hundredsDollarsCents: (m) =>
    sum((m[1]?.toLowerCase() === 'a' ? 1 : (en(m[1]) ?? 0)) * 100, en(m[2]), (en(m[3]) ?? 0) / 100),
  // two ninety nine: the first word the hundreds.
  hundreds: (m) => sum((en(m[1]) ?? 0) * 100, en(m[2])),
  cents: (m) => sum((en(m[1]) ?? 0) / 100),
};

const alternation = (terms: readonly string[]): string =>
  [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

/** The numeral grammars and product nouns a pattern may name (the language layer's tables, products.json). */
function builtins(): Record<string, string> {
  const nouns = productNouns();
  const words = (keep: (n: number) => boolean) =>
    Object.keys(EN_UNITS)
      .filter((w) => keep(EN_UNITS[w]!))
      .join('|');
  return {
    ZH_NUMBER,
    EN_NUMBER,
    EN_ONES: words((n) => n >= 1 && n <= 9),
    EN_TEENS: words((n) => n >= 10),
    EN_TENS_WORDS: Object.keys(EN_TENS).join('|'),
    PRODUCT_ZH: alternation(nouns.zh),
    PRODUCT_EN: alternation(nouns.en),
  };
}

let loaded: Knowledge | undefined;
/** data/amounts.json with its fragments expanded, compiled once; errors name the pattern. */
function knowledge(): Knowledge {
  if (loaded) return loaded;
  const d = readKnowledge('amounts.json', AmountsSchema);
  const names: Record<string, string> = { ...builtins(), ...d.fragments };
  const expand = (source: string, id: string, depth = 0): string =>
    source.replace(/\{([A-Z_]+)\}/g, (_, name: string) => {
      const body = names[name];
      if (body === undefined || depth > 5)
        throw new KefuError('CONFIG_INVALID', `amounts.json ${id}: unknown fragment {${name}}`);
      return expand(body, id, depth + 1);
    });
  const compile = (source: string, flags: string, id: string): RegExp =>
    compilePattern('amounts.json', id, expand(source, id), flags);
  const c = d.priceContext;
  const patterns = d.patterns.map((p) => ({
    re: compile(p.pattern, p.flags, p.id),
    currency: p.currency,
    carried: p.carried,
    minValue: p.minValue ?? 0,
    value: VALUES[p.value],
    numberOnly: p.numberOnly ?? false,
    priceContext: p.priceContext ?? false,
    series: p.series ?? false,
    inList: p.inList && VALUES[p.inList],
    lang: p.lang,
  }));
  loaded = {
    patterns,
    gate: new LiteralGate(patterns.map((p) => requiredLiterals(p.re))),
    context: {
      before: compile(c.before.pattern, c.before.flags, 'priceContext.before'),
      after: compile(c.after.pattern, c.after.flags, 'priceContext.after'),
      notBefore: compile(c.notBefore.pattern, c.notBefore.flags, 'priceContext.notBefore'),
      notAfter: compile(c.notAfter.pattern, c.notAfter.flags, 'priceContext.notAfter'),
      perItem: compile(c.perItem.pattern, c.perItem.flags, 'priceContext.perItem'),
      notTime: compile(c.notTime.pattern, c.notTime.flags, 'priceContext.notTime'),
    },
    max: d.maxAmount,
    families: { dollar: new Set(d.families.dollar), yuan: new Set(d.families.yuan) },
    places: d.places.map((p) => ({
      currencies: p.currencies,
      yuan: p.yuan,
      script: p.script,
      re: compile(p.pattern, p.flags, p.id),
    })),
    approximate: compile(d.approximate.pattern, d.approximate.flags, 'approximate'),
    smallGoods: compile(d.smallGoods.pattern, d.smallGoods.flags, 'smallGoods'),
  };
  return loaded;
}

/** The currencies a bare $/"dollars" (`dollar`) or 块/元 (`yuan`) may stand for (amounts.json families). */
export function currencyFamily(family: 'dollar' | 'yuan'): ReadonlySet<Currency> {
  return knowledge().families[family];
}

/**
 * A bare dollars-and-cents pair is a price only with price wording around it (`priced`) or in a
 * price list (`listed`, see `series`), never a clock time or a date (`timed`).
 */
function pricing(k: Knowledge, text: string, m: RegExpExecArray): 'priced' | 'listed' | 'timed' {
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  const clock = k.context.notBefore.test(before) && !k.context.notTime.test(m[0]);
  if (clock || k.context.notAfter.test(after)) return 'timed';
  return k.context.before.test(before) || k.context.after.test(after) ? 'priced' : 'listed';
}

/**
 * The markets a line's words place the call in (amounts.json `places`: lah, 咗, PayNow, FPS, 蝦皮):
 * those every place word of the line shares (the first word's when they share none), and whether
 * they settle 块/元/蚊 too. Undefined when no word places it.
 */
export const placeOf = memoByText((text: string): Place | undefined => {
  const folded = foldedOf(text);
  let place: Place | undefined;
  for (const p of knowledge().places) {
    if (!p.re.test(folded) || (p.script === 'traditional' && !writtenTraditional(text))) continue;
    const yuan = p.yuan === 'always' || (p.yuan === 'traditional' && foldScript(text) !== text);
    if (place === undefined) place = { currencies: p.currencies, yuan };
    else {
      const shared = place.currencies.filter((c) => p.currencies.includes(c));
      if (shared.length > 0) place = { currencies: shared, yuan: place.yuan || yuan };
    }
  }
  return place;
});

/** Characters a line must write in their traditional form to be written in that script (a stray one is a typing slip). */
const TRADITIONAL_CHARS = 2;

/** The line is written in traditional characters: at least `TRADITIONAL_CHARS` of them fold. */
function writtenTraditional(text: string): boolean {
  const folded = foldScript(text);
  if (folded === text) return false;
  let differ = 0;
  for (let i = 0; i < text.length && differ < TRADITIONAL_CHARS; i++) if (text[i] !== folded[i]) differ++;
  return differ >= TRADITIONAL_CHARS;
}

/** Where a line's words place a call: its candidate markets (first taken) and whether 块/元 follow. */
export interface Place {
  currencies: readonly Currency[];
  yuan: boolean;
}

/** The line as the amount patterns read it: masks blanked, widths folded (placeOf and amountsOf both ask). */
const foldedOf = memoByText((text: string): string => foldWidth(blankMasks(analyzeLine(text))));

/**
 * Money said in one line, with its currency: a currency sign, word or unit must be present, so
 * quantities (3个, 2 boxes), dates and bare numbers are never amounts. Where two readings
 * overlap (¥50元, "twelve dollars and fifty cents") the longer one wins.
 */
export function findAmounts(text: string): AmountMatch[] {
  // Notes, the order-number reader, the promise ledger and advice all ask about the same line.
  return amountsOf(text).slice();
}

/** Fewer words than this before a tail are no id read out digit by digit (see `spokenTail`). */
const ID_WORDS = 3;

const amountsOf = memoByText((text: string): readonly AmountMatch[] => {
  // Digits inside a link, an e-mail or a handle are never money.
  const analysis = analyzeLine(text);
  const folded = foldedOf(text);
  const k = knowledge();
  const found: AmountMatch[] = [];
  // Sums of a price list, taken only beside a sum their sentence holds (see `series`).
  const listed: AmountMatch[] = [];
  // A clock time or a date read by a price-worded pattern ("at nine thirty"): no part of it is listed.
  const timed: [number, number][] = [];
  // A sum read otherwise in a price list (see `inList`), by the value it takes there.
  const listValue = new Map<AmountMatch, number>();
  // Most lines hold no currency word or sign: the patterns that need one are not run on them.
  const may = k.gate.candidates(gateForm(folded));
  for (let i = 0; i < k.patterns.length; i++) {
    const p = k.patterns[i]!;
    if (may[i] === 0 || (p.lang !== undefined && p.lang !== analysis.lang)) continue;
    for (const whole of regexMatches(p.re, folded)) {
      const m = p.value(whole) === null ? spokenTail(whole, p.value) : whole;
      const value = m && p.value(m);
      if (!m || value == null || !Number.isFinite(value) || value > k.max || value < p.minValue) continue;
      const matchEnd = m.index + m[0].length;
      if (k.approximate.test(folded.slice(matchEnd))) continue;
      const said = p.priceContext ? pricing(k, folded, m) : 'priced';
      if (said === 'timed') timed.push([m.index, matchEnd]);
      if (said === 'timed' || (said === 'listed' && !p.series)) continue;
      const unpriced = said === 'listed';
      const [start, end] = p.numberOnly && m.indices?.[1] ? m.indices[1] : [m.index, matchEnd];
      const currency = p.currency === 'line' ? (analysis.lang === 'en' ? 'USD' : 'CNY') : p.currency;
      const sum = p.carried ? { value, currency, carried: p.carried, start, end } : { value, currency, start, end };
      (unpriced || (p.series && !p.priceContext) ? listed : found).push(sum);
      const inList = p.inList?.(m);
      if (inList != null) listValue.set(sum, inList);
    }
  }
  const sentences = sentenceSpans(analysis);
  const sentenceAt = (at: number) => sentences.findIndex(([s, e]) => at >= s && at < e);
  const held = new Set(found.map((f) => sentenceAt(f.start)));
  const clock = (l: AmountMatch) => timed.some(([s, e]) => l.start < e && s < l.end);
  found.push(...listed.filter((l) => held.has(sentenceAt(l.start)) && !clock(l)));
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: AmountMatch[] = [];
  const chunked = found.some((f) => f.carried === 'bare') ? groupedRuns(text) : [];
  for (const f of found) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    // A bare figure that is one group of a longer number typed in groups (CIMB 8003 4417 2290) is no sum.
    if (
      f.carried === 'bare' &&
      chunked.some((r) => r.start <= f.start && f.end <= r.end && r.end - r.start > f.end - f.start)
    )
      continue;
    kept.push(f);
  }
  const inList = (f: AmountMatch) =>
    k.context.perItem.test(folded.slice(f.end)) ||
    kept.some((o) => o !== f && sentenceAt(o.start) === sentenceAt(f.start));
  return kept
    .map((f) => {
      const other = listValue.get(f);
      if (other === undefined) return f;
      return inList(f) ? { ...f, value: other } : { ...f, small: other };
    })
    .sort((a, b) => a.start - b.start);
});

/** The line names goods sold for a few dollars (amounts.json `smallGoods`). */
export const namesSmallGoods = memoByText((text: string): boolean => knowledge().smallGoods.test(foldedOf(text)));

/** Numbers typed in groups (a card or an account: 8003 4417 2290), as the language layer reads runs. */
function groupedRuns(text: string): readonly { start: number; end: number }[] {
  return findDigitRuns(text).filter((r) => r.chunks.length > 1 && r.digits.length >= GROUPED_DIGITS);
}

/** Fewer digits than this in a grouped run are a price and its cents or a short list, not an id. */
const GROUPED_DIGITS = 8;

/** Each sentence of the line as a span of the original text (the language layer's sentences). */
function sentenceSpans(analysis: LineAnalysis): [number, number][] {
  const spans = sentencesOf(analysis).map((s): [number, number] => [s[0]!.span[0], s.at(-1)!.span[1]]);
  if (spans.length > 0) {
    spans[0]![0] = 0;
    spans.at(-1)![1] = analysis.text.length;
  }
  return spans;
}

/**
 * A sum said right after digits read one by one ("nine zero zero one five fifty eight bucks": an
 * order id, then 58): the longest run of the number's last words that reads as a number, with the
 * match moved to start there. Null when no tail reads, or when fewer than `ID_WORDS` words come
 * before it ("at four fifteen" is a time, not four and then 15).
 */
function spokenTail(m: RegExpExecArray, value: (m: RegExpExecArray) => number | null): RegExpExecArray | null {
  const words = m[1];
  if (words === undefined || m[0].indexOf(words) !== 0) return null;
  for (let at = words.indexOf(' '), n = 1; at >= 0; at = words.indexOf(' ', at + 1), n++) {
    if (n < ID_WORDS) continue;
    const cut = at + 1;
    const tail = Object.assign([m[0].slice(cut), words.slice(cut), ...m.slice(2)], {
      index: m.index + cut,
      input: m.input,
      groups: m.groups,
    }) as unknown as RegExpExecArray;
    if (value(tail) !== null) return tail;
  }
  return null;
}

/**
 * A call's sums, read line by line: each in the call's currency (a sum whose words name none takes
 * the call's, call-currency.ts, `market` when none was named), one note per distinct value and
 * currency at its first mention. The one fold behind `findAmountNotes` and the live notes tracker.
 */
export class CallAmounts {
  private readonly currency: CallCurrency;
  private readonly notes = new Map<string, AmountNote>();
  /** A line so far named small goods: spoken prices take their dollars-and-cents reading. */
  private small = false;

  constructor(market?: Currency) {
    this.currency = new CallCurrency(market);
  }

  /** Notes whose sum's currency nothing in the call said yet (a bare $ before "lah"), with the sum. */
  private readonly open = new Map<string, AmountMatch>();

  /** The line's sums in the call's currency; `added` when the notes changed. */
  read(text: string, utterance: number): { sums: AmountMatch[]; added: boolean } {
    const placed = this.currency.place(placeOf(text));
    this.small ||= namesSmallGoods(text);
    const found = findAmounts(text).map(({ small, ...a }) =>
      this.small && small !== undefined ? { ...a, value: small } : a,
    );
    const namedBefore = this.currency.namedKey;
    const sums = this.currency.read(found);
    // Re-read after the line's own named currency is known (the $45 one … it was US$45 lah), and
    // when the line names a currency for the first time (a bare $90 … an A$40 credit: 0880).
    // Only a bare $ or "dollars" waits for a dollar named later: a figure with no currency word at all
    // (这双1800有点贵 … 250刀) is not said in the currency named after it (blind-e mx04).
    const named = this.currency.namedKey !== namedBefore;
    let added = (placed || named) && this.rereadOpen(!placed);
    for (const [i, a] of sums.entries()) {
      const key = `${a.currency}:${a.value}`;
      if (!this.notes.has(key) && !this.currency.isOpen(found[i]!)) added = this.settleOpen(a) || added;
      if (this.notes.has(key)) {
        // Said again with its currency settled (US$120 after a bare $120): no longer open.
        if (!this.currency.isOpen(found[i]!)) this.open.delete(key);
        continue;
      }
      this.notes.set(key, { value: a.value, currency: a.currency, utterance, span: [a.start, a.end] });
      if (this.currency.isOpen(found[i]!)) this.open.set(key, found[i]!);
      added = true;
    }
    return { sums, added };
  }

  /**
   * A sum whose currency was open, said again with its currency (the total was 349 … £349): one sum,
   * in that currency, at its first mention.
   */
  private settleOpen(a: AmountMatch): boolean {
    const twin = [...this.open.keys()].find((key) => this.notes.get(key)?.value === a.value);
    if (twin === undefined) return false;
    this.open.delete(twin);
    const notes = [...this.notes];
    this.notes.clear();
    for (const [key, note] of notes) {
      if (key === twin) this.notes.set(`${a.currency}:${a.value}`, { ...note, currency: a.currency });
      else this.notes.set(key, note);
    }
    return true;
  }

  /**
   * The call was just placed in a market, or its place narrowed: its open sums are read again,
   * first mention kept; they stay open while only the place says their currency.
   */
  private rereadOpen(dollarsOnly = false): boolean {
    const open = [...this.open].filter(([, a]) => !dollarsOnly || a.carried === 'dollar');
    for (const [key] of open) this.open.delete(key);
    const moved = new Map(open.map(([key, a]) => [key, this.currency.reread(a)]));
    for (const [key, a] of open) if (this.currency.isOpen(a)) this.open.set(`${moved.get(key)}:${a.value}`, a);
    if (![...moved].some(([key, c]) => !key.startsWith(`${c}:`))) return false;
    const notes = [...this.notes];
    this.notes.clear();
    for (const [key, note] of notes) {
      const currency = moved.get(key) ?? note.currency;
      const now = `${currency}:${note.value}`;
      if (!this.notes.has(now)) this.notes.set(now, { ...note, currency });
    }
    return true;
  }

  get all(): AmountNote[] {
    return [...this.notes.values()];
  }
}

/** Amounts across a call (see `CallAmounts`). */
export function findAmountNotes(lines: readonly TranscriptLine[], market?: Currency): AmountNote[] {
  const amounts = new CallAmounts(market);
  lines.forEach((line, utterance) => amounts.read(line.text, utterance));
  return amounts.all;
}
