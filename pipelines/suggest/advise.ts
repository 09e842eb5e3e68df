import type {
  AmountNote,
  OrderNumberNote,
  ProductNote,
  PromiseNote,
  RefundOption,
  Suggestion,
} from '../../core/analysis.js';
import type { Order, PolicyDocument, TranscriptLine } from '../../core/domain.js';
import { callLanguage } from '../language/index.js';
import { findAmounts } from '../notes/index.js';
import { CallReading, FAULT_KINDS, type Settlement } from './call-reading.js';
import type { Remedy } from './issue-cues.js';
import { CLARIFY_ENGINE, clarifyingQuestion } from './clarify.js';
import type { SuggestionEngine } from './engine.js';
import { assessIssue, type IssueAssessment } from './issue.js';
import { factsFromCall, factsFromOrder, type OrderFacts } from './order-facts.js';
import { loadPolicies, type PolicyMatch, type PolicyRetriever } from './policy-store.js';
import { customerPreference, honourPreference } from './preference.js';
import { refundByRate } from './quantities.js';
import { computeRefundOptions } from './refund-options.js';
import { relevantPolicies } from './relevance.js';
import { settleOn } from './remedy.js';

export interface AdviseInput {
  lines: readonly TranscriptLine[];
  /** The line just heard; suggestions are made only after customer lines. */
  index: number;
  /** "Now" for refund windows: the time the line was heard (or the call's start plus its offset). */
  now: Date;
  /** The call's language; detected from the transcript so far when omitted. */
  language?: 'zh' | 'en';
  /** The platform's orders for this call (validated order numbers); empty when unknown. */
  orders?: readonly Order[];
  /** From extraction: amounts and order numbers heard, used when no order is known. */
  notes?: {
    amounts?: readonly AmountNote[];
    orderNumbers?: readonly OrderNumberNote[];
    products?: readonly ProductNote[];
    /** The promises heard: a remedy stated with no options of Kefu's own counts only as one of them. */
    promises?: readonly PromiseNote[];
  };
  /** Replies already offered in this call: a clarifying question is asked once, a reply offered once. */
  offered?: readonly Suggestion[];
  /**
   * The call's lines as read so far, carried from turn to turn (`new CallReading(lines)` over the
   * growing transcript) so each line is read once; without it the lines are read afresh.
   */
  reading?: CallReading;
  signal?: AbortSignal;
}

export interface TurnAdvice {
  suggestions: Suggestion[];
  /**
   * Ranked, recommended first; reflects the call so far, so it is filled after merchant lines too.
   * Empty until the problem is identified and a policy relevant to it was retrieved.
   */
  refundOptions: RefundOption[];
  issue: IssueAssessment | null;
  facts: OrderFacts;
  /** The relevant retrieved policies, plus those the refund options cite. */
  policies: PolicyMatch[];
  /** The problem is identified and answered by a policy, but the facts now rule every option out. */
  ruledOut: boolean;
}

/** Finds the buyer's problem when the offline detector heard none (the LLM recall layer). */
export interface IssueRecaller {
  recall(
    lines: readonly TranscriptLine[],
    index: number,
  ): Promise<{ issue: IssueAssessment | null; fallback?: string }>;
}

/** Promise actions that carry out a remedy. */
const REMEDY_ACTS: readonly PromiseNote['action'][] = ['refund', 'ship', 'compensate'];

/**
 * The remedy a merchant's promise carries out when no remedy words were read (退一部分款, "I'll mail
 * one out today"): the promise engine already knows a commitment from a policy or an offer. Money
 * promised back is a refund (a price drop's is the difference); goods promised are a replacement
 * for faulty ones, a reshipment for missing, spoiled or lost ones, and nothing for a late parcel or
 * without a problem (the order simply being sent). A conditional promise settles nothing yet, unless
 * it is money back on only the buyer's own step or the goods reaching the shop (decision 0620).
 */
