/**
 * The trained line classifier's model file: one hashed-feature logistic regression per compliance
 * category, each under a gate (a group of categories) with the group's threshold chosen on held-out
 * (leave-one-set-out) scores, never on the lines it was trained on. Read and checked at load; a bad file is refused with an error naming the file and
 * what is wrong. Trained by `npm run train:compliance` (eval/learn/train.ts), bit for bit.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FlagCategorySchema, type TranscriptLine } from '../../core/domain.js';
import { fromPackageRoot } from '../../core/paths.js';
import type { Span } from '../language/index.js';
import { FEATURE_SPECS, type Feature, type FeatureSpec, lineFeatures } from './features.js';

/** What every trained line model file says of itself: its name, its training data, its features. */
export const MODEL_HEADER = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  date: z.iso.date(),
  /** The eval sets it was trained on (never a blind set). */
  trainingSets: z.array(z.string()).min(1),
  /** sha256 of the training lines and labels, so a model can be traced to its data. */
  dataHash: z.string().regex(/^[0-9a-f]{64}$/),
  featureSpec: z.enum(FEATURE_SPECS),
  bits: z.number().int().min(10).max(24),
  training: z.record(z.string(), z.union([z.number(), z.string()])),
};

/** The compliance model names its feature spec per gate, not once for the file (decision 0410). */
const { featureSpec: FeatureSpecSchema, ...LINE_MODEL_HEADER } = MODEL_HEADER;

/**
 * Sparse weights: [hashed index, weight] pairs, indices ascending (the ascending order is checked
 * by the file's schema, which knows `bits`). Checked in one loop, not a zod tuple schema per pair:
 * the shipped model's ~266,000 pairs took ~0.2–0.4 s of every start-up that way (decision 0695).
 * A pair is what the tuple schema accepted: a non-negative safe integer and a finite number.
 */
export const SparseWeightsSchema: z.ZodType<[number, number][]> = z.any().superRefine((weights, ctx) => {
  // `continue: false`, as a failed type check is: the file's own checks then never read a bad pair.
  const refuse = (path: number[], message: string) => ctx.addIssue({ code: 'custom', path, message, continue: false });
  if (!Array.isArray(weights)) return refuse([], 'expected an array of [index, weight] pairs');
  for (let k = 0; k < weights.length; k++) {
    const pair: unknown = weights[k];
    if (!Array.isArray(pair) || pair.length !== 2) return refuse([k], 'expected an [index, weight] pair');
    const [index, weight] = pair as unknown[];
    if (!Number.isSafeInteger(index) || (index as number) < 0)
      return refuse([k, 0], 'expected a non-negative integer index');
    if (typeof weight !== 'number' || !Number.isFinite(weight)) return refuse([k, 1], 'expected a finite number');
  }
});

const CategoryModelSchema = z
  .object({
    /** Flag only at or above this probability (chosen on held-out scores). */
    threshold: z.number().gt(0).lt(1),
    /**
     * A rule's flag of this category on a line naming the gate's datum, scored under this, is vetoed
     * (decision 0575; chosen on held-out scores, under the tests' floor). Absent: no veto.
     */
    veto: z.number().gt(0).lt(1).optional(),
    weights: SparseWeightsSchema,
  })
  .strict();

export const LineModelSchema = z
  .object({
    ...LINE_MODEL_HEADER,
    /**
     * Lines the layer may flag, per group of categories (see gate.ts): lexicon classes and mask
     * kinds; and the feature spec the group's categories were trained on.
     */
    gates: z.record(
      z.string(),
      z
        .object({
          categories: z.array(FlagCategorySchema).min(1),
          datum: z.array(z.string()).min(1),
          block: z.array(z.string()),
          blockLine: z.array(z.string()),
          features: FeatureSpecSchema,
          /** The model may veto the rules' flags of these categories (decision 0575). */
          veto: z.boolean().optional(),
          /** Lines the rules already read close the gate to the layer (decision 0690). */
          ruleReads: z.array(z.enum(['accepted', 'vetoed'])).optional(),
          /** Per category, what the line must do: a class, mark:<kind> or mask:<kind> (decision 0765). */
          acts: z.partialRecord(FlagCategorySchema, z.array(z.string()).min(1)).optional(),
        })
        .strict(),
    ),
    categories: z.partialRecord(FlagCategorySchema, CategoryModelSchema),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const [category, c] of Object.entries(m.categories)) {
      const covering = Object.values(m.gates).filter((g) => g.categories.includes(category as never));
      if (covering.length !== 1)
        return ctx.addIssue({
          code: 'custom',
          path: ['categories', category],
          message: `${covering.length} gates cover ${category}, need exactly one`,
        });
      if (c!.veto !== undefined && !covering[0]!.veto)
        return ctx.addIssue({
          code: 'custom',
          path: ['categories', category, 'veto'],
          message: `a veto threshold for ${category}, whose gate allows no veto`,
        });
      // Indexed, not `for (const [i] of …)`: a loop run once per start-up over ~266,000 pairs runs
      // mostly unoptimised, where destructuring each pair through the iterator protocol costs.
      let last = -1;
      const { weights } = c!;
      for (let k = 0; k < weights.length; k++) {
        const i = weights[k]![0];
        if (i <= last || i >= 2 ** m.bits)
          return ctx.addIssue({ code: 'custom', path: ['categories', category, 'weights'], message: `bad index ${i}` });
        last = i;
      }
    }
  });
