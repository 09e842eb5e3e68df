/**
 * The annotated development sets as labelled lines for the line classifier. Only the sets named in
 * DEV_SETS and TRAIN_ONLY_SETS are read: the blind sets (abuse-l, blind-t, blind-u, blind-w) are never opened;
 * blind-h to blind-s were opened in sessions 9 to 19. A line's labels are
 * the categories its call's expectations flag on it; every other line is a negative (hard negatives
 * included).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TranscriptLine } from '../../core/domain.js';
import { parseTranscriptJsonl } from '../../pipelines/transcript/jsonl.js';

export const DEV_SETS = [
  'analyze',
  'analyze-b',
  'blind-c',
  'blind-d',
  'blind-e',
  'blind-f',
  'blind-g',
  'blind-h',
  'blind-i',
  'blind-j',
  'blind-k',
  'blind-l',
  'blind-m',
  'blind-o',
  'blind-p',
  'blind-q',
  'blind-r',
  'blind-s',
] as const;
/**
 * Sets written for training (decision 0500): a spec may name them in `trainOnly`; they join every
 * training run and fold, and are never held out, scored or used to choose a threshold.
 */
export const TRAIN_ONLY_SETS = ['train-n'] as const;
export const PCP = ['contact_exchange', 'privacy_request', 'off_platform_payment'] as const;

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Call {
  set: string;
  name: string;
  lines: TranscriptLine[];
  /** Per line, the categories flagged on it. */
  labels: Set<string>[];
  hardNegatives: Set<number>;
  /** The promises the call's expectations record (speaker, action, line). */
  promises: { speaker: string; action: string; utterance: number }[];
}

export function loadSet(set: string): Call[] {
  if (![...DEV_SETS, ...TRAIN_ONLY_SETS].includes(set as never))
    throw new Error(`${set} is neither a development set nor a training-only set`);
  const dir = join(repo, 'eval', set);
  return readdirSync(join(dir, 'expected'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.json'.length);
      const exp = JSON.parse(readFileSync(join(dir, 'expected', f), 'utf8')) as {
        flags: { category: string; utterance: number }[];
        hardNegatives?: number[];
        promises: { speaker: string; action: string; utterance: number }[];
      };
      const lines = parseTranscriptJsonl(readFileSync(join(dir, 'calls', `${name}.jsonl`), 'utf8'), name);
      const labels = lines.map(() => new Set<string>());
      for (const fl of exp.flags) labels[fl.utterance]?.add(fl.category);
      const promises = exp.promises.map(({ speaker, action, utterance }) => ({ speaker, action, utterance }));
      return { set, name, lines, labels, hardNegatives: new Set(exp.hardNegatives ?? []), promises };
    });
}

/** sha256 over every training line's set, call, speaker, text and labels (the flag categories by default), in order. */
export function dataHash(
  calls: readonly Call[],
  labelsOf: (call: Call, line: number) => string = (c, i) => [...c.labels[i]!].sort().join(','),
): string {
  const h = createHash('sha256');
  for (const c of calls)
    c.lines.forEach((l, i) => {
      h.update(`${c.set}\t${c.name}\t${i}\t${l.speaker}\t${l.text}\t${labelsOf(c, i)}\n`);
    });
  return h.digest('hex');
}