function promisedRemedy(
  promises: readonly PromiseNote[],
  issue: IssueAssessment | null,
  index: number,
  reading: CallReading,
): Settlement {
  const from = issue?.utterance ?? 0;
  for (let k = promises.length - 1; k >= 0; k--) {
    const p = promises[k]!;
    if (p.speaker !== 'merchant' || p.utterance < from || p.utterance > index) continue;
    // Goods or money the buyer turned down, or offered off the platform or for a review, are no remedy.
    if (reading.remedyVoid(p.utterance, index)) continue;
    // Money promised on the buyer's own step or the goods reaching the shop (仓库签收以后 钱会原路回到
    // 您账户) is settled; goods promised on one may be a sale's shipping (您拍下之后…寄出).
    if (p.conditional && !(p.action === 'refund' && reading.onBuyerStep(p.utterance))) continue;
    if (p.action === 'refund') {
      // Money back for a fee (配送费给您退掉) is no refund of the order.
      if (reading.feeRefund(p.utterance)) continue;
      // A price drop's refund is the difference: settleOn reads any refund for one as a part refund.
      return { remedy: 'refund', line: p.utterance };
    }
    // Goods promised for a parcel said lost are sent again (a reship), not the order simply being sent.
    const goods = p.action === 'ship' && issue ? (issue.lost === true ? 'reship' : SHIPPED_FOR[issue.kind]) : undefined;
    // Goods promised back on a line naming a repair (修好给您寄回去, a unit sent to the factory) are the
    // buyer's own, mended: a repair, no refund kind (decision 0920).
    if (goods) return { remedy: reading.repairOn(p.utterance) ? 'repair' : goods, line: p.utterance };
  }
  return null;
}
const SHIPPED_FOR: Partial<Record<IssueAssessment['kind'], Remedy>> = {
  wrong_item: 'replacement',
  damaged: 'replacement',
  not_as_described: 'replacement',
  missing_item: 'reship',
  spoiled: 'reship',
};

/**
 * The amount said on the settling line: the notes' (which list a repeated amount once, where it was
 * first said), else the line's one amount (给您退18元可以吗 … 申请仅退款18元).
 */
function saidOn(line: number | null, lines: readonly TranscriptLine[], amounts: readonly AmountNote[]): number | null {
  if (line === null) return null;
  const noted = amounts.find((a) => a.utterance === line);
  if (noted) return noted.value;
  const heard = findAmounts(lines[line]?.text ?? '');
  return heard.length === 1 ? heard[0]!.value : null;
}

/** How many policies are retrieved for the relevance check: a problem's family is rarely more than five. */
const RETRIEVE = 5;

/**
 * Stage 3 for one turn. A suggestion and refund options have to earn their place: the problem is
 * identified (offline, else by the recall layer) AND a retrieved policy relevant to it passes
 * the relevance threshold. Then refund options are computed from the order facts and the engine
 * writes replies; otherwise the merchant gets one clarifying question, once per call, or nothing.
 * A reply already offered in the call is not offered again.
 */
export class Advisor {
  private readonly byId: Map<string, PolicyDocument>;

  constructor(
    private readonly deps: {
      retriever: PolicyRetriever;
      engine: SuggestionEngine;
      knowledgeBase?: readonly PolicyDocument[];
      issueRecall?: IssueRecaller;
      onFallback?: (reason: string) => void;
    },
  ) {
    this.byId = new Map((deps.knowledgeBase ?? loadPolicies()).map((p) => [p.id, p]));
  }

  /** e.g. "offline-templates over in-memory hashed-ngram-v1-512" for the start-up banner. */
  describe(): string {
    return `${this.deps.engine.name} over ${this.deps.retriever.name}`;
  }

