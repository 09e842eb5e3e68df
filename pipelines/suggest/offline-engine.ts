import type { Suggestion } from '../../core/analysis.js';
import type { SuggestionEngine, TurnFacts } from './engine.js';
import { nextStep, remedyLine } from './reply-templates.js';

/**
 * Templates, no network: the default engine when no LLM is configured and the fallback when it
 * fails. The recommended refund option as the merchant would say it (with its amount, or that the
 * amount is to be confirmed), the problem's next step (evidence, booking, refund timing…), then
 * the runner-up option.
 */
export class OfflineSuggestionEngine implements SuggestionEngine {
  readonly name = 'offline-templates';

  async suggest(turn: TurnFacts): Promise<Suggestion[]> {
    const { language: lang, issue, refundOptions: options } = turn;
    const amountKnown = turn.facts.amount !== null;
    const out: { text: string; policies: string[] }[] = [];
    const [first, second] = options;
    if (first) out.push({ text: remedyLine(first, issue, lang, amountKnown), policies: [first.policy] });
    const issueText = turn.lines[issue.utterance]?.text ?? '';
    const step = nextStep(issue, { hasOptions: options.length > 0, fresh: turn.facts.fresh, issueText }, lang);
    if (step) out.push({ text: step.text, policies: [step.policy] });
    if (second) out.push({ text: remedyLine(second, issue, lang, amountKnown), policies: [second.policy] });
    return out.slice(0, 3).map((s) => ({ afterUtterance: turn.index, ...s, engine: this.name }));
  }
}
