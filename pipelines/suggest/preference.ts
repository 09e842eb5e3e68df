import type { RefundOption } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { CallReading } from './call-reading.js';
import type { Preference } from './issue-cues.js';

export type { Preference } from './issue-cues.js';

const FAMILY: Record<Preference, readonly RefundOption['kind'][]> = {
  refund: ['refund_only', 'return_refund', 'partial_refund'],
  replacement: ['replacement', 'reship'],
};

/** What the customer asked for most recently, up to line `index`, if anything: the first said in that line. */
export function customerPreference(
  lines: readonly TranscriptLine[],
  index: number,
  reading?: CallReading,
): Preference | null {
  return (reading?.lines === lines ? reading : new CallReading(lines)).preferenceAt(index);
}

/**
 * The policy-ranked options with the customer's stated preference put first when the policies
 * allow it; a preference for something no policy offers changes nothing.
 */
export function honourPreference(options: readonly RefundOption[], preference: Preference | null): RefundOption[] {
  const wanted = preference ? options.findIndex((o) => FAMILY[preference].includes(o.kind)) : -1;
  if (wanted <= 0) return [...options];
  const reordered = [options[wanted]!, ...options.filter((_, i) => i !== wanted)];
  return reordered.map((o, i) => ({ ...o, recommended: i === 0 }));
}
