import type { Suggestion } from '../../core/analysis.js';
import { ReplySuggestionsOutput, replySuggestionsPrompt } from '../../prompts/reply-suggestions.js';
import { renderPrompt } from '../../prompts/render.js';
import type { LlmClient } from '../llm/contract.js';
import { withRetryOnce } from '../llm/retry.js';
import type { SuggestionEngine, TurnFacts } from './engine.js';
import { formatMoney } from './refund-text.js';
import { isSafeSuggestion } from './safety.js';

const TRANSCRIPT_LINES = 12;

/**
 * Reply suggestions from a chat model with the versioned prompt reply-suggestions@1. The answer
 * is zod-validated, retried once on a retryable failure, then stripped of unknown policy ids and
 * of anything unsafe (off-platform contact or payment, reviews). If nothing usable is left, or
 * the LLM fails, the fallback engine answers, so a merchant always gets suggestions.
 */
export class LlmSuggestionEngine implements SuggestionEngine {
  readonly name: string;

  constructor(
    private readonly llm: LlmClient,
    private readonly fallback: SuggestionEngine,
    private readonly onFallback: (reason: string) => void = () => {},
  ) {
    this.name = `llm:${llm.model}`;
  }

  async suggest(turn: TurnFacts, options: { signal?: AbortSignal } = {}): Promise<Suggestion[]> {
    const prompt = renderPrompt(replySuggestionsPrompt, variables(turn));
    let answer: ReplySuggestionsOutput;
    try {
      answer = await withRetryOnce(() => this.llm.complete(prompt, ReplySuggestionsOutput, options));
    } catch (err) {
      this.onFallback(err instanceof Error ? err.message : String(err));
      return this.fallback.suggest(turn, options);
    }
    const known = new Set(turn.policies.map((p) => p.policy.id));
    const usable = answer.suggestions
      .filter((s) => isSafeSuggestion(s.text))
      .map((s) => ({ text: s.text, policies: [...new Set(s.policies.filter((id) => known.has(id)))] }));
    if (usable.length === 0) {
      this.onFallback('every LLM suggestion was unsafe');
      return this.fallback.suggest(turn, options);
    }
    return usable.map((s) => ({ afterUtterance: turn.index, ...s, engine: `${this.name} ${prompt.ref}` }));
  }
}

function variables(turn: TurnFacts) {
  const { language: lang, facts } = turn;
  const speaker = (s: string) => (lang === 'zh' ? (s === 'customer' ? '顾客' : '商家') : s);
  const from = Math.max(0, turn.index + 1 - TRANSCRIPT_LINES);
  const transcript = turn.lines
    .slice(from, turn.index + 1)
    .map((l, i) => `[${from + i}] ${speaker(l.speaker)}: ${l.text}`)
    .join('\n');
  return {
    languageName: lang === 'zh' ? ('Chinese (简体中文)' as const) : ('English' as const),
    transcript,
    facts: [
      `source: ${facts.source}`,
      `order: ${facts.orderId ?? 'unknown'}, paid ${formatMoney(facts.amount, facts.currency, 'en')}, status ${facts.status ?? 'unknown'}`,
      `days since delivery: ${facts.daysSinceDelivery ?? 'unknown'}`,
      ...facts.items.map((i) => `item: ${i.name} ×${i.quantity} @ ${i.unitPrice} (${i.category})`),
    ].join('\n'),
    issue: `${turn.issue.kind} ("${turn.issue.cue}")${turn.issue.share !== null ? `, share ${turn.issue.share.toFixed(2)}` : ''}${turn.issue.product ? `, product ${turn.issue.product}` : ''}`,
    refundOptions:
      turn.refundOptions
        .map(
          (o) =>
            `- ${o.kind} ${o.amountToBeConfirmed ? 'amount to be confirmed' : `${o.amount} ${o.currency}`} (${o.policy})${o.recommended ? ' [recommended]' : ''}: ${o.rationale}`,
        )
        .join('\n') || 'none',
    policies:
      turn.policies.map((p) => `- ${p.policy.id} 「${p.policy.title}」: ${p.policy.body}`).join('\n') || '- none',
  };
}
