import type { TranscriptLine } from '../../core/domain.js';

/** How far back a recall prompt reads: enough for "对，就是那个" to make sense, little enough to stay fast. */
const CONTEXT_LINES = 8;

/** The lines before `index` as "[i] speaker: text", oldest first (empty at the start of a call). */
export function contextLines(lines: readonly TranscriptLine[], index: number, upTo = index): string {
  const from = Math.max(0, index - CONTEXT_LINES);
  return lines
    .slice(from, upTo)
    .map((l, i) => `[${from + i}] ${l.speaker}: ${l.text}`)
    .join('\n');
}
