import type { RefundOption } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';

export type Preference = 'refund' | 'replacement';

const CUES: { preference: Preference; re: RegExp }[] = [
  // Refusing the other remedy states a preference too: 不想换了 means "refund me".
  {
    preference: 'refund',
    re: /不想换|不要换|不换了|不换货|直接退款|只要退款|我要退款|给我退款|退钱|退款吧|\b(?:refund me|just (?:want|give me) (?:a|my) refund|(?:want|get) my money back|(?:want|like|need|prefer) (?:a|my|the) (?:full )?refund|refund,? please|(?:rather|prefer) (?:a|the) refund|don'?t want (?:a|the) (?:replacement|new one))\b/i,
  },
  // Asking for goods that work, or the right item, is asking for a replacement too.
  {
    preference: 'replacement',
    re: /不想退|不要退款|(?<!不)(要|想|申请|办|那就|就)换货|换(个|一)?[大小]一?(码|号)|换(个|成)?(尺码|码数|颜色|型号)|换新就换新|那就换(吧|新)|换一个|换个新|给我换|换新的?吧|换货吧|补发吧|换个?(好的|能用的|正常的|没问题的|对的)|(发|寄|换)(个|一个)?(对的|正确的|我买的那个)|重新(做|发|寄|刻)(一个|一份)?吧?|\b(?:(?:send|ship) me a (?:new|replacement|working) (?:one|pair|unit)|(?:want|prefer|rather have|like|need) a (?:replacement|new one|working (?:one|pair|unit|item)|(?:new|replacement) pair)|(?:want|like|need) (?:one|a pair|a unit|something) that (?:actually )?works|just replace it|replace (?:it|them|please)|replacement,? please|exchange (?:it|them|for (?:a|the|an))|swap (?:it|them) for|(?:send|ship|get) (?:me )?the (?:right|correct) (?:one|item|size|colou?r|model)|swap it)\b/i,
  },
];

const FAMILY: Record<Preference, readonly RefundOption['kind'][]> = {
  refund: ['refund_only', 'return_refund', 'partial_refund'],
  replacement: ['replacement', 'reship'],
};

/** What the customer asked for most recently, up to line `index`, if anything. */
export function customerPreference(lines: readonly TranscriptLine[], index: number): Preference | null {
  for (let i = index; i >= 0; i--) {
    const line = lines[i]!;
    if (line.speaker !== 'customer') continue;
    const hit = CUES.map((c) => ({ ...c, at: line.text.search(c.re) }))
      .filter((c) => c.at >= 0)
      .sort((a, b) => a.at - b.at)[0];
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
