import type { RefundOption } from '../../core/analysis.js';
import type { IssueAssessment } from './issue.js';
import { says } from './issue-cues.js';
import { refundAmounts } from './knowledge.js';
import { affectedValue, type OrderFacts, round2, unitPrice } from './order-facts.js';
import { rationale, type RationaleKey } from './refund-text.js';

type Kind = RefundOption['kind'];

interface Candidate {
  kind: Kind;
  /** null: not known from the facts (0 with amountToBeConfirmed, shown as 金额待核实). */
  amount: number | null;
  policy: string;
  why: RationaleKey;
}

/**
 * Ranked refund options for the call's issue, recommended first (exactly one recommended when
 * any). Pure: the same facts and issue always give the same options. Service issues
 * (installation, refund timing, price questions) and closed orders get none — the reply
 * suggestions handle those. Amounts are money to the buyer (refunds, coupons) or, for
 * replacement/reship, the value of the goods sent again; when the facts don't say, 0 with
 * `amountToBeConfirmed` (shown as 金额待核实, never as ¥0.00).
 */
export function computeRefundOptions(input: {
  facts: OrderFacts;
  issue: IssueAssessment | null;
  language: 'zh' | 'en';
  /** The customer's words about the issue, to find which item of a multi-item order it is. */
  issueText?: string;
}): RefundOption[] {
  const { facts, issue, language } = input;
  if (!issue) return [];
  if (facts.status && ['pending', 'refunding', 'refunded', 'cancelled'].includes(facts.status)) return [];
  const candidates = rules(facts, issue, input.issueText ?? '');
  return candidates.map((c, i) => ({
    kind: c.kind,
    amount: c.amount ?? 0,
    amountToBeConfirmed: c.amount === null,
    currency: facts.currency,
    policy: `${language}.${c.policy}`,
    recommended: i === 0,
    rationale: rationale(language, c.why, {
      amount: c.amount,
      currency: facts.currency,
      share: issue.share,
      count: issue.count,
      days: facts.daysSinceDelivery,
    }),
    orderId: facts.orderId,
  }));
}

