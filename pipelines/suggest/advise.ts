import type { AmountNote, OrderNumberNote, RefundOption, Suggestion } from '../../core/analysis.js';
import type { Order, PolicyDocument, TranscriptLine } from '../../core/domain.js';
import { callLanguage } from '../language/index.js';
import type { SuggestionEngine } from './engine.js';
import { assessIssue, type IssueAssessment } from './issue.js';
import { factsFromCall, factsFromOrder, type OrderFacts } from './order-facts.js';
import { loadPolicies, type PolicyMatch, type PolicyRetriever } from './policy-store.js';
import { customerPreference, honourPreference } from './preference.js';
import { computeRefundOptions } from './refund-options.js';

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
  notes?: { amounts?: readonly AmountNote[]; orderNumbers?: readonly OrderNumberNote[] };
  signal?: AbortSignal;
}

export interface TurnAdvice {
  suggestions: Suggestion[];
  /** Ranked, recommended first; reflects the call so far, so it is filled after merchant lines too. */
  refundOptions: RefundOption[];
  issue: IssueAssessment | null;
  facts: OrderFacts;
  policies: PolicyMatch[];
}

/**
 * Stage 3 for one turn: classify the issue heard so far, compute refund options from the order
 * facts, retrieve policies for the customer's words, and ask the engine for reply suggestions.
 */
export class Advisor {
  private readonly byId: Map<string, PolicyDocument>;

  constructor(
    private readonly deps: {
      retriever: PolicyRetriever;
      engine: SuggestionEngine;
      knowledgeBase?: readonly PolicyDocument[];
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
    const language = input.language ?? callLanguage(lines.slice(0, index + 1).map((l) => l.text));
    const order = pickOrder(input.orders ?? [], input.notes?.orderNumbers ?? []);
    const facts = order ? factsFromOrder(order, input.now) : factsFromCall(lines, index, input.notes ?? {}, language);
    const issue = assessIssue(lines, index, { fresh: facts.fresh });
    const issueText = issue ? lines[issue.utterance]!.text : '';
    const refundOptions = honourPreference(
      computeRefundOptions({ facts, issue, language, issueText }),
      customerPreference(lines, index),
    );
    if (lines[index]?.speaker !== 'customer') return { suggestions: [], refundOptions, issue, facts, policies: [] };

    const retrieved = await this.deps.retriever.retrieve(queryFor(lines, index), { language, limit: 3 });
    const policies = [...retrieved];
    for (const id of refundOptions.map((o) => o.policy)) {
      const doc = this.byId.get(id);
      if (doc && !policies.some((p) => p.policy.id === id)) policies.push({ policy: doc, similarity: 0 });
    }
    const turn = { lines, index, language, issue, facts, refundOptions, policies };
    const suggestions = await this.deps.engine.suggest(turn, { signal: input.signal });
    return { suggestions, refundOptions, issue, facts, policies };
  }
}

/** The order the call is about: one whose number was said, else the only one. */
function pickOrder(orders: readonly Order[], said: readonly OrderNumberNote[]): Order | null {
  const named = orders.find((o) => said.some((n) => n.value === o.id));
  return named ?? (orders.length === 1 ? orders[0]! : null);
}

/** The customer's line, with their previous line for context ("对，烂了" means little alone). */
function queryFor(lines: readonly TranscriptLine[], index: number): string {
  const previous = lines.slice(0, index).findLast((l) => l.speaker === 'customer');
  return previous ? `${previous.text}\n${lines[index]!.text}` : lines[index]!.text;
}
