import type { Suggestion } from '../../core/analysis.js';
import type { SuggestionEngine, TurnFacts } from './engine.js';
import { nextStep, remedyLine } from './reply-templates.js';

/** Below this cosine a retrieved policy is too weak a match to quote unprompted ("好的谢谢" scores 0.16 with the offline embedder). */
const QUOTE_THRESHOLD = 0.2;

const CLARIFY = {
  zh: '请问商品具体是什么问题呢？方便的话告诉我订单号，我帮您查一下。',
  en: "Could you tell me what went wrong and your order number? I'll look into it right away.",
};

/**
 * Retrieval + templates, no network: the default engine when no LLM is configured and the
 * fallback when it fails. For a heard issue: the recommended refund option as the merchant would
 * say it (with its amount), the issue's next step (evidence, booking, refund timing…), then the
 * runner-up option. Without an issue: the best-matching policy's rule and a clarifying question.
 */
export class OfflineSuggestionEngine implements SuggestionEngine {
  readonly name = 'offline-templates';

  async suggest(turn: TurnFacts): Promise<Suggestion[]> {
    const { language: lang, issue, refundOptions: options } = turn;
    const amountKnown = turn.facts.amount !== null;
    const out: { text: string; policies: string[] }[] = [];
    if (issue) {
      const [first, second] = options;
      if (first) out.push({ text: remedyLine(first, issue, lang, amountKnown), policies: [first.policy] });
      const issueText = turn.lines[issue.utterance]?.text ?? '';
      const step = nextStep(issue, { hasOptions: options.length > 0, fresh: turn.facts.fresh, issueText }, lang);
      if (step) out.push({ text: step.text, policies: [step.policy] });
      if (second) out.push({ text: remedyLine(second, issue, lang, amountKnown), policies: [second.policy] });
    }
    if (out.length === 0) {
      const best = turn.policies.find((p) => p.similarity >= QUOTE_THRESHOLD);
      if (best) out.push({ text: quote(best.policy.body, best.policy.title, lang), policies: [best.policy.id] });
      out.push({ text: CLARIFY[lang], policies: [] });
    }
    return out.slice(0, 3).map((s) => ({ afterUtterance: turn.index, ...s, engine: this.name }));
  }
}

/** The policy's rule in its first sentence, as the merchant would explain it. */
function quote(body: string, title: string, lang: 'zh' | 'en'): string {
  const first = (lang === 'zh' ? /^[^。！？]*[。！？]/ : /^.*?[.!?](\s|$)/).exec(body)?.[0]?.trim() ?? body;
  return lang === 'zh'
    ? `关于这个问题，按照我们的「${title}」规则：${first}`
    : `About that: under our "${title}" policy, ${lowerFirst(first)}`;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
