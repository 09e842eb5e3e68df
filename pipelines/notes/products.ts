import type { ProductNote } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { EN_PRODUCTS, ZH_PRODUCTS } from './product-lexicon.js';

export interface Alias {
  /** What to look for in a line. */
  pattern: RegExp;
  /** The note's name: the catalogue title, or the common noun. */
  name: string;
  length: number;
}

// Listing noise in titles: sizes and counts, packaging, marketing words. Removed before aliasing.
const SPEC =
  /【[^】]*】|\[[^\]]*\]|[（(][^）)]*[）)]|\d+(?:\.\d+)?\s*(?:斤|公斤|千克|kg|g|克|ml|毫升|l|升|个|只|枚|件|条|包|袋|盒|箱|瓶|支|片|cm|mm|寸|英寸|inch|pack|pcs|pieces|oz|lb)s?装?|装|包邮|新鲜|正品|官方|旗舰店?|特价|现货|新款|热卖|爆款|整箱|礼盒|家用|当季|现摘|批发|通用|套装|同款|男女款?|男款|女款/gi;
const HAN_RUN = /[\p{Script=Han}]{2,}/gu;
const EN_STOP = new Set([
  'the',
  'and',
  'for',
  'with',
  'new',
  'pro',
  'max',
  'mini',
  'plus',
  'set',
  'pack',
  'size',
  'color',
  'edition',
]);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const enPattern = (noun: string): RegExp => new RegExp(`\\b${escapeRegExp(noun)}(?:s|es)?\\b`, 'gi');
const zhPattern = (noun: string): RegExp => new RegExp(noun === '手机' ? '手机(?!号)' : escapeRegExp(noun), 'g');

/**
 * Names a buyer may use for a catalogue title: the whole title, every tail of each Chinese
 * stretch (烟台红富士苹果 → 红富士苹果, 富士苹果, 苹果: the head noun comes last), the common
 * nouns inside it, and for English titles the last word and last two words.
 */
export function aliasesOf(title: string): string[] {
  const cleaned = title.replace(SPEC, ' ');
  const out = new Set<string>([title.trim()]);
  for (const [run] of cleaned.matchAll(HAN_RUN)) {
    for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i));
  }
  for (const noun of ZH_PRODUCTS) if (title.includes(noun)) out.add(noun);
  const en = (cleaned.toLowerCase().match(/[a-z][a-z-]+/g) ?? []).filter((w) => w.length >= 3 && !EN_STOP.has(w));
  if (en.length > 0) {
    out.add(en.at(-1)!.replace(/e?s$/, ''));
    if (en.length >= 2) out.add(en.slice(-2).join(' '));
  }
  for (const noun of EN_PRODUCTS) if (enPattern(noun).test(title)) out.add(noun);
  return [...out].filter((a) => a.length >= 2);
}

/** The names to look for in a call, built once per call from its catalogue. */
export function aliasTable(catalogue: readonly string[]): Alias[] {
  const table: Alias[] = [];
  for (const title of catalogue) {
    for (const alias of aliasesOf(title)) {
      const latin = /^[\x20-\x7e]+$/.test(alias);
      table.push({ pattern: latin ? enPattern(alias) : zhPattern(alias), name: title, length: alias.length });
    }
  }
  for (const noun of ZH_PRODUCTS) table.push({ pattern: zhPattern(noun), name: noun, length: noun.length });
  for (const noun of EN_PRODUCTS) table.push({ pattern: enPattern(noun), name: noun, length: noun.length });
  // Longest first; at equal length catalogue entries (pushed first) beat common nouns.
  return table
    .map((a, i) => ({ a, i }))
    .sort((x, y) => y.a.length - x.a.length || x.i - y.i)
    .map(({ a }) => a);
}

/** Products named in one line, in the order said; the longest name wins where two overlap. */
export function productsInLine(text: string, table: readonly Alias[]): Omit<ProductNote, 'utterance'>[] {
  const taken: [number, number][] = [];
  const found: Omit<ProductNote, 'utterance'>[] = [];
  for (const alias of table) {
    for (const m of text.matchAll(alias.pattern)) {
      const span: [number, number] = [m.index, m.index + m[0].length];
      if (taken.some(([s, e]) => span[0] < e && s < span[1])) continue;
      taken.push(span);
      found.push({ name: alias.name, span });
    }
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

/**
 * Products mentioned in a call, one note per name at its first mention. With a catalogue the
 * name is the catalogue title ("苹果" → "烟台红富士苹果5斤装"); otherwise, or for goods not in
 * it, the common noun that was said.
 */
export function findProducts(lines: readonly TranscriptLine[], catalogue: readonly string[] = []): ProductNote[] {
  const table = aliasTable(catalogue);
  const notes = new Map<string, ProductNote>();
  lines.forEach((line, utterance) => {
    for (const f of productsInLine(line.text, table)) {
      if (!notes.has(f.name)) notes.set(f.name, { ...f, utterance });
    }
  });
  return [...notes.values()];
}
