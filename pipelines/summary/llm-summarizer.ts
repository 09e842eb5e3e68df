import { CallSummaryOutput, callSummaryPrompt } from '../../prompts/call-summary.js';
import { renderPrompt } from '../../prompts/render.js';
import type { LlmClient } from '../llm/contract.js';
import { withRetryOnce } from '../llm/retry.js';
import { containsPhoneNumber } from '../suggest/safety.js';
import { summarizeCall } from './offline-summary.js';
import type { Summarizer, SummaryInput } from './summarizer.js';

const TRANSCRIPT_LINES = 40;

/**
 * An LLM rewrite of the template summary (call-summary@1), given the same structured findings.
 * Retried once; on failure, or if the answer carries a phone number, the template stands.
 */
export class LlmSummarizer implements Summarizer {
  readonly name: string;

  constructor(
    private readonly llm: LlmClient,
    private readonly onFallback: (reason: string) => void = () => {},
  ) {
    this.name = `llm:${llm.model}`;
  }

  async summarize(input: SummaryInput, options: { signal?: AbortSignal } = {}): Promise<string> {
    const draft = summarizeCall(input);
    const prompt = renderPrompt(callSummaryPrompt, {
      languageName: input.language === 'zh' ? 'Chinese (简体中文)' : 'English',
      transcript:
        input.lines
          .slice(-TRANSCRIPT_LINES)
          .map((l) => `${l.speaker}: ${l.text}`)
          .join('\n') || '(empty)',
      findings: JSON.stringify({
        orderNumbers: input.orderNumbers?.map((n) => n.value) ?? [],
        refundOptions: input.refundOptions.map(({ kind, amount, currency, policy, recommended }) => ({
          kind,
          amount,
          currency,
          policy,
          recommended,
        })),
        promises: input.promises.map(({ speaker, action, deadline, conditional }) => ({
          speaker,
          action,
          deadline,
          conditional,
        })),
        flags: input.flags.map(({ category, severity, rule }) => ({ category, severity, rule })),
      }),
      draft,
    });
    try {
      const { summary } = await withRetryOnce(() => this.llm.complete(prompt, CallSummaryOutput, options));
      // Flags are named in summaries ("asked for a good review"), so only contact details disqualify one.
      if (!containsPhoneNumber(summary)) return summary;
      this.onFallback('the LLM summary contained a phone number');
    } catch (err) {
      this.onFallback(err instanceof Error ? err.message : String(err));
    }
    return draft;
  }
}
