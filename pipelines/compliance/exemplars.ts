/**
 * Labelled exemplars for the semantic layer: per category, utterances that are violations
 * (positive) and look-alikes that are not (hard negatives: warnings, negations, buyer questions,
 * the platform's own payment method). Stored as data in `exemplars/<language>.json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FlagCategorySchema, type FlagCategory } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import { fromPackageRoot } from '../../core/paths.js';

const GroupSchema = z.object({ positive: z.array(z.string().min(1)), negative: z.array(z.string().min(1)) }).strict();

export const ExemplarFileSchema = z
  .object({ language: z.enum(['zh', 'en']), categories: z.partialRecord(FlagCategorySchema, GroupSchema) })
  .strict();

export interface Exemplar {
  category: FlagCategory;
  label: 'positive' | 'negative';
  text: string;
}

export const DEFAULT_EXEMPLARS_DIR = fromPackageRoot('pipelines/compliance/exemplars/');

export function loadExemplars(dir: string = DEFAULT_EXEMPLARS_DIR): Exemplar[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const parsed = ExemplarFileSchema.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.success) {
        throw new KefuError('CONFIG_INVALID', `Exemplar file ${f}: ${z.prettifyError(parsed.error)}`);
      }
      return Object.entries(parsed.data.categories).flatMap(([category, group]) => [
        ...group.positive.map((text) => ({ category: category as FlagCategory, label: 'positive' as const, text })),
        ...group.negative.map((text) => ({ category: category as FlagCategory, label: 'negative' as const, text })),
      ]);
    });
}
