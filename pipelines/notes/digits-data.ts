/**
 * The knowledge of how digits are read and what they are (data/digits.json), checked with zod on
 * first use. The cue words themselves are lexicon classes of the language layer (digits.cue.*).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { KefuError } from '../../core/errors.js';
import { fromPackageRoot } from '../../core/paths.js';

const Shape = z.object({ id: z.string().min(1), pattern: z.string().min(1), note: z.string().optional() }).strict();
const Range = z.tuple([z.number().int().positive(), z.number().int().positive()]);

const DigitsSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    description: z.string().optional(),
    runs: z
      .object({
        notDigits: Shape,
        pause: Shape,
        dash: Shape,
        listSeparator: Shape,
        listedDigitsMin: z.number().int().positive(),
        unitAfter: Shape,
        maxJoined: z.number().int().positive(),
        maxPauseGap: z.number().int().positive(),
      })
      .strict(),
    kinds: z
      .object({
        carrierPrefix: Shape,
        letterBefore: Shape,
        letterAfter: Shape,
        phoneBefore: Shape,
        currencyBefore: Shape,
        unitAfter: Shape,
        mobile: Shape,
        phoneChunks: z.array(z.string()),
        phoneLength: Range,
        orderLength: Range,
        shortOrderLength: Range,
        shortCueReach: z.number().int().nonnegative(),
        shortAnswerSlack: z.number().int().nonnegative(),
        cueReach: z.number().int().positive(),
        cueAfterReach: z.number().int().positive(),
        askedLines: z.number().int().nonnegative(),
        note: z.string().optional(),
      })
      .strict(),
  })
  .strict();

type Raw = z.infer<typeof DigitsSchema>;
type Compiled<T> = { [K in keyof T]: T[K] extends z.infer<typeof Shape> ? RegExp : T[K] };
export interface DigitsKnowledge {
  ref: string;
  runs: Compiled<Raw['runs']>;
  kinds: Compiled<Raw['kinds']>;
}

const FILE = fromPackageRoot('pipelines/notes/data/digits.json');

function compile<T extends Record<string, unknown>>(part: T, flags: string): Compiled<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(part)) {
    const shape = Shape.safeParse(value);
    if (!shape.success) {
      out[key] = value;
      continue;
    }
    try {
      out[key] = new RegExp(shape.data.pattern, flags);
    } catch (err) {
      throw new KefuError('CONFIG_INVALID', `digits.json ${shape.data.id}: bad pattern (${(err as Error).message})`);
    }
  }
  return out as Compiled<T>;
}

let loaded: DigitsKnowledge | undefined;
export function digitsKnowledge(): DigitsKnowledge {
  if (loaded) return loaded;
  const parsed = DigitsSchema.safeParse(JSON.parse(readFileSync(FILE, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KefuError('CONFIG_INVALID', `digits.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  const d = parsed.data;
  loaded = { ref: `${d.id}@${d.version}`, runs: compile(d.runs, 'iu'), kinds: compile(d.kinds, 'iu') };
  return loaded;
}
