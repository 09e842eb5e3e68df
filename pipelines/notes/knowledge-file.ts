/**
 * The notes engine's knowledge files (`pipelines/notes/data/*.json`), read from the package root and
 * checked by the language layer's one knowledge-file parser.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { fromPackageRoot } from '../../core/paths.js';
import { parseKnowledge } from '../language/knowledge-file.js';

/** Reads `pipelines/notes/data/<file>` and checks it. */
export function readKnowledge<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  return parseKnowledge(file, readFileSync(fromPackageRoot(`pipelines/notes/data/${file}`), 'utf8'), schema);
}
