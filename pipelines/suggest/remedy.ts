import type { RefundOption } from '../../core/analysis.js';
import type { IssueAssessment } from './issue.js';
import { REFUNDS, type Remedy } from './issue-cues.js';
import { affectedValue, type OrderFacts } from './order-facts.js';
import { rationale } from './refund-text.js';

/** The policy that allows a remedy the parties settled on, when the rules had not offered it. */
function policyFor(kind: RefundOption['kind'], issue: IssueAssessment['kind']): string {
  if (kind === 'reship' || kind === 'replacement') return 'shipping.reship';
  if (kind === 'return_refund')
    return issue === 'changed_mind'
      ? 'return.7day'
      : issue === 'not_as_described'
        ? 'not-as-described'
        : issue === 'damaged'
          ? 'quality.return'
          : 'shipping.reship';
  return kind === 'coupon' ? 'compensation.coupon' : 'refund.only';
}

/**
 * The options with the remedy the call settled on recommended: the merchant stated it or the buyer
 * asked for it (see `CallReading.remedySince`). Kefu's own ranking is advice for an open problem;
 * once the parties agree, recommending something else contradicts the call. A remedy the rules did
 * not offer is added, its amount as the facts give it (else to be confirmed). A repair settles the
 * problem with no refund: the options stay listed, none recommended.
 */
export function settleOn(
  options: readonly RefundOption[],
  remedy: Remedy | null,
  input: { facts: OrderFacts; issue: IssueAssessment; language: 'zh' | 'en'; issueText: string },
): RefundOption[] {
  if (remedy === null || options.length === 0) return [...options];
  if (remedy === 'repair') return options.map((o) => ({ ...o, recommended: false }));
  const { facts, issue, language } = input;
  // A bare refund is the refund the options rank first, else all the money back.
  const at =
    remedy === 'refund'
      ? options.findIndex((o) => (REFUNDS as readonly string[]).includes(o.kind))
      : options.findIndex((o) => o.kind === remedy);
  const kind = remedy === 'refund' ? 'refund_only' : remedy;
  const amount = kind === 'partial_refund' ? null : affectedValue(facts, input.issueText);
  const settled: RefundOption =
    at >= 0
      ? options[at]!
      : {
          kind,
          amount: amount ?? 0,
          amountToBeConfirmed: amount === null,
          currency: facts.currency,
          policy: `${language}.${policyFor(kind, issue.kind)}`,
          recommended: true,
          rationale: rationale(language, 'settled', {
            amount,
            currency: facts.currency,
            share: null,
            count: null,
            days: null,
          }),
          orderId: facts.orderId,
        };
  return [settled, ...options.filter((_, i) => i !== at)].map((o, i) => ({ ...o, recommended: i === 0 }));
}
