/**
 * The promise reader's wording (data/promise-cues.json), checked with zod and compiled once:
 * which words name an action, commit a speaker, time an act. Negation, conditions, questions,
 * in-call actions and policy statements are not here: they are the language layer's clause marks.
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
  'PAYOUT',
  'RECIPIENT',
  'RETURN_GOODS',
  'REVIEW',
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
    /** In rank order: a clause keeps the first action found ("收到货后给您退款" is a refund). */
    actions: z.array(Cue.extend({ action: PromiseActionSchema })).min(1),
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
  ACTIONS: readonly [PromiseAction, RegExp][];
  /** The arrival of goods (the last action entry): something the buyer receives. */
  ARRIVAL: RegExp;
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
  const actions = d.actions.map((a) => [a.action, compile(a)] as [PromiseAction, RegExp]);
  loaded = {
    ...(Object.fromEntries(CUE_NAMES.map((k) => [k, compile(d.cues[k])])) as Record<
      (typeof CUE_NAMES)[number],
      RegExp
    >),
    ref: `${d.id}@${d.version}`,
    ACTIONS: actions,
    ARRIVAL: actions.at(-1)![1],
    CUSTOMER_ACTIONS: new Set(d.customerActions),
    COMMITMENT: pair(d.bySpeaker.COMMITMENT),
    REQUEST: pair(d.bySpeaker.REQUEST),
    PAST: pair(d.bySpeaker.PAST),
    FUTURE: pair(d.bySpeaker.FUTURE),
  };
  return loaded;
}
