/**
 * Layer 3 (optional): asks an LLM to adjudicate a candidate with a versioned prompt and a zod
 * schema of its answer. Retries once on a retryable error, then abstains: an unavailable model
 * never blocks or invents a flag.
 */
import type { LayerVerdict } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { isKefuError } from '../../core/errors.js';
import { ComplianceAdjudicationSchema, complianceAdjudicatePrompt } from '../../prompts/compliance-adjudicate.js';
import { renderPrompt } from '../../prompts/render.js';
import type { LlmClient } from '../llm/contract.js';
import type { Candidate } from './rule-layer.js';

const CONTEXT_LINES = 4;

export async function adjudicate(
  llm: LlmClient,
  candidate: Candidate,
  lines: readonly TranscriptLine[],
  signal?: AbortSignal,
): Promise<LayerVerdict> {
  const i = candidate.utterance;
  const prompt = renderPrompt(complianceAdjudicatePrompt, {
    category: candidate.rule.category,
    rule: candidate.rule.ref,
    ground: candidate.rule.ground,
    speaker: candidate.speaker,
    context: lines
      .slice(Math.max(0, i - CONTEXT_LINES), i + 1)
      .map((l, k) => `[${Math.max(0, i - CONTEXT_LINES) + k}] ${l.speaker}: ${l.text}`)
      .join('\n'),
    utterance: lines[i]!.text,
    evidence: candidate.evidence,
  });
  const base = { model: llm.model, prompt: prompt.ref };
  let lastError: unknown;
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const answer = await llm.complete(prompt, ComplianceAdjudicationSchema, signal ? { signal } : undefined);
      const verdict =
        answer.verdict === 'violation' ? 'confirmed' : answer.verdict === 'not_violation' ? 'rejected' : 'abstained';
      return {
        layer: 'llm',
        verdict,
        confidence: answer.confidence,
        detail: { ...base, reason: answer.reason, attempts: attempt },
      };
    } catch (err) {
      lastError = err;
      if (!isKefuError(err) || !err.retryable) break;
    }
  }
  const code = isKefuError(lastError) ? lastError.code : 'UNKNOWN';
  return { layer: 'llm', verdict: 'abstained', confidence: null, detail: { ...base, error: code } };
}
