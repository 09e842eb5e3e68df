import type { TranscriptLine } from '../../core/domain.js';
import { detectLanguage } from '../transcript/language.js';
import { FRESH_WORDS, ISSUE_CUES, ISSUE_KINDS, type IssueKind, NEGATION_BEFORE } from './issue-cues.js';
import { type AffectedQuantity, affectedQuantity } from './quantities.js';

export type { IssueKind } from './issue-cues.js';

export interface IssueAssessment extends AffectedQuantity {
  kind: IssueKind;
  /** 0-based line where the customer said it. */
  utterance: number;
  /** The words that gave it away. */
  cue: string;
}

/** The issue kinds an utterance describes, highest priority first; negated cues are skipped. */
export function classifyUtterance(text: string, options: { fresh?: boolean } = {}): { kind: IssueKind; cue: string }[] {
  const found: { kind: IssueKind; cue: string }[] = [];
  for (const lang of languagesOf(text)) {
    const fresh = options.fresh === true || FRESH_WORDS[lang].test(text);
    for (const kind of ISSUE_KINDS) {
      const cue = firstAffirmed(text, ISSUE_CUES[lang][kind], lang);
      if (!cue) continue;
      // "坏了" about fruit is spoilage, not breakage.
      const resolved: IssueKind = kind === 'damaged' && fresh && /坏|bad|off/i.test(cue) ? 'spoiled' : kind;
      if (!found.some((f) => f.kind === resolved)) found.push({ kind: resolved, cue });
    }
  }
  return found.sort((a, b) => ISSUE_KINDS.indexOf(a.kind) - ISSUE_KINDS.indexOf(b.kind));
}

/**
 * The after-sales issue of the call as of line `index`: the most recent customer line that names
 * one (so a later "好的" keeps the issue heard before). Merchant lines are read only when the
 * customer never named an issue, since merchants also mention issues they rule out.
 */
export function assessIssue(
  lines: readonly TranscriptLine[],
  index: number,
  options: { fresh?: boolean } = {},
): IssueAssessment | null {
  for (const speaker of ['customer', 'merchant'] as const) {
    for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
      const line = lines[i]!;
      if (line.speaker !== speaker) continue;
      const [top] = classifyUtterance(line.text, options);
      if (!top) continue;
      return { kind: top.kind, utterance: i, cue: top.cue, ...quantityNear(lines, i, speaker) };
    }
  }
  return null;
}

/** Counts are often said in the line after the complaint ("十个里有三个"), so look one further. */
function quantityNear(lines: readonly TranscriptLine[], i: number, speaker: string): AffectedQuantity {
  const here = affectedQuantity(lines[i]!.text);
  if (here.count !== null || here.share !== null || here.extent !== null) return here;
  const next = lines.slice(i + 1).find((l) => l.speaker === speaker);
  return next ? affectedQuantity(next.text) : here;
}

function languagesOf(text: string): ('zh' | 'en')[] {
  const lang = detectLanguage(text);
  return lang === 'mixed' || lang === undefined ? ['zh', 'en'] : [lang];
}

function firstAffirmed(text: string, cue: RegExp, lang: 'zh' | 'en'): string | null {
  const global = new RegExp(cue.source, cue.flags.includes('g') ? cue.flags : `${cue.flags}g`);
  for (const m of text.matchAll(global)) {
    const selfNegative = /^(没|不|未|无|n't|not|never|has not|have not|hasn't|haven't|still)/i.test(m[0]);
    if (selfNegative || !NEGATION_BEFORE[lang].test(text.slice(Math.max(0, m.index - 12), m.index))) return m[0];
  }
  return null;
}
