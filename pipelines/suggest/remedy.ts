import type { RefundOption } from '../../core/analysis.js';
import type { IssueAssessment } from './issue.js';
import type { Settlement } from './call-reading.js';
import { analyzeLine } from '../language/index.js';
import { asserted, type Preference, REFUNDS, type Remedy, says } from './issue-cues.js';
import { refundsPart } from './knowledge.js';
import { affectedValue, type OrderFacts } from './order-facts.js';
import { rationale } from './refund-text.js';

/** The policy that allows a remedy the parties settled on, when the rules had not offered it. */
function policyFor(kind: RefundOption['kind'], issue: IssueAssessment['kind'] | null): string {
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

/** Whether a line says the buyer was charged more than the price (the billing entry `issue.billing.overcharge`). */
function overcharged(text: string): boolean {
  return asserted(analyzeLine(text), 'issue.billing').some((m) => m.entry.startsWith('issue.billing.overcharge@'));
}

/**
 * Goods sent for a parcel that never arrived, or for what was missing from it, are sent again: a
 * reshipment, whatever words named them ("I'll send a new one out today", "a replacement bracket
 * kit ships Monday"). A replacement answers faulty or wrong goods.
 */
function sentAgain(remedy: Remedy | 'open', issue: IssueAssessment | null, alone: boolean): Remedy | 'open' {
  // Not for a part missing beside an earlier problem: 换新的时候一起给您寄 rides on that exchange.
  const missing = issue?.kind === 'missing_item' && alone;
  // The right item sent for a wrong one is a replacement whatever word sent it (重新补发一件黑色的,
  // "I'll reship the right one"): 28 calls of the development sets label it so, 5 a reship (decision 0920).
  if (remedy === 'reship' && issue?.kind === 'wrong_item') return 'replacement';
  return remedy === 'replacement' && (issue?.kind === 'late' || missing) ? 'reship' : remedy;
}

/**
 * The options with the remedy the call settled on recommended: the merchant stated it, the buyer
 * asked for it or accepted it (see `CallReading.remedySince`). Kefu's own ranking is advice for an
 * open problem; once the parties agree, recommending something else contradicts the call. A remedy
 * the rules did not offer is added. Its amount is the one said with it (退您60元, "refund the
 * $13.48"), else as the facts give it, else to be confirmed; a bare refund of less than the goods'
 * value is a part refund. A repair settles the problem with no refund, and options put to the
 * buyer and not taken up leave the choice open: the options stay listed, none recommended. While
 * nobody has named a remedy (no settlement, no ask of the buyer's) the options are Kefu's ranking
 * and none is recommended either: the call has not chosen one (decision 0350). With no options of
 * Kefu's own (no problem identified, no relevant policy, or none the rules yield), a remedy the
 * merchant settled on is still the call's decision: it is the one option, recommended (decision 0390).
 */
export function settleOn(
  options: readonly RefundOption[],
  settlement: Settlement,
  input: {
    facts: OrderFacts;
    /** The problem the options answer; null when none was identified. */
    issue: IssueAssessment | null;
    language: 'zh' | 'en';
    issueText: string;
    /** The money amount said on the settling line, if one was. */
    said?: number | null;
    /** What the buyer asked for most recently (退款吧), already honoured in the options' order. */
    asked?: Preference | null;
    /** The merchant let the buyer keep the goods (留着就好), or there is nothing to send back. */
    kept?: boolean;
    /** The call sends the goods back to the shop (退货, 寄回, a return label, a pickup). */
    returned?: boolean;
    /** The buyer named another problem before this one. */
    earlier?: boolean;
    /** The settling line works the money back out from a rate and a count (quantities.ts `refundByRate`). */
    byRate?: number | null;
  },
): RefundOption[] {
  if (settlement === null) return input.asked ? [...options] : options.map((o) => ({ ...o, recommended: false }));
  const { facts, issue, language } = input;
  const remedy = sentAgain(settlement.remedy, issue, input.earlier !== true);
  if (remedy === 'repair' || remedy === 'open') return options.map((o) => ({ ...o, recommended: false }));
  const value = affectedValue(facts, input.issueText);
  const byRate = input.byRate ?? null;
  const said = byRate ?? input.said ?? null;
  const money = remedy === 'partial_refund' || remedy === 'refund' || remedy === 'refund_only' || remedy === 'coupon';
  const stated = money && said !== null && said > 0 ? said : null;
  // A bare refund is the refund the options rank first, else all the money back; less than the goods'
  // value, it is a part refund; so is any refund for a problem whose money back is part of the order
  // (issue-kinds.json `moneyBack`: a price drop's difference, the missing items of an order that
  // otherwise came; an empty box is the whole order) or for an overcharge (charged more than the price, a duty the shop said it paid):
  // the order stands. A duplicate charge's is whole.
  // A refund without a return of a stated amount below the goods' value (仅退款18元 for six bad
  // oranges of a ¥49.9 box) is a part refund too: the rest of the goods stand (decision 0785). So is
  // money back worked out as a rate times a count (四瓶 一瓶4块5 一共18元, "$12 each … $24 for the two"):
  // it pays for those units only, and its sum is the total, not the rate (decision 0880).
  const below = stated !== null && value !== null && stated < value;
  const part =
    (remedy === 'refund' &&
      ((issue !== null && refundsPart(issue.kind) && !says(input.issueText, 'issue.empty_parcel')) ||
        (issue?.kind === 'billing' && overcharged(input.issueText)) ||
        below ||
        byRate !== null)) ||
    (remedy === 'refund_only' && (below || byRate !== null));
  // Money back while the buyer keeps the goods is a refund without a return; money back for goods
  // the call sends back (退货寄回去了, a return label, a pickup) is a return for a refund. Not for a
  // parcel that never came: there is nothing to send back.
  const kept = input.kept === true && remedy === 'refund';
  const back = remedy === 'refund' && !part && !kept && input.returned === true && issue?.kind !== 'late';
  const kind = part ? 'partial_refund' : back ? 'return_refund' : kept || remedy === 'refund' ? 'refund_only' : remedy;
  const at =
    remedy === 'refund' && !part && !kept && !back
      ? options.findIndex((o) => (REFUNDS as readonly string[]).includes(o.kind))
      : options.findIndex((o) => o.kind === kind);
  const amount = stated ?? (kind === 'partial_refund' ? null : value);
  const made = (base: Partial<RefundOption>): RefundOption => ({
    kind,
    amount: amount ?? 0,
    amountToBeConfirmed: amount === null,
    currency: facts.currency,
    policy: `${language}.${policyFor(kind, issue?.kind ?? null)}`,
    recommended: true,
    rationale: rationale(language, 'settled', {
      amount,
      currency: facts.currency,
      share: null,
      count: null,
      days: null,
    }),
    orderId: facts.orderId,
    ...base,
  });
  const found = at >= 0 ? options[at]! : null;
  const settled = !found
    ? made({})
    : stated !== null
      ? made({ kind: found.kind, policy: found.policy, orderId: found.orderId })
      : found;
  return [settled, ...options.filter((_, i) => i !== at)].map((o, i) => ({ ...o, recommended: i === 0 }));
}
