/**
 * The promise reader's wording (data/promise-cues.json), checked with zod and compiled once:
 * what commits a speaker and times an act. The actions themselves are the language layer's
 * `action.<kind>` classes (promise-actions.ts); negation, conditions, questions, in-call actions
 * and policy statements are its clause marks.
 */
import { z } from 'zod';
import { type PromiseAction, PromiseActionSchema } from '../../core/domain.js';
import { compilePattern, readKnowledge } from './knowledge-file.js';

const Cue = z
  .object({
    id: z.string().min(1),
    pattern: z.string().min(1),
    flags: z.string().regex(/^[imsu]*$/, 'flags are a subset of imsu'),
    note: z.string().optional(),
  })
  .strict();
const CUE_NAMES = [
  'AGREE',
  'ALTERNATIVE',
  'APPLY',
  'COMPARISON',
  'CONSEQUENT',
  'COORDINATOR',
  'DANGLING_OR',
  'ESTIMATE',
  'EVENT_TRIGGER',
  'HEDGE',
  'IMMEDIATE',
  'IMPERATIVE_LEAD',
  'MODIFIER_BEFORE',
  'PASSED',
  'RECIPIENT',
  'RETURN_GOODS',
  'REWARD_AFTER',
  'SPAN',
  'TEMPORAL_LEAD',
  'THIRD_PARTY',
] as const;
const Pair = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, Cue])) as Record<K, typeof Cue>).strict();

const CuesSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    description: z.string().optional(),
    cues: z
      .object(Object.fromEntries(CUE_NAMES.map((k) => [k, Cue])) as Record<(typeof CUE_NAMES)[number], typeof Cue>)
      .strict(),
    bySpeaker: z
      .object({
        COMMITMENT: Pair(['merchant', 'customer']),
        REQUEST: Pair(['merchant', 'customer']),
        PAST: Pair(['strong', 'weak']),
        FUTURE: Pair(['strong', 'weak']),
      })
      .strict(),
    /** The buyer can only promise what the buyer can do; anything else they "promise" is `other`. */
    customerActions: z.array(PromiseActionSchema),
  })
  .strict();

export type PromiseCues = Record<(typeof CUE_NAMES)[number], RegExp> & {
  ref: string;
  CUSTOMER_ACTIONS: ReadonlySet<PromiseAction>;
  COMMITMENT: { merchant: RegExp; customer: RegExp };
  REQUEST: { merchant: RegExp; customer: RegExp };
  PAST: { strong: RegExp; weak: RegExp };
  FUTURE: { strong: RegExp; weak: RegExp };
};

const compile = (c: z.infer<typeof Cue>): RegExp => compilePattern('promise-cues.json', c.id, c.pattern, c.flags);

let loaded: PromiseCues | undefined;
export function promiseCues(): PromiseCues {
  if (loaded) return loaded;
  const d = readKnowledge('promise-cues.json', CuesSchema);
  const pair = <K extends string>(p: Record<K, z.infer<typeof Cue>>) =>
    Object.fromEntries(Object.entries(p).map(([k, v]) => [k, compile(v as z.infer<typeof Cue>)])) as Record<K, RegExp>;
  loaded = {
    ...(Object.fromEntries(CUE_NAMES.map((k) => [k, compile(d.cues[k])])) as Record<
      (typeof CUE_NAMES)[number],
      RegExp
    >),
    ref: `${d.id}@${d.version}`,
    CUSTOMER_ACTIONS: new Set(d.customerActions),
    COMMITMENT: pair(d.bySpeaker.COMMITMENT),
    REQUEST: pair(d.bySpeaker.REQUEST),
    PAST: pair(d.bySpeaker.PAST),
    FUTURE: pair(d.bySpeaker.FUTURE),
  };
  return loaded;
}