export type LineModel = z.infer<typeof LineModelSchema>;

// From the package root, not this module: compiled code in dist/ reads the same shipped file.
export const DEFAULT_MODEL_FILE = fromPackageRoot('pipelines/learn/data/compliance-lines.model.json');

/** A model file read and checked by `schema`; throws an Error naming the file and the first problem. */
export function readModelFile<T>(file: string, schema: z.ZodType<T>, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${what} ${file} cannot be read as JSON: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${what} ${file} is invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Sparse weights as the dense array a model scores with, 2^bits long. */
export function denseWeights(weights: readonly (readonly [number, number])[], bits: number): Float64Array {
  const w = new Float64Array(2 ** bits);
  // Indexed, as the file's check: run once per start-up over every pair (see `LineModelSchema`).
  for (let k = 0; k < weights.length; k++) w[weights[k]![0]] = weights[k]![1];
  return w;
}

/** The compliance model in `file`, checked. */
export function loadLineModel(file: string = DEFAULT_MODEL_FILE): LineModel {
  return readModelFile(file, LineModelSchema, 'Line model');
}

/** A model ready to score: dense weight arrays per category. */
export class LineClassifier {
  readonly name: string;
  private readonly dense = new Map<string, Float64Array>();

  constructor(readonly model: LineModel) {
    this.name = `${model.id}@${model.version}`;
    for (const [category, c] of Object.entries(model.categories)) {
      this.dense.set(category, denseWeights(c!.weights, model.bits));
    }
  }

  get categories(): string[] {
    return [...this.dense.keys()];
  }

  /** The features of line `index` under `spec` (a gate's `features`). */
  features(lines: readonly TranscriptLine[], index: number, spec: FeatureSpec): Feature[] {
    return lineFeatures(lines, index, this.model.bits, spec);
  }

  /** P(category | line) from the features; weights are for inputs scaled by 1/sqrt(#features). */
  probability(category: string, features: readonly Feature[]): number {
    return probability(this.dense.get(category)!, features);
  }

  /** The category's veto threshold (decision 0575), or undefined when its model vetoes nothing. */
  vetoThreshold(category: string): number | undefined {
    return this.model.categories[category as keyof LineModel['categories']]?.veto;
  }

  /** The span of the strongest positive features said in the line (see `evidenceSpan`). */
  evidence(category: string, features: readonly Feature[]): Span | null {
    return evidenceSpan(this.dense.get(category)!, features);
  }
}

/**
 * The span of the strongest positive features said in the line: the strongest one, joined with
 * the next strongest (up to four) that touch or overlap it, so evidence is one stretch of words.
 */
export function evidenceSpan(w: ArrayLike<number>, features: readonly Feature[]): Span | null {
  const strong = features
    .filter((f): f is Feature & { span: Span } => f.span !== null && w[f.index]! > 0)
    .sort((a, b) => w[b.index]! - w[a.index]! || a.span[0] - b.span[0])
    .slice(0, 5);
  if (strong.length === 0) return null;
  const span: Span = [...strong[0]!.span];
  for (let grown = true; grown; ) {
    grown = false;
    for (const f of strong)
      if (f.span[0] <= span[1] && span[0] <= f.span[1] && (f.span[0] < span[0] || f.span[1] > span[1])) {
        [span[0], span[1]] = [Math.min(span[0], f.span[0]), Math.max(span[1], f.span[1])];
        grown = true;
      }
  }
  return span;
}

export function probability(weights: ArrayLike<number>, features: readonly Feature[]): number {
  let z = 0;
  for (const f of features) z += weights[f.index]!;
  z /= Math.sqrt(features.length);
  return 1 / (1 + Math.exp(-z));
}

let shipped: LineClassifier | undefined;
/** The shipped model, loaded and checked once per process. */
export function defaultLineClassifier(): LineClassifier {
  shipped ??= new LineClassifier(loadLineModel());
  return shipped;
}
