/**
 * The flag taxonomy as data (`taxonomy.json`): what each category covers, who can violate it, and
 * how a line read under two categories is settled (`arbitration`, read by arbitrate.ts). The LLM
 * recall layer shows it to the model and only keeps a proposal the speaker can commit.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FlagCategorySchema, SeveritySchema, SpeakerRoleSchema } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import { fromPackageRoot } from '../../core/paths.js';
import { SlotSchema } from './rule-schema.js';

/**
 * Which category a candidate belongs to, by what its words do: a candidate of `from` whose `words`
 * are filled (in its own evidence, `span`; anywhere in the line, `line`; or, `answer`, in the line
 * or in the other party's line just before, which a bare datum answers) moves to `to` — when
 * `about` is named on the line or the line before, when nothing in `unless` is on the lines the
 * words were read on, and, with `beside`, only when a candidate of `to` already reads the same
 * words (`span`) or anything on the line (`line`).
 */
export const ArbitrationSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    from: FlagCategorySchema,
    to: FlagCategorySchema,
    words: SlotSchema,
    where: z.enum(['span', 'line', 'answer']),
    about: SlotSchema.optional(),
    unless: SlotSchema.optional(),
    beside: z.enum(['span', 'line']).optional(),
    note: z.string().min(1),
  })
  .strict();
export type Arbitration = z.infer<typeof ArbitrationSchema>;

export const TaxonomySchema = z
  .object({
    version: z.number().int().positive(),
    note: z.string().optional(),
    categories: z.record(
      FlagCategorySchema,
      z
        .object({ speakers: z.array(SpeakerRoleSchema).min(1), severity: SeveritySchema, covers: z.string().min(1) })
        .strict(),
    ),
    arbitration: z.array(ArbitrationSchema).default([]),
  })
  .strict();
export type Taxonomy = z.infer<typeof TaxonomySchema>;

let loaded: Taxonomy | undefined;

export function loadTaxonomy(): Taxonomy {
  if (loaded) return loaded;
  const parsed = TaxonomySchema.safeParse(
    JSON.parse(readFileSync(fromPackageRoot('pipelines/compliance/taxonomy.json'), 'utf8')),
  );
  if (!parsed.success) throw new KefuError('CONFIG_INVALID', `taxonomy.json: ${z.prettifyError(parsed.error)}`);
  loaded = parsed.data;
  return loaded;
}
