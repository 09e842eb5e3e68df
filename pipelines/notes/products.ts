import type { ProductNote } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { z } from 'zod';
import { compilePattern } from '../language/knowledge-file.js';
import { readKnowledge } from './knowledge-file.js';
import { gateForm, LiteralGate, regexMatches } from '../language/index.js';

export interface Alias {
  /** What to look for in a line. */
  pattern: RegExp;
  /** Lower-case text every match contains: a line without it is not searched (most lines, most aliases). */
  literal: string;
  /** The note's name: the catalogue title, or the common noun. */
  name: string;
  length: number;
}

const ProductsSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    description: z.string().optional(),
    zh: z.array(z.string().min(1)),
    en: z.array(z.string().min(1)),
    titleNoise: z
      .object({ id: z.string(), pattern: z.string().min(1), flags: z.string(), note: z.string().optional() })
      .strict(),
    enStopWords: z.array(z.string()),
    /** A noun that is something else when this follows it (手机号 is a phone number, not a phone). */
    notFollowedBy: z.record(z.string(), z.string()),
  })
  .strict();

interface ProductKnowledge {
  zh: readonly string[];
  en: readonly string[];
  titleNoise: RegExp;
  enStop: ReadonlySet<string>;
  notFollowedBy: Readonly<Record<string, string>>;
}

let loaded: ProductKnowledge | undefined;
/** data/products.json, checked once. */
function products(): ProductKnowledge {
  if (loaded) return loaded;
  const d = readKnowledge('products.json', ProductsSchema);
  loaded = {
    zh: d.zh,
    en: d.en,
    titleNoise: compilePattern('products.json', d.titleNoise.id, d.titleNoise.pattern, d.titleNoise.flags),
    enStop: new Set(d.enStopWords),
    notFollowedBy: d.notFollowedBy,
  };
  return loaded;
}

/** The common product nouns (data/products.json): amounts read a number right after one as its price. */
export function productNouns(): { zh: readonly string[]; en: readonly string[] } {
  const { zh, en } = products();
  return { zh, en };
}

const HAN_RUN = /[\p{Script=Han}]{2,}/gu;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const enPattern = (noun: string): RegExp => new RegExp(`\\b${escapeRegExp(noun)}(?:s|es)?\\b`, 'gi');
const zhPattern = (noun: string): RegExp => {
  const next = products().notFollowedBy[noun];
  return new RegExp(next ? `${escapeRegExp(noun)}(?!${escapeRegExp(next)})` : escapeRegExp(noun), 'g');
};

/**
 * Names a buyer may use for a catalogue title: the whole title, every tail of each Chinese
 * stretch (烟台红富士苹果 → 红富士苹果, 富士苹果, 苹果: the head noun comes last), the common
 * nouns inside it, and for English titles the last word and last two words.
 */
export function aliasesOf(title: string): string[] {
  const { zh, en: nouns, titleNoise, enStop } = products();
  const cleaned = title.replace(titleNoise, ' ');
  const out = new Set<string>([title.trim()]);
  for (const [run] of regexMatches(HAN_RUN, cleaned)) {
    for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i));
  }
  for (const noun of zh) if (title.includes(noun)) out.add(noun);
  const en = (cleaned.toLowerCase().match(/[a-z][a-z-]+/g) ?? []).filter((w) => w.length >= 3 && !enStop.has(w));
  if (en.length > 0) {
    out.add(en.at(-1)!.replace(/e?s$/, ''));
    if (en.length >= 2) out.add(en.slice(-2).join(' '));
  }
  for (const noun of nouns) if (enPattern(noun).test(title)) out.add(noun);
  return [...out].filter((a) => a.length >= 2);
}

/** The names to look for in a call, built once per call from its catalogue. */
export function aliasTable(catalogue: readonly string[]): Alias[] {
  const table: Alias[] = [];
  for (const title of catalogue) {
    for (const alias of aliasesOf(title)) {
      const latin = /^[\x20-\x7e]+$/.test(alias);
      table.push({
        pattern: latin ? enPattern(alias) : zhPattern(alias),
        literal: alias.toLowerCase(),
        name: title,
        length: alias.length,
      });
    }
  }
  const { zh, en } = products();
  for (const noun of zh)
    table.push({ pattern: zhPattern(noun), literal: noun.toLowerCase(), name: noun, length: noun.length });
  for (const noun of en)
    table.push({ pattern: enPattern(noun), literal: noun.toLowerCase(), name: noun, length: noun.length });
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
  const lower = text.toLowerCase();
  // The gate finds in one pass which literals the line may hold (a superset of `includes`, which
  // stays the test): ~250 aliases were each searched for in every line.
  const may = gateOf(table).candidates(gateForm(lower));
  // Indexed: `entries()` made a [k, alias] pair for each of ~250 aliases on every line.
  for (let k = 0; k < table.length; k++) {
    const alias = table[k]!;
    if (may[k] === 0 || !lower.includes(alias.literal)) continue;
    for (const m of regexMatches(alias.pattern, text)) {
      const span: [number, number] = [m.index, m.index + m[0].length];
      if (taken.some(([s, e]) => span[0] < e && s < span[1])) continue;
      taken.push(span);
      found.push({ name: alias.name, span });
    }
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

const gates = new WeakMap<readonly Alias[], LiteralGate>();
/** One gate per alias table (a call's), over the aliases' literals. */
function gateOf(table: readonly Alias[]): LiteralGate {
  let gate = gates.get(table);
  if (!gate) gates.set(table, (gate = new LiteralGate(table.map((a) => [a.literal]))));
  return gate;
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
