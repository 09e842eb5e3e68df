/**
 * Today's engine's promises on the development sets with the trained promise veto OFF (decision
 * 0885): the candidates the shipped veto will judge, as `kefu analyze` reads them offline (the
 * in-process analyzers with `notes.promiseVeto` and the compliance layer off, so no model file
 * changes them). Cached in .scratch/ keyed by a hash of the code and data they depend on, as
 * engine.ts caches today's flags.
 *
 *   npx tsx eval/learn/today-promises.ts     (fills the cache; prints the count per set)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../core/config.js';
import { parseStartedAt } from '../../core/time.js';
import { analyzeTranscript } from '../../pipelines/session/analyze-transcript.js';
import { buildAnalyzers } from '../../pipelines/session/build-analyzers.js';
import { analysisJson } from '../../pipelines/session/report.js';
import { callKey, hashSources } from './common.js';
import { type Call, DEV_SETS, repo } from './dataset.js';

/** A promise as recorded: the fields promise-common.ts matches and reports. */
export type Got = { speaker: string; action: string; utterance: number; deadline: string | null; conditional: boolean };

function codeHash(): string {
  const h = createHash('sha256');
  // The trained models are off in this run: their files cannot change it.
  hashSources(h, join(repo, 'pipelines'), [join(repo, 'pipelines', 'learn', 'data')]);
  hashSources(h, join(repo, 'core'));
  return h.digest('hex').slice(0, 16);
}

/** Per call (`set/name`), today's engine's promises without the veto; computed once per code version. */
export async function todayPromises(calls: readonly Call[]): Promise<Map<string, Got[]>> {
  const file = join(repo, '.scratch', `learn-promises-today-${codeHash()}.json`);
  const cached: Record<string, Got[]> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const todo = calls.filter((c) => !cached[callKey(c)]);
  if (todo.length) {
    const base = loadConfig();
    const config = {
      ...base,
      notes: { ...base.notes, promiseVeto: false },
      compliance: { ...base.compliance, learned: false },
    };
    const analyzers = await buildAnalyzers({ config, onFallback: () => {} });
    for (const c of todo) {
      const { startedAt } = JSON.parse(readFileSync(join(repo, 'eval', c.set, 'expected', `${c.name}.json`), 'utf8'));
      const { at, timeZone } = parseStartedAt(startedAt, config.timeZone);
      const result = await analyzeTranscript(analyzers, c.lines, { startedAt: at, timeZone });
      const { promises } = analysisJson(result.findings, result.summary) as { promises: Got[] };
      cached[callKey(c)] = promises.map(({ speaker, action, deadline, conditional, utterance }) => ({
        speaker,
        action,
        deadline,
        conditional,
        utterance,
      }));
    }
    mkdirSync(join(repo, '.scratch'), { recursive: true });
    writeFileSync(file, JSON.stringify(cached));
  }
  return new Map(calls.map((c) => [callKey(c), cached[callKey(c)]!]));
}

if (process.argv[1]?.endsWith('today-promises.ts')) {
  const { loadSet } = await import('./dataset.js');
  for (const s of DEV_SETS) {
    const got = await todayPromises(loadSet(s));
    console.log(`${s}: ${[...got.values()].reduce((n, p) => n + p.length, 0)} promises`);
  }
}
