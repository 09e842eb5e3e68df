/**
 * The flag taxonomy as data (`taxonomy.json`): what each category covers and who can violate it.
 * The LLM recall layer shows it to the model and only keeps a proposal the speaker can commit.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FlagCategorySchema, SeveritySchema, SpeakerRoleSchema } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import { fromPackageRoot } from '../../core/paths.js';

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
