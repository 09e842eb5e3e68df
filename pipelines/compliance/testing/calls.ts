import type { SpeakerRole, TranscriptLine } from '../../../core/domain.js';
import type { ComplianceDetector } from '../detector.js';

/** A call of lines one second apart, as the compliance tests write them. */
export const call = (...lines: [SpeakerRole, string][]): TranscriptLine[] =>
  lines.map(([speaker, text], i) => ({ speaker, text, startMs: i * 1000, endMs: i * 1000 + 900 }));

/** The flags `detector` raises on the call's last line, the earlier lines being its context. */
export async function flagsOnLast(detector: ComplianceDetector, ...lines: [SpeakerRole, string][]) {
  const t = call(...lines);
  return (await detector.detect(t)).filter((f) => f.utterance === t.length - 1);
}

/** A merchant's line and a customer's, as the tests write a call's lines. */
export const m = (text: string): [SpeakerRole, string] => ['merchant', text];
export const c = (text: string): [SpeakerRole, string] => ['customer', text];

/** [utterance, category] of every flag `detector` raises on the call. */
export async function flagsByLine(detector: ComplianceDetector, ...lines: [SpeakerRole, string][]) {
  return (await detector.detect(call(...lines))).map((f) => [f.utterance, f.category]);
}

/**
 * A call written as its lines joined by " / ", each "m: …" (merchant) or "c: …" (customer): the
 * categories `detector` flags on its last line, sorted, each once.
 */
export async function categoriesOnLast(detector: ComplianceDetector, written: string): Promise<string[]> {
  const lines = written
    .split(' / ')
    .map((l): [SpeakerRole, string] => (l.startsWith('c: ') ? c(l.slice(3)) : m(l.slice(3))));
  return [...new Set((await flagsOnLast(detector, ...lines)).map((f) => f.category))].sort();
}
