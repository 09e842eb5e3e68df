import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CurrencySchema } from '../../core/domain.js';
import { fromPackageRoot } from '../../core/paths.js';
import { parseKnowledge } from '../language/knowledge-file.js';

const IssueKindsFile = z.object({
  id: z.literal('issue-kinds'),
  version: z.number().int().positive(),
  kinds: z
    .array(
      z.object({
        kind: z.string().regex(/^[a-z_]+$/),
        /** For people and for the issue-extract prompt. */
        description: z.string().min(1),
        /** Policy ids without the language prefix, that can answer this problem: the relevance gate's family. */
        policies: z.array(z.string().regex(/^[a-z0-9.-]+$/)).min(1),
        /**
         * What money back for this problem is when the rest of the order stands: `part` of what the
         * buyer paid (the missing items of an order that otherwise came, a price drop's difference),
         * else all of the affected goods' money (decision 0620).
         */
        moneyBack: z.enum(['part', 'whole']).default('whole'),
      }),
    )
    .min(1),
});
export type IssueKindsKnowledge = z.infer<typeof IssueKindsFile>;

const ClarifyFile = z.object({
  id: z.literal('clarify'),
  version: z.number().int().positive(),
  /** The question that fits the turn's state is asked, once per call. */
  questions: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z_]+$/),
        /** no_issue: no problem heard; issue_unmatched: a problem heard that no policy answers well enough. */
        when: z.array(z.enum(['no_issue', 'issue_unmatched'])).min(1),
        zh: z.string().min(1),
        en: z.string().min(1),
      }),
    )
    .min(1),
});
export type ClarifyKnowledge = z.infer<typeof ClarifyFile>;

const Amount = z.number().positive();
const RefundAmountsFile = z.object({
  id: z.literal('refund-amounts'),
  version: z.number().int().positive(),
  about: z.string().min(1),
  /** A goodwill coupon is this share of the order's amount, within its currency's bounds. */
  couponShare: z.number().positive().max(1),
  /** Every currency Kefu knows, and no other. */
  currencies: z.record(
    CurrencySchema,
    z.object({
      /** An affected value at or below it is cheaper to refund than to ship back. */
      lowValue: Amount,
      coupon: z
        .object({ min: Amount, max: Amount })
        .refine((c) => c.min <= c.max, { message: 'min is above max', path: ['min'] }),
    }),
  ),
});
export type RefundAmounts = z.infer<typeof RefundAmountsFile>;

/** Parses refund-amounts.json's text; `file` labels errors, which name the field. */
export function parseRefundAmounts(file: string, text: string): RefundAmounts {
  return parseKnowledge(file, text, RefundAmountsFile);
}

const cache = new Map<string, unknown>();

function load<T>(file: string, schema: z.ZodType<T>): T {
  if (!cache.has(file)) {
    const path = `pipelines/suggest/knowledge/${file}`;
    cache.set(file, parseKnowledge(path, readFileSync(fromPackageRoot(path), 'utf8'), schema));
  }
  return cache.get(file) as T;
}

/** pipelines/suggest/knowledge/issue-kinds.json, validated once. */
export function issueKinds(): IssueKindsKnowledge {
  return load('issue-kinds.json', IssueKindsFile);
}

/** pipelines/suggest/knowledge/clarify.json, validated once. */
export function clarifyingQuestions(): ClarifyKnowledge {
  return load('clarify.json', ClarifyFile);
}

/** The policies (with language prefix) that can answer a problem kind; empty for an unknown kind. */
export function policyFamily(kind: string, language: 'zh' | 'en'): string[] {
  return (issueKinds().kinds.find((k) => k.kind === kind)?.policies ?? []).map((p) => `${language}.${p}`);
}

/** Whether money back for a problem of `kind` is part of what the buyer paid (issue-kinds.json `moneyBack`). */
export function refundsPart(kind: string): boolean {
  return issueKinds().kinds.find((k) => k.kind === kind)?.moneyBack === 'part';
}

/** pipelines/suggest/knowledge/refund-amounts.json, validated once: low-value and coupon amounts per currency. */
export function refundAmounts(): RefundAmounts {
  return load('refund-amounts.json', RefundAmountsFile);
}
