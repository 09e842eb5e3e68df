import { readFile } from 'node:fs/promises';
import { loadConfig } from '../../core/config.js';
import { KefuError } from '../../core/errors.js';
import { parseStartedAt } from '../../core/time.js';
import { defineCommand } from '../command.js';

export const analyzeCommand = defineCommand({
  name: 'analyze',
  summary: 'Analyse a call transcript (JSON Lines): notes, promises, flags, suggestions, refund options, summary.',
  usage: 'kefu analyze FILE --started-at ISO8601 [--json]',
  details: [
    'FILE             one utterance per line: {"speaker":"merchant"|"customer","text":"…","startMs":0,"endMs":1200}',
    '--started-at     when the call started, e.g. 2026-11-23T10:00:00+08:00; deadlines are dates in its zone',
    '                 (without an offset, in KEFU_TIME_ZONE)',
    '--json           print exactly one JSON object (see README, "kefu analyze")',
    'Runs offline without a database; nothing is stored.',
  ].join('\n'),
  options: { 'started-at': { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, log, out }) {
    // Loaded here, not at the top: `kefu --help` and the other commands never pay for them.
    const [{ analyzeTranscript }, { buildAnalyzers }, { analysisJson, analysisText }, { parseTranscriptJsonl }] =
      await Promise.all([
        import('../../pipelines/session/analyze-transcript.js'),
        import('../../pipelines/session/build-analyzers.js'),
        import('../../pipelines/session/report.js'),
        import('../../pipelines/transcript/jsonl.js'),
      ]);
    const file = positionals[0]!;
    const startedAtRaw = values['started-at'];
    if (typeof startedAtRaw !== 'string')
      throw new KefuError('USAGE', 'kefu analyze: --started-at ISO8601 is required');
    const config = loadConfig();
    const { at, timeZone } = parseStartedAt(startedAtRaw, config.timeZone);
    const text = await readFile(file, 'utf8').catch((cause: NodeJS.ErrnoException) => {
      throw new KefuError('INPUT_INVALID', `${file}: ${cause.code === 'ENOENT' ? 'no such file' : cause.message}`, {
        cause,
      });
    });
    const lines = parseTranscriptJsonl(text, file);

    // No database: the policies are ranked in memory and nothing is stored.
    const analyzers = await buildAnalyzers({ config, onFallback: (reason) => log(`analyze: ${reason}`) });
    log(
      `analyze: ${lines.length} utterances with ${Object.entries(analyzers.describe())
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    );
    const result = await analyzeTranscript({ analyzers }, lines, { startedAt: at, timeZone });
    out(
      values.json
        ? JSON.stringify(analysisJson(result.findings, result.summary))
        : analysisText(result.findings, result.summary, lines),
    );
    return 0;
  },
});
