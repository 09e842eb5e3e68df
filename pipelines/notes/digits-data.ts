/**
 * The knowledge of what a run of digits is (data/digits.json), checked with zod on first use. How
 * digits are read into runs is the language layer's (digit-runs.json); the cue words are its
 * lexicon classes (digits.cue.*).
 */
import { z } from 'zod';
import { compilePattern } from '../language/knowledge-file.js';
import { readKnowledge } from './knowledge-file.js';

const Shape = z.object({ id: z.string().min(1), pattern: z.string().min(1), note: z.string().optional() }).strict();
const Range = z.tuple([z.number().int().positive(), z.number().int().positive()]);

const DigitsSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    description: z.string().optional(),
    kinds: z
      .object({
        carrierPrefix: Shape,
        letterBefore: Shape,
        letterAfter: Shape,
        phoneBefore: Shape,
        currencyBefore: Shape,
        unitAfter: Shape,
        addressAfter: Shape,
        destinationBefore: Shape,
        /** A question right before a cue in a line without punctuation (okay what's the order number). */
        askBefore: Shape,
        /** Words that only link a cue to its number (order number for reference is …). */
        cueLink: Shape,
        mobile: Shape,
        phoneChunks: z.array(z.string()),
        phoneLength: Range,
        orderLength: Range,
        shortOrderLength: Range,
        partialAfter: Shape,
        yearShape: Shape,
        answerLength: z.number().int().positive(),
        shortCueReach: z.number().int().nonnegative(),
        shortAnswerSlack: z.number().int().nonnegative(),
        cueReach: z.number().int().positive(),
        cueAfterReach: z.number().int().positive(),
        askedLines: z.number().int().nonnegative(),
        note: z.string().optional(),
      })
      .strict(),
    cueClasses: z.record(z.string().min(1), z.enum(['tracking', 'order', 'phone', 'account'])),
    productCodes: z
      .object({ ean13Prefixes: z.array(z.string().regex(/^\d{3}$/)).min(1), note: z.string().optional() })
      .strict(),
  })
  .strict();

type Raw = z.infer<typeof DigitsSchema>;
type Compiled<T> = { [K in keyof T]: T[K] extends z.infer<typeof Shape> ? RegExp : T[K] };
export interface DigitsKnowledge {
  ref: string;
  kinds: Compiled<Raw['kinds']>;
  cueClasses: Raw['cueClasses'];
  productCodes: Raw['productCodes'];
}

function compile<T extends Record<string, unknown>>(part: T, flags: string): Compiled<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(part)) {
    const shape = Shape.safeParse(value);
    if (!shape.success) {
      out[key] = value;
      continue;
    }
    out[key] = compilePattern('digits.json', shape.data.id, shape.data.pattern, flags);
  }
  return out as Compiled<T>;
}

let loaded: DigitsKnowledge | undefined;
export function digitsKnowledge(): DigitsKnowledge {
  if (loaded) return loaded;
  const d = readKnowledge('digits.json', DigitsSchema);
  loaded = {
    ref: `${d.id}@${d.version}`,
    kinds: compile(d.kinds, 'iu'),
    cueClasses: d.cueClasses,
    productCodes: d.productCodes,
  };
  return loaded;
}
