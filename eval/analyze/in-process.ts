/**
 * `kefu analyze` without a child process per call: the same steps as cli/commands/analyze.ts
 * (scratch in-memory database, migrations, analyzers from the configuration, analyzeTranscript,
 * the --json object), so evaluation numbers match the CLI while skipping its start-up per call.
 */
import { loadConfig } from '../../core/config.js';
import { parseStartedAt } from '../../core/time.js';
import { openDatabase } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { analyzeTranscript } from '../../pipelines/session/analyze-transcript.js';
import { buildAnalyzers } from '../../pipelines/session/build-analyzers.js';
import { analysisJson } from '../../pipelines/session/report.js';
import { parseTranscriptJsonl } from '../../pipelines/transcript/jsonl.js';

export type AnalysisJson = ReturnType<typeof analysisJson>;

/** One scratch database and one set of analyzers, reused for many transcripts. */
export async function openAnalyzer(log: (line: string) => void = () => {}) {
  const config = loadConfig();
  const db = await openDatabase({ kind: 'memory' });
  await migrate(db.sql);
  const analyzers = await buildAnalyzers({ config, sql: db.sql, onFallback: (reason) => log(`analyze: ${reason}`) });
  // A call's room is derived from its start time and must be unique in one database: calls
  // that share a start time are moved 1 ms apart, which changes no date.
  const used = new Set<number>();
  return {
    /** `jsonl` is the transcript file's text; `name` names it in input errors. */
    async analyze(jsonl: string, startedAtRaw: string, name: string): Promise<AnalysisJson> {
      const { at: said, timeZone } = parseStartedAt(startedAtRaw, config.timeZone);
      let ms = said.getTime();
      while (used.has(ms)) ms++;
      used.add(ms);
      const at = new Date(ms);
      const lines = parseTranscriptJsonl(jsonl, name);
      const result = await analyzeTranscript({ sql: db.sql, analyzers }, lines, { startedAt: at, timeZone });
      return analysisJson(result.findings, result.summary);
    },
    close: () => db.close(),
  };
}

/** Exactly what one `kefu analyze FILE --started-at … --json` run computes: a fresh database per call. */
export async function analyzeOnce(jsonl: string, startedAtRaw: string, name: string): Promise<AnalysisJson> {
  const analyzer = await openAnalyzer();
  try {
    return await analyzer.analyze(jsonl, startedAtRaw, name);
  } finally {
    await analyzer.close();
  }
}
