/**
 * How digits are read into runs (data/digit-runs.json), checked with zod on first use; errors name
 * the file and the field or pattern.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { compilePattern, PatternShape, parseKnowledge } from './knowledge-file.js';
import { DATA_DIR } from './lexicon.js';

const Shape = PatternShape;

const RunsSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    description: z.string().optional(),
    notDigits: Shape,
    pause: Shape,
    dash: Shape,
    listSeparator: Shape,
    listedDigitsMin: z.number().int().positive(),
    unitAfter: Shape,
    maxJoined: z.number().int().positive(),
    maxPauseGap: z.number().int().positive(),
    maxSpacedChunk: z.number().int().positive(),
    ohOpensRun: z.number().int().positive(),
  })
  .strict();

export interface DigitRunsKnowledge {
  ref: string;
  notDigits: RegExp;
  pause: RegExp;
  dash: RegExp;
  listSeparator: RegExp;
  listedDigitsMin: number;
  unitAfter: RegExp;
  maxJoined: number;
  maxPauseGap: number;
  maxSpacedChunk: number;
  ohOpensRun: number;
}

const FILE = 'digit-runs.json';

const compile = (shape: z.infer<typeof Shape>): RegExp => compilePattern(FILE, shape.id, shape.pattern, 'iu');

/** Parses the file's text; exported so a test can feed it a broken file. */
export function parseDigitRuns(text: string): DigitRunsKnowledge {
  const d = parseKnowledge(FILE, text, RunsSchema);
  return {
    ref: `${d.id}@${d.version}`,
    notDigits: compile(d.notDigits),
    pause: compile(d.pause),
    dash: compile(d.dash),
    listSeparator: compile(d.listSeparator),
    listedDigitsMin: d.listedDigitsMin,
    unitAfter: compile(d.unitAfter),
    maxJoined: d.maxJoined,
    maxPauseGap: d.maxPauseGap,
    maxSpacedChunk: d.maxSpacedChunk,
    ohOpensRun: d.ohOpensRun,
  };
}

let loaded: DigitRunsKnowledge | undefined;
export function digitRunsKnowledge(): DigitRunsKnowledge {
  loaded ??= parseDigitRuns(readFileSync(join(DATA_DIR, FILE), 'utf8'));
  return loaded;
}
