/**
 * The text engines load their knowledge (lexicon, segmenter dictionary, rule and notes data) and
 * compile their patterns on first use: ~0.5 s of CPU that would otherwise fall on the first line
 * of the first call a process hears, and a tail of slow lines after it. `warmUp` reads a short
 * call (pipelines/language/data/warm-up.jsonl, zh and en) through the offline stages once, when
 * the analyzers are built, after compiling the lexicon's and the rules' patterns (`precompile`).
 * Stages that would reach an LLM or the database are left cold.
 *
 * It gives the event loop a turn between steps: a bot job process warms up before it joins the
 * room, and agents ends a job whose loop answers no ping for 15 s ("orphaned"). ~2 s of CPU in one
 * block took 17.7 s on a loaded 2-core machine (decision 0255).
 */
import { readFileSync } from 'node:fs';
import { setImmediate as turn } from 'node:timers/promises';
import { fromPackageRoot } from '../../core/paths.js';
import { lexicon, precompile } from '../language/index.js';
import { parseTranscriptJsonl } from '../transcript/jsonl.js';
import type { CallAnalyzers } from './analyzers.js';

const PRECOMPILE_BATCH = 200;
const FILE = fromPackageRoot('pipelines/language/data/warm-up.jsonl');

export async function warmUp(
  analyzers: CallAnalyzers,
  offline: { detect: boolean; advise: boolean },
  patterns: Iterable<RegExp>,
): Promise<void> {
  // A lexicon entry's caseless twin is what its lines run (caseless.ts); the original, on the rare line holding ſ or K.
  const lex = lexicon();
  const all = [...lex.entries.map((e, i) => lex.caseless[i]?.re ?? e.re), ...patterns];
  for (let i = 0; i < all.length; i += PRECOMPILE_BATCH) {
    precompile(all.slice(i, i + PRECOMPILE_BATCH));
    await turn();
  }
  const lines = parseTranscriptJsonl(readFileSync(FILE, 'utf8'), FILE);
  const ctx = { startedAt: new Date(0), timeZone: 'UTC', language: 'zh' as const, orders: [] };
  const tracker = analyzers.trackNotes(ctx);
  for (const [index, line] of lines.entries()) {
    await turn();
    tracker.add(line);
    if (offline.detect) await analyzers.detectFlags(lines, index);
    if (offline.advise && line.speaker === 'customer')
      await analyzers.advise(lines.slice(0, index + 1), index, { ...ctx, notes: tracker.notes });
  }
}
