/**
 * What a set's expected/<call>.json says about one call: the labels the analyze scorer compares
 * with, read by the scorer and written by the probe writer (eval/probe/write-probe.ts). A set's
 * README may add fields of its own (a note, a writer's tags); they are kept and ignored.
 */
import { z } from 'zod';
import { RefundOptionKindSchema } from '../../core/analysis.js';
import { CurrencySchema, FlagCategorySchema, PromiseActionSchema } from '../../core/domain.js';

export const ExpectedPromiseSchema = z.looseObject({
  speaker: z.enum(['merchant', 'customer']),
  action: PromiseActionSchema,
  /** YYYY-MM-DD in the call's own zone, or null when the promise names no deadline. */
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    .nullable(),
  conditional: z.boolean(),
  utterance: z.number().int().nonnegative().optional(),
});

export const ExpectedCallSchema = z.looseObject({
  /** ISO 8601 with the call's offset: deadlines are read in that zone. */
  startedAt: z.iso.datetime({ offset: true }),
  /** As the notes write them: digits, or letters and digits (TW88120375), never spaces. */
  orderNumbers: z.array(z.string().regex(/^[0-9A-Za-z-]+$/, 'letters and digits, no spaces')),
  amounts: z.array(z.object({ value: z.number().nonnegative(), currency: CurrencySchema })),
  promises: z.array(ExpectedPromiseSchema),
  flags: z.array(z.looseObject({ category: FlagCategorySchema, utterance: z.number().int().nonnegative() })),
  recommendedRefund: RefundOptionKindSchema.nullable(),
  /** Lines a careless engine would flag and must not. */
  hardNegatives: z.array(z.number().int().nonnegative()).optional(),
});
export type ExpectedCall = z.infer<typeof ExpectedCallSchema>;

/** Parses one expected file's text, naming the file and every bad field. */
export function parseExpected(text: string, file: string): ExpectedCall {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`);
  }
  const parsed = ExpectedCallSchema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`${file}: ${fields.join('; ')}`);
  }
  return parsed.data;
}
