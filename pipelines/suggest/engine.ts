import type { RefundOption, Suggestion } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import type { IssueAssessment } from './issue.js';
import type { OrderFacts } from './order-facts.js';
import type { PolicyMatch } from './policy-store.js';

/**
 * Everything a suggestion engine may use for one customer turn, computed once by the advisor.
 * Engines are asked only once the problem is identified and a relevant policy was retrieved.
 */
export interface TurnFacts {
  lines: readonly TranscriptLine[];
  /** The customer line just heard. */
  index: number;
  language: 'zh' | 'en';
  issue: IssueAssessment;
  facts: OrderFacts;
  refundOptions: RefundOption[];
  /** The relevant retrieved policies, plus those the refund options cite. */
  policies: PolicyMatch[];
}

/**
 * Writes reply suggestions for the merchant. Every engine returns the core `Suggestion` shape
 * with `afterUtterance = turn.index`, its own name in `engine`, and only ids of policies in the
 * knowledge base in `policies`.
 */
export interface SuggestionEngine {
  /** e.g. 'offline-templates' or 'llm:openai/gpt-4o-mini'. */
  readonly name: string;
  suggest(turn: TurnFacts, options?: { signal?: AbortSignal }): Promise<Suggestion[]>;
}
