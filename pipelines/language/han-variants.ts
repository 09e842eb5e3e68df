/**
 * Traditional Chinese characters read as their simplified forms (data/han-variants.json), one
 * UTF-16 unit for one, so the lexicons, written in simplified script, read Taiwan and Hong Kong
 * text; the normaliser keeps the map back to the characters written.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fromPackageRoot } from '../../core/paths.js';
import { parseKnowledge } from './knowledge-file.js';

const HanVariantFileSchema = z
  .object({
    id: z.literal('han-variants'),
    version: z.number().int().positive(),
    description: z.string(),
    /** Traditional then simplified, two characters per pair. */
    pairs: z.string().refine((s) => s.length % 2 === 0 && /^[\u3400-\u9fff]*$/.test(s), 'pairs of BMP Han characters'),
  })
  .strict();

/** Parses the file's text into a map from traditional character to simplified. */
export function parseHanVariants(text: string, file = 'han-variants.json'): Map<string, string> {
  const { pairs } = parseKnowledge(file, text, HanVariantFileSchema);
  const map = new Map<string, string>();
  for (let i = 0; i < pairs.length; i += 2) map.set(pairs[i]!, pairs[i + 1]!);
  return map;
}

/** The traditional → simplified map of data/han-variants.json, read once. */
export const HAN_VARIANTS: ReadonlyMap<string, string> = parseHanVariants(
  readFileSync(fromPackageRoot('pipelines/language/data/han-variants.json'), 'utf8'),
);

/**
 * Text or a pattern source with its traditional characters read as simplified: what every
 * matcher over the normalised text compiles its words with (a lexicon's 壞咗 reads 坏咗, as the
 * normalised line does).
 */
export function foldHan(source: string): string {
  let out = '';
  for (const ch of source) out += HAN_VARIANTS.get(ch) ?? ch;
  return out;
}
