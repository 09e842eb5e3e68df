import type { TranscriptLine } from '../../core/domain.js';
import { IssueExtractOutput, issueExtractPrompt } from '../../prompts/issue-extract.js';
import { renderPrompt } from '../../prompts/render.js';
import type { LlmClient } from '../llm/contract.js';
import type { IssueAssessment, IssueKind } from '../suggest/issue.js';
import { ISSUE_KINDS } from '../suggest/issue-cues.js';
import { issueKinds } from '../suggest/knowledge.js';
import { completeWithinBudget } from './budget.js';
import { contextLines } from './context.js';
import { locateQuote, type RejectedQuote } from './spans.js';

export interface IssueRecallResult {
  issue: IssueAssessment | null;
  rejected: RejectedQuote[];
  /** Why the model's answer was not used (failure or over budget); absent when it was. */
  fallback?: string;
}

/**
 * The LLM as the recall layer for the buyer's problem, asked when the offline detector heard
 * none. The answer is zod-checked; it must name a known kind and a buyer's line up to `index`
 * and quote that line exactly, else it is rejected. A product it names that the transcript
 * doesn't contain is dropped (never shown); counts must make sense (count ≤ total).
 */
export class LlmIssueRecall {
  constructor(
    private readonly llm: LlmClient,
    private readonly budgetMs: number,
  ) {}

  get name(): string {
    return `llm:${this.llm.model} ${issueExtractPrompt.id}@${issueExtractPrompt.version}`;
  }

  async recall(lines: readonly TranscriptLine[], index: number): Promise<IssueRecallResult> {
    const prompt = renderPrompt(issueExtractPrompt, {
      kinds: issueKinds()
        .kinds.map((k) => `- ${k.kind}: ${k.description}`)
        .join('\n'),
      transcript: contextLines(lines, index, index + 1),
    });
    const answer = await completeWithinBudget(this.llm, prompt, IssueExtractOutput, this.budgetMs);
    if (!answer.ok) return { issue: null, rejected: [], fallback: answer.reason };
    const found = answer.value.issue;
    if (!found) return { issue: null, rejected: [] };
    const reject = (quote: string, reason: string): IssueRecallResult => ({
      issue: null,
      rejected: [{ utterance: found.utterance, quote, reason }],
    });
    const line = found.utterance <= index ? lines[found.utterance] : undefined;
    if (line?.speaker !== 'customer') return reject(found.evidence, 'not a buyer line of this call so far');
    if (!(ISSUE_KINDS as readonly string[]).includes(found.kind))
      return reject(found.evidence, `unknown kind ${found.kind}`);
    const span = locateQuote(line.text, found.evidence);
    if (!span) return reject(found.evidence, 'not in the line');
    const rejected: RejectedQuote[] = [];
    let product: string | null = null;
    if (found.product !== null) {
      const said = lines.slice(0, index + 1).some((l) => locateQuote(l.text, found.product!));
      if (said) product = found.product.trim();
      else rejected.push({ utterance: found.utterance, quote: found.product, reason: 'product not in the transcript' });
    }
    const counted = found.count !== null && (found.total === null || found.count <= found.total);
    const count = counted ? found.count : null;
    const total = counted ? found.total : null;
    const share = count !== null && total !== null ? count / total : null;
    return {
      issue: {
        kind: found.kind as IssueKind,
        utterance: found.utterance,
        cue: line.text.slice(...span),
        count,
        total,
        share,
        extent:
          share === null ? (count !== null ? 'some' : null) : share === 1 ? 'all' : share >= 0.5 ? 'most' : 'some',
        product,
        preference: found.preference,
        source: this.name,
      },
      rejected,
    };
  }
}