  async advise(input: AdviseInput): Promise<TurnAdvice> {
    const { lines, index } = input;
    const reading = input.reading?.lines === lines ? input.reading : new CallReading(lines);
    const offered = input.offered ?? [];
    const language = input.language ?? callLanguage(lines.slice(0, index + 1).map((l) => l.text));
    const order = pickOrder(input.orders ?? [], input.notes?.orderNumbers ?? []);
    const facts = order
      ? factsFromOrder(order, input.now)
      : factsFromCall(lines, index, input.notes ?? {}, language, reading);
    const customerTurn = lines[index]?.speaker === 'customer';
    const heard = await this.issueOf(reading, index, facts, customerTurn);
    const preference = customerPreference(lines, index, reading);
    const issue = heard && {
      ...heard,
      product: heard.product ?? productOf(heard, index, input.notes?.products ?? [], order),
      preference: heard.preference ?? preference,
    };
    const retrieved = issue
      ? await this.deps.retriever.retrieve(queryFor(lines, issue.utterance, reading), { language, limit: RETRIEVE })
      : [];
    const relevant = relevantPolicies(retrieved, issue, language);
    // The remedy of the problem since it was first said: restating it doesn't reopen what was agreed.
    const since = issue ? reading.problemStart(issue.utterance, issue.kind, facts.fresh === true) : 0;
    // A coupon is the remedy only when nothing else was settled: a refund or goods promised beside it win.
    const agreed = reading.remedySince(since, index);
    const settlement =
      agreed === null || agreed.remedy === 'coupon'
        ? (promisedRemedy(input.notes?.promises ?? [], issue, index, reading) ?? agreed)
        : agreed;
    const amount = saidOn(settlement?.line ?? null, lines, input.notes?.amounts ?? []);
    const byRate = settlement ? refundByRate(lines[settlement.line]?.text ?? '') : null;
    const kept = facts.intangible === true || reading.keptBetween(issue?.utterance ?? 0, index);
    const returned = reading.goodsBack(index);
    const before =
      issue && issue.utterance > 0 ? reading.latestIssue('customer', issue.utterance - 1, facts.fresh === true) : null;
    const earlier = before !== null && reading.kinds(before, facts.fresh === true)[0]?.kind !== issue?.kind;
    // With no options of Kefu's own, only a remedy the merchant committed to (a promise to pay,
    // send or compensate on the settling line), says is done (已经给您退了, "I've refunded") or
    // offered and the buyer said yes to ("a $25 store credit, does that work?" → "ok") is the
    // call's decision, not a policy or a warning.
    const decided =
      settlement !== null &&
      (input.notes?.promises?.some(
        (p) => p.utterance === settlement.line && p.speaker === 'merchant' && REMEDY_ACTS.includes(p.action),
      ) ||
        (lines[settlement.line]?.speaker === 'merchant' && reading.doneOn(settlement.line)) ||
        reading.offerAcceptedBy(settlement.line, index) ||
        chasedRefund(issue, settlement, lines, reading, index))
        ? settlement
        : null;
    if (!issue || relevant.length === 0) {
      const question = customerTurn ? clarifyingQuestion({ language, issueHeard: issue !== null, offered }) : null;
      const suggestions = question
        ? [{ afterUtterance: index, text: question, policies: [], engine: CLARIFY_ENGINE }]
        : [];
      const issueText = lines[issue?.utterance ?? decided?.line ?? index]?.text ?? '';
      const refundOptions = decided
        ? settleOn([], decided, { facts, issue, language, issueText, said: amount, kept, returned, earlier, byRate })
        : [];
      // The buyer turned down the remedy the merchant had put (可以给您换一个 → 不用了): one recommended
      // before no longer stands.
      const ruledOut = refundOptions.length === 0 && reading.declinedLast(index);
      return { suggestions, refundOptions, issue, facts, policies: relevant, ruledOut };
    }
    const issueText = lines[issue.utterance]!.text;
    const ranked = honourPreference(computeRefundOptions({ facts, issue, language, issueText }), preference);
    const refundOptions = settleOn(ranked, ranked.length > 0 ? settlement : decided, {
      facts,
      issue,
      language,
      issueText,
      said: amount,
      asked: reading.askStanding(index),
      kept,
      returned,
      earlier,
      byRate,
    });
    const policies = [...relevant];
    for (const id of refundOptions.map((o) => o.policy)) {
      const doc = this.byId.get(id);
      if (doc && !policies.some((p) => p.policy.id === id)) policies.push({ policy: doc, similarity: 0 });
    }
    // The problem is held and a policy answers it, yet the facts rule every remedy out (定制 goods,
    // past the window): an option recommended before those facts were known no longer stands.
    const ruledOut = refundOptions.length === 0 && (issue.kind === 'changed_mind' || FAULT_KINDS.includes(issue.kind));
    if (!customerTurn) return { suggestions: [], refundOptions, issue, facts, policies, ruledOut };
    const turn = { lines, index, language, issue, facts, refundOptions, policies };
    const written = await this.deps.engine.suggest(turn, { signal: input.signal });
    const suggestions = written.filter((s) => !offered.some((o) => o.text === s.text));
    return { suggestions, refundOptions, issue, facts, policies, ruledOut };
  }

