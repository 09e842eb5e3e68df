/**
 * What bench/text-profile.ts and bench/text-alloc.ts share: a call with the analyzers built and
 * warm, the N recorded lines new to every cache it is to hear, and a profile frame's short name.
 */
import { loadConfig } from '../core/config.js';
import type { TranscriptLine } from '../core/domain.js';
import { buildAnalyzers } from '../pipelines/session/build-analyzers.js';
import { CallAnalysis } from '../pipelines/session/call-analysis.js';
import { firstSeenTranscript } from './text-pipeline.js';

export async function firstSeenCall(n: number): Promise<{ analysis: CallAnalysis; lines: TranscriptLine[] }> {
  const analyzers = await buildAnalyzers({ config: loadConfig({}), warm: true });
  const analysis = new CallAnalysis(analyzers, {
    startedAt: new Date(),
    timeZone: 'Asia/Shanghai',
    language: 'zh',
    orders: [],
  });
  return { analysis, lines: firstSeenTranscript(n) };
}

/** A profile frame as `function path:line`, the path from pipelines/, node_modules/, bench/ or core/. */
export function frameName(callFrame: { functionName: string; url: string; lineNumber: number }): string {
  const url = callFrame.url.replace(/^.*\/(pipelines|node_modules|bench|core)\//, '$1/');
  return `${callFrame.functionName || '(anonymous)'} ${url}:${callFrame.lineNumber + 1}`;
}
