import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type ModerationCategory, ModerationCategorySchema } from '../../core/domain.js';
import { fromPackageRoot } from '../../core/paths.js';
import { parseKnowledge } from '../language/knowledge-file.js';

const GROUNDS_FILE = 'pipelines/moderation/data/grounds.json';

const GroundsFile = z.object({
  id: z.literal('grounds'),
  version: z.number().int().positive(),
  about: z.string().min(1),
  /** Every moderation category, and no other. */
  categories: z.record(
    ModerationCategorySchema,
    z.object({
      /** The contractual ground as the merchant reads it in a statement of reasons. */
      zh: z.string().min(1),
      en: z.string().min(1),
      /** The DSA Transparency Database category it maps to. */
      dsaCategory: z.string().regex(/^STATEMENT_CATEGORY_[A-Z_]+$/),
    }),
  ),
});
export type Grounds = z.infer<typeof GroundsFile>;
export type Ground = Grounds['categories'][ModerationCategory];

/** Parses grounds.json's text; `file` labels errors, which name the field. */
export function parseGrounds(file: string, text: string): Grounds {
  return parseKnowledge(file, text, GroundsFile);
}

let grounds: Grounds | undefined;

/** The ground for a category (pipelines/moderation/data/grounds.json, validated once). */
export function groundOf(category: ModerationCategory): Ground {
  grounds ??= parseGrounds(GROUNDS_FILE, readFileSync(fromPackageRoot(GROUNDS_FILE), 'utf8'));
  return grounds.categories[category];
}
