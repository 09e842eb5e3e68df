import type { RefundOption } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { analyzeLine } from '../language/index.js';
import { asserted } from './issue-cues.js';

export type Preference = 'refund' | 'replacement';

/**
 * The remedies a buyer can ask for, as word classes of pipelines/language/data/issues.lexicon.json.
 * Refusing one states the other: 不想换了 is "refund me", 不想退 is "replace it".
 */
const PREFERENCES: readonly Preference[] = ['refund', 'replacement'];

const FAMILY: Record<Preference, readonly RefundOption['kind'][]> = {
  refund: ['refund_only', 'return_refund', 'partial_refund'],
  replacement: ['replacement', 'reship'],
};

/** What the customer asked for most recently, up to line `index`, if anything: the first said in that line. */
export function customerPreference(lines: readonly TranscriptLine[], index: number): Preference | null {
  for (let i = index; i >= 0; i--) {
    const line = lines[i]!;
    if (line.speaker !== 'customer') continue;
    const a = analyzeLine(line.text);
    const hit = PREFERENCES.map((preference) => ({
      preference,
      at: asserted(a, `preference.${preference}`)[0]?.span[0],
    }))
      .filter((c): c is { preference: Preference; at: number } => c.at !== undefined)
      .sort((x, y) => x.at - y.at)[0];
    if (hit) return hit.preference;
  }
  return null;
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
