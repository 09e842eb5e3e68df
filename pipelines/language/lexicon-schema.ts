/**
 * Lexicon files (`data/*.lexicon.json`): the cue words of every clause mark and the word classes
 * engines match against (private_datum, request_verb, service_verb…). Knowledge lives here as
 * versioned data; code only compiles it. Any engineer may add a file or an entry; ids are unique
 * across all files.
 */
import { z } from 'zod';

export const LexiconEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_.-]+$/, 'ids are lowercase letters, digits, . _ -'),
    /** `mark.<kind>` for a clause mark's cues, `clause.*` for the splitter, anything else is a word class. */
    class: z.string().regex(/^[a-z][a-z0-9_.]*$/, 'class names are lowercase snake_case, dotted'),
    lang: z.enum(['zh', 'en', 'any']),
    /** Literal words; Latin ones match on word boundaries, case-insensitively. */
    terms: z.array(z.string().min(1)).default([]),
    /** Regex sources (flags `giu`) for what a word list cannot say. */
    patterns: z.array(z.string().min(1)).default([]),
    /** A match lying inside one of these words is not a match (不 in 不过, 请 in 申请). */
    notWithin: z.array(z.string().min(1)).default([]),
    /** Entry ids whose matches cancel a match lying inside them (不 inside the question 信不信). */
    notInside: z.array(z.string()).default([]),
    /**
     * Where in its clause the match must sit (trailing punctuation and emoji ignored); `alone`: it
     * is the whole clause (a name hurled on its own: "废物", "…, moron.").
     */
    at: z.enum(['anywhere', 'start', 'end', 'alone']).default('anywhere'),
    /** Must the match start (and end) on a word-segment boundary? `token` guards 亲 from 父亲. */
    align: z.enum(['none', 'token', 'token_start']).default('none'),
    /** Latin terms match whole words unless false (n't inside can't). */
    bound: z.boolean().default(true),
    note: z.string().optional(),
  })
  .strict()
  .refine((e) => e.terms.length + e.patterns.length > 0, { message: 'an entry needs terms or patterns' });
export type LexiconEntry = z.infer<typeof LexiconEntrySchema>;

/** What every data file of the layer opens with: its id, its version, what it holds. */
const FILE_HEAD = {
  id: z.string().min(1),
  version: z.number().int().positive(),
  description: z.string().optional(),
};

export const LexiconFileSchema = z
  .object({
    ...FILE_HEAD,
    entries: z.array(LexiconEntrySchema).min(1),
  })
  .strict();
export type LexiconFile = z.infer<typeof LexiconFileSchema>;

export const MaskFileSchema = z
  .object({
    ...FILE_HEAD,
    entries: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9_.-]+$/),
            kind: z.enum(['url', 'email', 'handle', 'platform', 'phone', 'digits', 'app']),
            field: z.string().optional(),
            class: z.string().optional(),
            pattern: z.string().min(1),
            note: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type MaskFile = z.infer<typeof MaskFileSchema>;
