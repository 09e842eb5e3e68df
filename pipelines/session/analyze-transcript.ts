import type { TranscriptLine } from '../../core/domain.js';
import type { CallAnalyzers } from './analyzers.js';
import { replayCall, type TranscriptAnalysis } from './replay.js';

/** The merchant named on calls analysed without one (`kefu analyze`). */
export const ANALYSIS_MERCHANT = { id: 'kefu-analyze', name: 'kefu analyze' };

/**
 * Runs a transcript through the same call session a live call uses, line by line, so offline
 * analysis and live coaching can never disagree. Nothing is stored: no database is opened.
 */
export async function analyzeTranscript(
  deps: { analyzers: CallAnalyzers },
  lines: readonly TranscriptLine[],
  call: { startedAt: Date; timeZone: string },
): Promise<TranscriptAnalysis> {
  return replayCall(
    { sql: undefined, analyzers: deps.analyzers, emit: () => {} },
    { kind: 'transcript', lines },
    { ...call, room: `analyze-${call.startedAt.getTime()}`, merchantId: ANALYSIS_MERCHANT.id, buyerId: 'unknown' },
  );
}
