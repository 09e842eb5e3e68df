/**
 * The trained promise-line veto (docs/decisions/0340): a line classifier, trained on the
 * development sets' promise annotations, gives the probability that a line carries a promise of its
 * speaker; a promise the engine read on a line scored under the model's threshold (chosen on
 * held-out promise F1) is dropped. It reads the line alone, as the promise engine's judgment is
 * memoised by the line's words (decision 0320). Trained by `npm run train:compliance`.
 */
import { z } from 'zod';
import type { TranscriptLine } from '../../core/domain.js';
import { fromPackageRoot } from '../../core/paths.js';
import { lineFeatures } from './features.js';
import { denseWeights, MODEL_HEADER, probability, readModelFile, SparseWeightsSchema } from './model.js';

export const PromiseLineModelSchema = z
  .object({
    ...MODEL_HEADER,
    /** A promise on a line scored under this is dropped (chosen on held-out promise F1). */
    threshold: z.number().gt(0).lt(1),
    weights: SparseWeightsSchema,
  })
  .strict();
export type PromiseLineModel = z.infer<typeof PromiseLineModelSchema>;

export const PROMISE_MODEL_FILE = fromPackageRoot('pipelines/learn/data/promise-lines.model.json');

let made = 0;

export class PromiseVeto {
  /** Tells this veto's judgments apart from another's in the promise engine's memo of lines. */
  readonly key = `veto${++made}`;
  private readonly w: Float64Array;
  constructor(readonly model: PromiseLineModel) {
    this.w = denseWeights(model.weights, model.bits);
  }

  /** P(the line carries a promise of its speaker), from the line alone. */
  probability(line: TranscriptLine): number {
    return probability(this.w, lineFeatures([line], 0, this.model.bits, this.model.featureSpec));
  }

  /** The promises read on `line`, or none when the line is unlikely to carry one. */
  keep<T>(line: TranscriptLine, found: T[]): T[] {
    return found.length === 0 || this.probability(line) >= this.model.threshold ? found : [];
  }
}

/** The model in `file`, checked; throws an Error naming the file and the first problem. */
export function loadPromiseVeto(file: string = PROMISE_MODEL_FILE): PromiseVeto {
  return new PromiseVeto(readModelFile(file, PromiseLineModelSchema, 'Promise line model'));
}

let shipped: PromiseVeto | undefined;
/** The shipped model, loaded and checked once per process. */
export function defaultPromiseVeto(): PromiseVeto {
  shipped ??= loadPromiseVeto();
  return shipped;
}
