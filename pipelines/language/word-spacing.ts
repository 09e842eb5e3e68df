/**
 * Word-spaced lines (data/word-spacing.json, decision 0480): an ASR line that spaces every Chinese
 * word is read with those spaces dropped, so its clauses, negation scopes and words are those of
 * the sentence said, not one clause per word. A line with pauses keeps its spaces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { unpunctuated } from './clauses.js';
import { compilePattern, PatternShape, parseKnowledge } from './knowledge-file.js';
import { DATA_DIR } from './lexicon.js';
import type { Normalised } from './normalize.js';
import { regexMatches } from './regex-matches.js';

const Shape = PatternShape;
const SpacingSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    description: z.string().optional(),
    minRuns: z.number().int().positive(),
    maxMedianRun: z.number().int().positive(),
    gap: Shape,
    run: Shape,
  })
  .strict();

interface Spacing {
  minRuns: number;
  maxMedianRun: number;
  gap: RegExp;
  run: RegExp;
}

let loaded: Spacing | undefined;
function spacing(): Spacing {
  if (loaded) return loaded;
  const file = 'word-spacing.json';
  const k = parseKnowledge(file, readFileSync(join(DATA_DIR, file), 'utf8'), SpacingSchema);
  loaded = {
    minRuns: k.minRuns,
    maxMedianRun: k.maxMedianRun,
    gap: compilePattern(file, k.gap.id, k.gap.pattern, 'gu'),
    run: compilePattern(file, k.run.id, k.run.pattern, 'gu'),
  };
  return loaded;
}

/** Whether the line's spaces are word timing (see the data file). */
export function wordSpaced(norm: string): boolean {
  const s = spacing();
  if (!unpunctuated(norm, [])) return false;
  const runs = [...regexMatches(s.run, norm)].map((m) => m[0].length).sort((a, b) => a - b);
  return runs.length >= s.minRuns && runs[Math.floor(runs.length / 2)]! <= s.maxMedianRun;
}

/** The normalised line with a word-spaced line's Han–Han spaces dropped; any other line as it is. */
export function joinSpacedWords(n: Normalised): Normalised {
  if (!wordSpaced(n.text)) return n;
  const keep: number[] = [];
  let at = 0;
  for (const m of regexMatches(spacing().gap, n.text)) {
    for (let i = at; i < m.index; i++) keep.push(i);
    at = m.index + m[0].length;
  }
  for (let i = at; i < n.text.length; i++) keep.push(i);
  return {
    text: keep.map((i) => n.text[i]).join(''),
    start: Int32Array.from(keep, (i) => n.start[i]!),
    end: Int32Array.from(keep, (i) => n.end[i]!),
  };
}
