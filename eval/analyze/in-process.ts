/**
 * `kefu analyze` without a child process per call: the same steps as cli/commands/analyze.ts
 * (analyzers from the configuration with no database, analyzeTranscript, the --json object), so
 * evaluation numbers match the CLI while skipping its start-up per call.
 */
import { loadConfig } from '../../core/config.js';
import { parseStartedAt } from '../../core/time.js';
import { analyzeTranscript } from '../../pipelines/session/analyze-transcript.js';
import { buildAnalyzers } from '../../pipelines/session/build-analyzers.js';
import { analysisJson } from '../../pipelines/session/report.js';
import { parseTranscriptJsonl } from '../../pipelines/transcript/jsonl.js';

export type AnalysisJson = ReturnType<typeof analysisJson>;

/** A probe's lines as a call: said one after another, each 3 s long and 4 s after the last. */
export function spacedLines<S extends string>(said: readonly (readonly [S, string])[]) {
  return said.map(([speaker, text], i) => ({ speaker, text, startMs: i * 4000, endMs: i * 4000 + 3000 }));
}

/** The same as the transcript JSONL `analyze` reads. */
export const spacedJsonl = (said: readonly (readonly [string, string])[]) =>
  spacedLines(said)
    .map((l) => JSON.stringify(l))
    .join('\n');

/** One set of analyzers, reused for many transcripts (as `kefu analyze` does for a folder). */
export async function openAnalyzer(log: (line: string) => void = () => {}) {
  const config = loadConfig();
  const analyzers = await buildAnalyzers({ config, onFallback: (reason) => log(`analyze: ${reason}`) });
  return {
    /** `jsonl` is the transcript file's text; `name` names it in input errors. */
    async analyze(jsonl: string, startedAtRaw: string, name: string): Promise<AnalysisJson> {
      const { at, timeZone } = parseStartedAt(startedAtRaw, config.timeZone);
      const lines = parseTranscriptJsonl(jsonl, name);
      const result = await analyzeTranscript(analyzers, lines, { startedAt: at, timeZone });
      return analysisJson(result.findings, result.summary);
    },
    close: async () => {},
  };
}

/** Exactly what one `kefu analyze FILE --started-at … --json` run computes: fresh analyzers per call. */
export async function analyzeOnce(jsonl: string, startedAtRaw: string, name: string): Promise<AnalysisJson> {
  const analyzer = await openAnalyzer();
  try {
    return await analyzer.analyze(jsonl, startedAtRaw, name);
  } finally {
    await analyzer.close();
  }
}
