/**
 * Knowledge files of the engines (versioned JSON data): parsed and checked with their zod schema
 * once, patterns compiled; every error names the file and what is wrong. The language layer's, the
 * notes engine's, the suggestion engine's and moderation's files share it.
 */
import { z } from 'zod';
import { KefuError } from '../../core/errors.js';
import { foldScript } from './script-fold.js';

/** Parses a knowledge file's text; `file` only labels errors. */
export function parseKnowledge<S extends z.ZodType>(file: string, text: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new KefuError('CONFIG_INVALID', `${file}: not JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KefuError('CONFIG_INVALID', `${file}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Compiles one pattern of a knowledge file, traditional characters folded as lines are
 * (script-fold.ts); a bad one names the file and the rule.
 */
export function compilePattern(file: string, id: string, pattern: string, flags: string): RegExp {
  try {
    return new RegExp(foldScript(pattern), flags);
  } catch (err) {
    throw new KefuError('CONFIG_INVALID', `${file} ${id}: bad pattern (${(err as Error).message})`);
  }
}

/** A named pattern of a knowledge file, with an optional note saying what it reads. */
export const PatternShape = z
  .object({ id: z.string().min(1), pattern: z.string().min(1), note: z.string().optional() })
  .strict();
