import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../../core/config.js';
import { KefuError } from '../../core/errors.js';
import { parseStartedAt } from '../../core/time.js';
import type { CallAnalyzers } from '../../pipelines/session/analyzers.js';
import { defineCommand } from '../command.js';
import { chunked, jsonPieces } from '../json-pieces.js';

export const analyzeCommand = defineCommand({
  name: 'analyze',
  summary: 'Analyse call transcripts (JSON Lines): notes, promises, flags, suggestions, refund options, summary.',
  usage: 'kefu analyze FILE|FOLDER… --started-at ISO8601 [--json]',
  details: [
    'FILE             one utterance per line: {"speaker":"merchant"|"customer","text":"…","startMs":0,"endMs":1200}',
    'FOLDER           every *.jsonl file in it, in name order',
    '--started-at     when the call started, e.g. 2026-11-23T10:00:00+08:00; deadlines are dates in its zone',
    '                 (without an offset, in KEFU_TIME_ZONE); the same for every file',
    '--json           one file: print exactly one JSON object (see README, "kefu analyze");',
    '                 several files or a folder: one JSON object per line, each with its "file"',
    'Runs offline in one process; nothing is stored.',
  ].join('\n'),
  options: { 'started-at': { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  async run({ values, positionals, log, out, write }) {
    // Loaded here, not at the top: `kefu --help` and the other commands never pay for them.
    const [{ analyzeTranscript }, { buildAnalyzers }, { analysisJson, analysisText }, { parseTranscriptJsonl }] =
      await Promise.all([
        import('../../pipelines/session/analyze-transcript.js'),
        import('../../pipelines/session/build-analyzers.js'),
        import('../../pipelines/session/report.js'),
        import('../../pipelines/transcript/jsonl.js'),
      ]);
    const startedAtRaw = values['started-at'];
    if (typeof startedAtRaw !== 'string')
      throw new KefuError('USAGE', 'kefu analyze: --started-at ISO8601 is required');
    const config = loadConfig();
    const { at, timeZone } = parseStartedAt(startedAtRaw, config.timeZone);
    const { files, folder } = await transcriptFiles(positionals);
    // One file keeps the one-object contract; a batch prints JSON Lines naming each file.
    const batch = files.length > 1 || folder;
    let analyzers: CallAnalyzers | undefined;
    let failed = 0;
    for (const file of files) {
      try {
        const lines = parseTranscriptJsonl(await readTranscript(file), file);
        // Built after the first file parses, so bad input fails fast. Without a database the
        // policies are ranked in memory, the same ranking pgvector gives.
        if (!analyzers) {
          analyzers = await buildAnalyzers({ config, onFallback: (reason) => log(`analyze: ${reason}`) });
          const engines = Object.entries(analyzers.describe()).map(([k, v]) => `${k}=${v}`);
          log(`analyze: ${files.length} file(s) with ${engines.join(', ')}`);
        }
        const result = await analyzeTranscript(analyzers, lines, { startedAt: at, timeZone });
        const json = analysisJson(result.findings, result.summary);
        if (values.json) {
          // In pieces: a long call's object (every flag of 100,000 lines) is never one string.
          for (const chunk of chunked(jsonPieces(batch ? { file, ...json } : json))) write(chunk);
          write('\n');
        } else out(`${batch ? `== ${file} ==\n` : ''}${analysisText(result.findings, result.summary, lines)}`);
      } catch (error) {
        // One bad file in a batch is reported in its place; the rest are still analysed.
        if (!batch || !(error instanceof KefuError)) throw error;
        failed++;
        log(`analyze: ${error.message}`);
        if (values.json) out(JSON.stringify({ file, error: { code: error.code, message: error.message } }));
      }
    }
    if (batch) log(`analyze: ${files.length - failed} analysed, ${failed} failed`);
    return failed > 0 ? 2 : 0;
  },
});

/** The files named, with each folder replaced by its *.jsonl files in name order. */
async function transcriptFiles(paths: readonly string[]): Promise<{ files: string[]; folder: boolean }> {
  const files: string[] = [];
  let folder = false;
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) {
      files.push(path);
      continue;
    }
    folder = true;
    const names = (await readdir(path)).filter((n) => n.endsWith('.jsonl')).sort();
    if (names.length === 0) throw new KefuError('INPUT_INVALID', `${path}: no .jsonl files in this folder`);
    files.push(...names.map((n) => join(path, n)));
  }
  return { files, folder };
}

function readTranscript(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((cause: NodeJS.ErrnoException) => {
    throw new KefuError('INPUT_INVALID', `${file}: ${cause.code === 'ENOENT' ? 'no such file' : cause.message}`, {
      cause,
    });
  });
}
