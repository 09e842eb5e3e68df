import type { TranscriptLine } from '../../core/domain.js';
import type { Utterance } from '../../core/events.js';
import type { Sql } from '../../db/client.js';
import { upsertMerchant } from '../../db/queries/people.js';
import type { CallAnalyzers, CallFindings } from './analyzers.js';
import { CallSession } from './call-session.js';

export interface TranscriptAnalysis {
  callId: string;
  findings: CallFindings;
  summary: string;
  utterances: readonly Utterance[];
}

/** A merchant to own calls analysed without one (`kefu analyze` on a scratch database). */
export const ANALYSIS_MERCHANT = { id: 'kefu-analyze', name: 'kefu analyze' };

/**
 * Runs a recorded transcript through the same call session a live call uses, line by line, so
 * offline analysis and live coaching can never disagree.
 */
export async function analyzeTranscript(
  deps: { sql: Sql; analyzers: CallAnalyzers; onProgress?: (done: number, total: number) => void },
  lines: readonly TranscriptLine[],
  call: { startedAt: Date; timeZone: string; merchantId?: string; buyerId?: string; orderIds?: string[]; room?: string },
): Promise<TranscriptAnalysis> {
  if (!call.merchantId) await upsertMerchant(deps.sql, ANALYSIS_MERCHANT);
  const session = await CallSession.start(
    { sql: deps.sql, analyzers: deps.analyzers, emit: () => {} },
    {
      room: call.room ?? `analyze-${call.startedAt.getTime()}-${Math.random().toString(36).slice(2, 8)}`,
      merchantId: call.merchantId ?? ANALYSIS_MERCHANT.id,
      buyerId: call.buyerId ?? 'unknown',
      orderIds: call.orderIds,
      startedAt: call.startedAt,
      timeZone: call.timeZone,
    },
  );
  for (const [i, line] of lines.entries()) {
    await session.addUtterance({ ...line, engine: 'transcript', confidence: null });
    deps.onProgress?.(i + 1, lines.length);
  }
  const { summary, findings } = await session.end(new Date(call.startedAt.getTime() + (lines.at(-1)?.endMs ?? 0)));
  return { callId: session.call.id, findings, summary, utterances: session.transcript };
}
