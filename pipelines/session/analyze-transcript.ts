import type { TranscriptLine } from '../../core/domain.js';
import type { CallAnalyzers, CallFindings } from './analyzers.js';
import { CallAnalysis } from './call-analysis.js';

export interface TranscriptFindings {
  findings: CallFindings;
  summary: string;
}

/**
 * A recorded transcript through the same per-line analysis a live call runs (`CallAnalysis`),
 * with nothing stored: a call without orders on file, as `kefu analyze` reads one.
 */
export async function analyzeTranscript(
  analyzers: CallAnalyzers,
  lines: readonly TranscriptLine[],
  call: { startedAt: Date; timeZone: string },
): Promise<TranscriptFindings> {
  const analysis = new CallAnalysis(analyzers, { ...call, language: 'zh', orders: [] });
  for (const line of lines) await analysis.hear(line);
  return { findings: analysis.findings(), summary: await analysis.summarize() };
}
