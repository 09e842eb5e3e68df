import type { FlagCategory, SpeakerRole, TranscriptLine } from '../../../core/domain.js';

/** A labelled call fragment: `expect` is the category flagged on the last line, or null for none at all. */
export interface Case {
  lines: [SpeakerRole, string][];
  expect: FlagCategory | null;
  /** When given, the flag's evidence must be exactly this. */
  evidence?: string;
}

export function toLines(c: Case): TranscriptLine[] {
  return c.lines.map(([speaker, text], i) => ({ speaker, text, startMs: i * 3000, endMs: i * 3000 + 2500 }));
}