  /** The offline detector's problem, else (on a buyer's line) what the recall layer finds. */
  private async issueOf(
    reading: CallReading,
    index: number,
    facts: OrderFacts,
    customerTurn: boolean,
  ): Promise<IssueAssessment | null> {
    const heard = assessIssue(reading.lines, index, { fresh: facts.fresh, reading });
    if (heard || !customerTurn || !this.deps.issueRecall) return heard;
    const recalled = await this.deps.issueRecall.recall(reading.lines, index);
    if (recalled.fallback) this.deps.onFallback?.(`issue recall: ${recalled.fallback}`);
    return recalled.issue;
  }
}

/**
 * The goods the problem is about: a product the notes heard in the problem's line, else the latest
 * one heard up to now, else the order's only item.
 */
function productOf(
  issue: IssueAssessment,
  index: number,
  products: readonly ProductNote[],
  order: Order | null,
): string | null {
  const said = products.filter((p) => p.utterance <= index);
  const named = said.find((p) => p.utterance === issue.utterance) ?? said.at(-1);
  return named?.name ?? (order?.items.length === 1 ? order.items[0]!.name : null);
}

/** The order the call is about: one whose number was said, else the only one. */
function pickOrder(orders: readonly Order[], said: readonly OrderNumberNote[]): Order | null {
  const named = orders.find((o) => said.some((n) => n.value === o.id));
  return named ?? (orders.length === 1 ? orders[0]! : null);
}

/** The customer's line, with their previous line for context ("对，烂了" means little alone). */
export function queryFor(lines: readonly TranscriptLine[], index: number, reading?: CallReading): string {
  const previous = (reading?.lines === lines ? reading : new CallReading(lines)).previousBy('customer', index);
  return previous !== null ? `${lines[previous]!.text}\n${lines[index]!.text}` : lines[index]!.text;
}

/**
 * The refund of a cancelled order the buyer chases (`refund_status` on a call that says the order was
 * cancelled: 订单取消了钱怎么还没退, "I cancelled my order… checking on the refund") is the whole order
 * back: the merchant's word that it is under way (钱是原路退回您的微信的, "it was refunded to your
 * paypal") is the call's remedy even with no promise or "done" mark (blind-r's convention: order
 * cancelled → refund_only). A refund chased for other reasons stays as the older sets label it
 * (F zh02 null, Q zh09 refund_only: they disagree) (decision 0860). Not one the merchant voided.
 */
function chasedRefund(
  issue: IssueAssessment | null,
  settlement: NonNullable<Settlement>,
  lines: readonly TranscriptLine[],
  reading: CallReading,
  index: number,
): boolean {
  return (
    issue?.kind === 'refund_status' &&
    reading.cancelledBy(index) &&
    (settlement.remedy === 'refund' || settlement.remedy === 'refund_only') &&
    lines[settlement.line]?.speaker === 'merchant' &&
    !reading.remedyVoid(settlement.line, index)
  );
}
