/**
 * The LLM as a recall layer: when an endpoint is configured, each line is also shown to the model,
 * which proposes violations the rules did not see, quoting its evidence. A quote is only kept when
 * it is found in the line (exactly, or in the line's normalised view mapped back to the original
 * characters); anything else is rejected and never shown. One call per line, under a latency
 * budget; a slow, failing or off-schema model leaves the offline layers' result as it was.
 */
import type { FlagCategory, TranscriptLine } from '../../core/domain.js';
import { isKefuError } from '../../core/errors.js';
import {
  type ComplianceRecall,
  ComplianceRecallSchema,
  complianceRecallPrompt,
} from '../../prompts/compliance-recall.js';
import { type RenderedPrompt, renderPrompt } from '../../prompts/render.js';
import type { LlmClient } from '../llm/contract.js';
import type { ComplianceCandidate } from './detector.js';
import { loadTaxonomy } from './taxonomy.js';
import { buildView, spansOverlap, toOriginalSpan } from '../language/index.js';

const CONTEXT_LINES = 4;

export interface RecallProposal {
  category: FlagCategory;
  span: [number, number];
  evidence: string;
  confidence: number;
  reason: string;
}

export interface RecallResult {
  prompt: string;
  proposals: RecallProposal[];
  /** Proposals dropped before anyone sees them: a quote not in the line, or a category the speaker cannot commit. */
  rejected: { category: FlagCategory; why: 'not_in_line' | 'speaker' }[];
  /** Set when the model gave no usable answer in time: LLM_TIMEOUT, LLM_FAILED… */
  error?: string;
  attempts: number;
}

export async function recallViolations(
  llm: LlmClient,
  lines: readonly TranscriptLine[],
  index: number,
  /** The line's LLM budget (and the caller's cancellation). */
  signal: AbortSignal,
): Promise<RecallResult> {
  const line = lines[index]!;
  const taxonomy = loadTaxonomy();
  const open = Object.entries(taxonomy.categories).filter(([, c]) => c.speakers.includes(line.speaker));
  const from = Math.max(0, index - CONTEXT_LINES);
  const prompt = renderPrompt(complianceRecallPrompt, {
    categories: open.map(([name, c]) => `- ${name}: ${c.covers}`).join('\n'),
    context: lines
      .slice(from, index)
      .map((l, k) => `[${from + k}] ${l.speaker}: ${l.text}`)
      .join('\n'),
    speaker: line.speaker,
    utterance: line.text,
  });
  const out: RecallResult = { prompt: prompt.ref, proposals: [], rejected: [], attempts: 0 };
  let answer: ComplianceRecall | undefined;
  for (let attempt = 1; attempt <= 2 && !answer; attempt++) {
    out.attempts = attempt;
    try {
      answer = await ask(llm, prompt, signal);
    } catch (err) {
      out.error = signal.aborted ? 'LLM_TIMEOUT' : isKefuError(err) ? err.code : 'UNKNOWN';
      if (signal.aborted || !isKefuError(err) || !err.retryable) break;
    }
  }
  if (!answer) return out;
  delete out.error;
  for (const v of answer.violations) {
    if (!taxonomy.categories[v.category].speakers.includes(line.speaker)) {
      out.rejected.push({ category: v.category, why: 'speaker' });
      continue;
    }
    const span = locate(line.text, v.evidence);
    if (!span) out.rejected.push({ category: v.category, why: 'not_in_line' });
    else
      out.proposals.push({
        category: v.category,
        span,
        evidence: line.text.slice(span[0], span[1]),
        confidence: v.confidence,
        reason: v.reason,
      });
  }
  return out;
}

/** The model's answer, or a rejection when the budget runs out first (even if the client ignores the signal). */
function ask(llm: LlmClient, prompt: RenderedPrompt, signal: AbortSignal): Promise<ComplianceRecall> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    llm
      .complete(prompt, ComplianceRecallSchema, { signal })
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Where a quote sits in the line: verbatim, else in the normalised view (width, case, spacing). */
export function locate(text: string, quote: string): [number, number] | null {
  const trimmed = quote.trim();
  if (!trimmed) return null;
  const at = text.indexOf(trimmed);
  if (at >= 0) return [at, at + trimmed.length];
  const view = buildView(text, 'spaced');
  const q = buildView(trimmed, 'spaced').text;
  const v = q ? view.text.indexOf(q) : -1;
  if (v < 0) return null;
  const span = toOriginalSpan(text, view, v, v + q.length);
  return span[0] < span[1] ? span : null;
}

export interface RecallSettings {
  /** The model's own confidence a recall-only proposal needs. Default 0.8. */
  minConfidence: number;
}

export const DEFAULT_RECALL: RecallSettings = { minConfidence: 0.8 };

/**
 * Recall proposals as candidates beside the rules' ones. A category the rules already flagged on
 * this line adds nothing; a proposal overlapping a match the rules vetoed (negated, a warning, the
 * buyer speaking) stays vetoed — the model does not overrule an explicit context check.
 */
export async function recallCandidates(
  llm: LlmClient,
  lines: readonly TranscriptLine[],
  index: number,
  judged: readonly ComplianceCandidate[],
  settings: RecallSettings & { signal: AbortSignal; detector: string },
): Promise<ComplianceCandidate[]> {
  const result = await recallViolations(llm, lines, index, settings.signal);
  const line = lines[index]!;
  const language = /\p{Script=Han}/u.test(line.text) ? 'zh' : 'en';
  const taxonomy = loadTaxonomy();
  const out: ComplianceCandidate[] = [];
  for (const p of result.proposals) {
    if (judged.some((c) => c.accepted && c.category === p.category)) continue;
    const vetoed = judged.find(
      (c) => c.droppedBy === 'rule' && c.category === p.category && spansOverlap(c.span, p.span),
    );
    const confidence = Math.round(p.confidence * 0.9 * 1000) / 1000;
    const droppedBy = vetoed ? 'rule' : p.confidence < settings.minConfidence ? 'threshold' : null;
    out.push({
      category: p.category,
      severity: taxonomy.categories[p.category].severity,
      utterance: index,
      speaker: line.speaker,
      evidence: p.evidence,
      span: p.span,
      rule: `${language}.llm-recall.${p.category}@${complianceRecallPrompt.version}`,
      detector: settings.detector,
      confidence,
      verdicts: [
        {
          layer: 'llm',
          verdict: 'candidate',
          confidence: p.confidence,
          detail: { model: llm.model, prompt: result.prompt, reason: p.reason, attempts: result.attempts },
        },
        ...(vetoed ? [vetoed.verdicts[0]!] : []),
      ],
      accepted: droppedBy === null,
      droppedBy,
    });
  }
  return out;
}
