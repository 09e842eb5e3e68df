import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { fromPackageRoot } from '../../core/paths.js';
import { lexicon } from '../language/index.js';
import { parseTranscriptJsonl } from '../transcript/jsonl.js';
import { analyzeTranscript } from './analyze-transcript.js';
import { buildAnalyzers } from './build-analyzers.js';

const call = (name: string) =>
  parseTranscriptJsonl(readFileSync(fromPackageRoot(`test/fixtures/${name}`), 'utf8'), name);

describe('warm analyzers', () => {
  it('analyse a call exactly as cold ones do, and leave every lexicon pattern ready to match from the start', async () => {
    const config = loadConfig({});
    const at = { startedAt: new Date('2026-11-23T02:00:00Z'), timeZone: 'Asia/Shanghai' };
    const cold = await buildAnalyzers({ config });
    const before = await Promise.all(
      ['call-zh-fruit.jsonl', 'call-en-earbuds.jsonl'].map((f) => analyzeTranscript(cold, call(f), at)),
    );
    const warm = await buildAnalyzers({ config, warm: true });
    expect(lexicon().entries.every((e) => e.re.lastIndex === 0)).toBe(true);
    const after = await Promise.all(
      ['call-zh-fruit.jsonl', 'call-en-earbuds.jsonl'].map((f) => analyzeTranscript(warm, call(f), at)),
    );
    expect(after).toEqual(before);
    expect(before[0]!.findings.flags.length).toBeGreaterThan(0);
  }, 120_000);

  it('give the event loop a turn between steps, so a bot job warming up still answers its pings', async () => {
    lexicon();
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    try {
      await buildAnalyzers({ config: loadConfig({}), warm: true });
    } finally {
      clearInterval(timer);
    }
    expect(turns).toBeGreaterThanOrEqual(
      parseTranscriptJsonl(readFileSync(fromPackageRoot('pipelines/language/data/warm-up.jsonl'), 'utf8'), 'warm-up')
        .length,
    );
  }, 120_000);
});
