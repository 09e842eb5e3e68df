import type { PromiseNote } from '../../core/analysis.js';
import { type PromiseAction, PromiseActionSchema, type TranscriptLine } from '../../core/domain.js';
import { PromiseExtractOutput, promiseExtractPrompt } from '../../prompts/promise-extract.js';
import { renderPrompt } from '../../prompts/render.js';
import type { LlmClient } from '../llm/contract.js';
import { resolveDeadline } from '../notes/index.js';
import { completeWithinBudget } from './budget.js';
import { contextLines } from './context.js';
import { locateQuote, type RejectedQuote } from './spans.js';

/** What each action class covers, for the prompt; a class added to the core enum is listed by name until described. */
const ACTIONS: Partial<Record<PromiseAction, string>> = {
  refund: 'give money back (退款, 退差价, refund)',
  ship: 'send goods (发货, 补发, 寄出, ship, send a replacement)',
  callback: 'contact the buyer again (回电, 回复您, 联系您, get back to you, you will hear back)',
  visit: 'someone comes on site (上门, 师傅联系您上门, a technician visit)',
  compensate: 'coupon, red packet or credit as an apology (补偿, 优惠券, 红包, voucher)',
  other:
    'any other later action: escalate, report, record, chase the courier, ask the warehouse or a colleague and come back (反馈, 升级, 登记, 催, 跟进, flag for review)',
};

export interface PromiseRecallResult {
  promises: PromiseNote[];
  rejected: RejectedQuote[];
  /** Why the model's answer was not used (failure or over budget); absent when it was. */
  fallback?: string;
}

/**
 * The LLM as the recall layer for promises: it reads one line (with the lines before it) and
 * names commitments the offline frames may have missed. Each answer is zod-checked; each promise
 * must quote the line exactly (its deadline words too), else it is rejected and never shown.
 */
export class LlmPromiseRecall {
  constructor(
    private readonly llm: LlmClient,
    private readonly budgetMs: number,
  ) {}

  get name(): string {
    return `llm:${this.llm.model} ${promiseExtractPrompt.id}@${promiseExtractPrompt.version}`;
  }

  async recall(
    lines: readonly TranscriptLine[],
    index: number,
    clock: { startedAt: Date; timeZone: string },
  ): Promise<PromiseRecallResult> {
    const line = lines[index];
    if (!line || line.text.trim() === '') return { promises: [], rejected: [] };
    const prompt = renderPrompt(promiseExtractPrompt, {
      actions: PromiseActionSchema.options.map((a) => `- ${a}: ${ACTIONS[a] ?? a}`).join('\n'),
      context: contextLines(lines, index),
      speaker: line.speaker,
      utterance: line.text,
    });
    const answer = await completeWithinBudget(this.llm, prompt, PromiseExtractOutput, this.budgetMs);
    if (!answer.ok) return { promises: [], rejected: [], fallback: answer.reason };
    const promises: PromiseNote[] = [];
    const rejected: RejectedQuote[] = [];
    const now = new Date(clock.startedAt.getTime() + line.startMs);
    for (const p of answer.value.promises) {
      const span = locateQuote(line.text, p.evidence);
      const when = p.deadline === null ? null : locateQuote(line.text, p.deadline);
      if (!span || (p.deadline !== null && !when)) {
        rejected.push({ utterance: index, quote: span ? p.deadline! : p.evidence, reason: 'not in the line' });
        continue;
      }
      const deadline = when ? resolveDeadline(line.text.slice(...when), now, clock.timeZone) : null;
      promises.push({
        speaker: line.speaker,
        action: p.action,
        deadline: deadline?.date ?? null,
        conditional: p.conditional,
        utterance: index,
        text: line.text.slice(...span),
      });
    }
    return { promises, rejected };
  }
}

/**
 * Offline promises and recalled ones as one list, offline first: the union, for recall, with a
 * recalled promise dropped when the offline engine already has it — the same speaker and line,
 * and the same action or overlapping words (the model may class "给您反馈给财务" differently).
 */
export function mergePromises(offline: readonly PromiseNote[], recalled: readonly PromiseNote[]): PromiseNote[] {
  const same = (a: PromiseNote, b: PromiseNote) =>
    a.utterance === b.utterance &&
    a.speaker === b.speaker &&
    (a.action === b.action || a.text.includes(b.text) || b.text.includes(a.text));
  const merged = [...offline];
  for (const p of recalled) if (!merged.some((q) => same(p, q))) merged.push(p);
  return merged.sort((a, b) => a.utterance - b.utterance);
}
