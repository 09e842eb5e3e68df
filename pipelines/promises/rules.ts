/**
 * The promise rules (`data/promise-rules.json`): which order events keep or cancel a promise of
 * each action, and the platform's default time to keep one that named no time. Data with ids
 * and versions, so a closed promise names the rule version that closed it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PromiseActionSchema, type PromiseAction } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import { OrderEventTypeSchema } from '../../core/order-events.js';
import { fromPackageRoot } from '../../core/paths.js';

const PromiseRuleSchema = z
  .object({
    id: z.string().regex(/^promise\.[a-z0-9-]+$/, 'rule ids look like promise.refund'),
    version: z.number().int().positive(),
    action: PromiseActionSchema,
    keptBy: z
      .array(z.object({ type: OrderEventTypeSchema, amount: z.literal('at_least_promised').optional() }).strict())
      .min(1),
    cancelledBy: z.array(OrderEventTypeSchema),
    defaultDueHours: z
      .number()
      .positive()
      .max(24 * 90),
  })
  .strict();
export type PromiseRule = z.infer<typeof PromiseRuleSchema> & { ref: string };

const PromiseRulesFileSchema = z
  .object({
    id: z.literal('promise-rules'),
    version: z.number().int().positive(),
    note: z.string().optional(),
    rules: z.array(PromiseRuleSchema),
  })
  .strict()
  .refine((f) => new Set(f.rules.map((r) => r.action)).size === f.rules.length, {
    message: 'one rule per action',
  });

export const DEFAULT_PROMISE_RULES = fromPackageRoot('pipelines/promises/data/promise-rules.json');

const cache = new Map<string, ReadonlyMap<PromiseAction, PromiseRule>>();

/** The rules by action; an action without one (escalate, other) is not checked. CONFIG_INVALID names the field. */
export function promiseRules(file = DEFAULT_PROMISE_RULES): ReadonlyMap<PromiseAction, PromiseRule> {
  const hit = cache.get(file);
  if (hit) return hit;
  const parsed = PromiseRulesFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new KefuError('CONFIG_INVALID', `Promise rules ${file}: ${issues.join('; ')}`);
  }
  const byAction = new Map(parsed.data.rules.map((r) => [r.action, { ...r, ref: `${r.id}@${r.version}` }]));
  cache.set(file, byAction);
  return byAction;
}
