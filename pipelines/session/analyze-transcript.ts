import type { TranscriptLine } from '../../core/domain.js';
import type { Sql } from '../../db/client.js';
import { upsertMerchant } from '../../db/queries/people.js';
import type { CallAnalyzers } from './analyzers.js';
import { replayCall, type TranscriptAnalysis } from './replay.js';

/** A merchant to own calls analysed without one (`kefu analyze` on a scratch database). */
export const ANALYSIS_MERCHANT = { id: 'kefu-analyze', name: 'kefu analyze' };

/**
 * Runs a transcript through the same call session a live call uses, line by line, so offline
 * analysis and live coaching can never disagree.
 */
export async function analyzeTranscript(
  deps: { sql: Sql; analyzers: CallAnalyzers },
  lines: readonly TranscriptLine[],
  call: { startedAt: Date; timeZone: string },
): Promise<TranscriptAnalysis> {
  await upsertMerchant(deps.sql, ANALYSIS_MERCHANT);
  return replayCall(
    { ...deps, emit: () => {} },
    { kind: 'transcript', lines },
    { ...call, room: `analyze-${call.startedAt.getTime()}`, merchantId: ANALYSIS_MERCHANT.id, buyerId: 'unknown' },
  );
}