function rules(facts: OrderFacts, issue: IssueAssessment, text: string): Candidate[] {
  const value = affectedValue(facts, text);
  const low = value !== null && value <= refundAmounts().currencies[facts.currency].lowValue;
  const days = facts.daysSinceDelivery;
  const share =
    issue.share ??
    (issue.count && facts.items.length === 1 && facts.items[0]!.quantity > issue.count
      ? issue.count / facts.items[0]!.quantity
      : null);
  const part = value !== null && share !== null ? round2(value * share) : null;
  const coupon: Candidate = {
    kind: 'coupon',
    amount: couponValue(facts),
    policy: 'compensation.coupon',
    why: 'coupon',
  };

  switch (issue.kind) {
    case 'spoiled': {
      const most = (share !== null && share >= 0.5) || issue.extent === 'all' || issue.extent === 'most';
      if (most) {
        return [
          { kind: 'refund_only', amount: value, policy: 'fresh.bad-fruit', why: 'spoiled_full' },
          { kind: 'reship', amount: value, policy: 'shipping.reship', why: 'reship_spoiled' },
        ];
      }
      const partial: Candidate = {
        kind: 'partial_refund',
        amount: part,
        policy: 'fresh.bad-fruit',
        why: part !== null ? 'spoiled_partial' : 'spoiled_partial_unknown',
      };
      const full: Candidate = { kind: 'refund_only', amount: value, policy: 'refund.only', why: 'spoiled_low_value' };
      const reship: Candidate = { kind: 'reship', amount: part, policy: 'shipping.reship', why: 'reship_spoiled' };
      return part === null && low ? [full, partial, reship] : [partial, reship, coupon];
    }
    case 'damaged': {
      if (days !== null && days > 15) return [];
      if (part !== null && share! < 1) {
        return [
          { kind: 'partial_refund', amount: part, policy: 'quality.return', why: 'damaged_partial' },
          { kind: 'reship', amount: part, policy: 'shipping.reship', why: 'reship_broken' },
        ];
      }
      const replace: Candidate = { kind: 'replacement', amount: value, policy: 'shipping.reship', why: 'replacement' };
      if (days !== null && days > 7)
        return [{ ...replace, policy: 'quality.return', why: 'replacement_15day' }, coupon];
      const ret: Candidate = { kind: 'return_refund', amount: value, policy: 'quality.return', why: 'return_quality' };
      // Damaged food (a dented tin, a broken seal) is unsafe and can't be resold: refund without a
      // return; a replacement stays on offer for a customer who asks for one.
      if (facts.food)
        return [
          { kind: 'refund_only', amount: value, policy: 'refund.only', why: 'refund_food_hygiene' },
          { ...replace, kind: 'reship', why: 'reship_broken' },
          coupon,
        ];
      if (low)
        return [{ kind: 'refund_only', amount: value, policy: 'refund.only', why: 'refund_low_value' }, replace, ret];
      if (facts.customised)
        return [replace, { kind: 'refund_only', amount: value, policy: 'refund.only', why: 'refund_custom' }, coupon];
      return [replace, ret, coupon];
    }
    case 'wrong_item':
      // Customised goods made wrong (a misspelt engraving) are the merchant's error: remake or
      // refund without a return — the item can't be resold, and the no-reason exclusion for
      // customised goods doesn't apply to the merchant's own mistake.
      if (facts.customised) {
        return [
          { kind: 'replacement', amount: value, policy: 'shipping.reship', why: 'remake_custom' },
          { kind: 'refund_only', amount: value, policy: 'refund.only', why: 'refund_custom' },
        ];
      }
      // The right item in exchange for the wrong one (collected at the merchant's cost).
      return [
        { kind: 'replacement', amount: value, policy: 'shipping.reship', why: 'reship_wrong' },
        { kind: 'return_refund', amount: value, policy: 'shipping.reship', why: 'return_wrong' },
      ];
    case 'missing_item': {
      const unit = unitPrice(facts, text);
      const missing = unit !== null ? round2(unit * (issue.count ?? 1)) : null;
      return [
        { kind: 'reship', amount: missing, policy: 'missing.items', why: 'reship_missing' },
        // The missing items' money is part of what the buyer paid: the rest of the order stands; an
        // empty box is the whole order (0620).
        {
          kind: says(text, 'issue.empty_parcel') ? 'refund_only' : 'partial_refund',
          amount: missing,
          policy: 'missing.items',
          why: 'refund_missing',
        },
      ];
    }
    case 'not_as_described':
      if (low || facts.customised) {
        return [
          {
            kind: 'refund_only',
            amount: value,
            policy: 'refund.only',
            why: facts.customised ? 'refund_custom' : 'refund_not_described_low',
          },
          { kind: 'return_refund', amount: value, policy: 'not-as-described', why: 'return_not_described' },
          coupon,
        ];
      }
      return [
        { kind: 'return_refund', amount: value, policy: 'not-as-described', why: 'return_not_described' },
        ...(facts.fresh
          ? []
          : [{ kind: 'replacement', amount: value, policy: 'shipping.reship', why: 'replacement' } as const]),
        coupon,
      ];
    case 'installation': {
      // Only a missed visit is a service failure to make up for; "how do I install it" is a question.
      if (issue.complaint !== true) return [];
      const fee = facts.serviceFee ?? null;
      const make: Candidate = { ...coupon, policy: 'compensation.coupon', why: 'coupon_no_show' };
      return fee !== null && fee > 0
        ? [{ kind: 'partial_refund', amount: fee, policy: 'install.service', why: 'refund_install_fee' }, make]
        : [make];
    }
    case 'late': {
      if (issue.lost === true) {
        return [
          { kind: 'reship', amount: value, policy: 'shipping.reship', why: 'reship_lost' },
          { kind: 'refund_only', amount: value, policy: 'refund.only', why: 'refund_lost' },
        ];
      }
      // "还没到，帮我查一下" asks for a status; compensation is for a complaint about the wait.
      if (issue.complaint === false) return [];
      const unshipped = facts.status === 'paid';
      return unshipped
        ? [
            { ...coupon, policy: 'shipping.late', why: 'coupon_late' },
            { kind: 'refund_only', amount: value, policy: 'shipping.late', why: 'cancel_unshipped' },
          ]
        : [{ ...coupon, policy: 'shipping.late', why: 'coupon_late' }];
    }
    case 'changed_mind': {
      // Fresh and customised goods are excluded from no-reason returns (return.exclusions).
      if (facts.fresh || facts.customised) return [];
      if (facts.status === 'paid')
        return [{ kind: 'refund_only', amount: value, policy: 'refund.only', why: 'cancel_unshipped' }];
      if (days !== null && days > 7) return [];
      if (facts.intangible)
        return [{ kind: 'refund_only', amount: value, policy: 'refund.only', why: 'refund_intangible' }];
      const ret: Candidate = { kind: 'return_refund', amount: value, policy: 'return.7day', why: 'return_7day' };
      // Goods that don't fit are mostly wanted in another size: the exchange first, the return kept.
      return issue.fit
        ? [{ kind: 'replacement', amount: value, policy: 'return.7day', why: 'exchange_size' }, ret]
        : [ret];
    }
    default:
      return [];
  }
}

/** A goodwill coupon: a share of the order within the currency's bounds (refund-amounts.json). */
function couponValue(facts: OrderFacts): number {
  const { couponShare, currencies } = refundAmounts();
  const { min, max } = currencies[facts.currency].coupon;
  return facts.amount === null ? min : Math.min(max, Math.max(min, Math.round(facts.amount * couponShare)));
}
