import type { TranscriptLine } from '../../core/domain.js';
import { analyzeLine, classMatches } from '../language/index.js';
import { asserted, functionFailure, ISSUE_KINDS, type IssueKind, says } from './issue-cues.js';
import { type AffectedQuantity, affectedQuantity } from './quantities.js';

export type { IssueKind } from './issue-cues.js';

export interface IssueAssessment extends AffectedQuantity {
  kind: IssueKind;
  /** 0-based line where the customer said it. */
  utterance: number;
  /** The words that gave it away. */
  cue: string;
  /**
   * For late deliveries and installation, whether it is a complaint: false when the customer only
   * asks where an order is ("还没到，帮我查一下") or how to install something; true when they
   * complain about the wait or say the installer didn't come. Absent for other kinds.
   */
  complaint?: boolean;
  /** For late deliveries: the parcel is lost (said to be, or marked delivered but never received). */
  lost?: boolean;
  /** The goods concerned, in the buyer's words or the order's; null when not said. */
  product?: string | null;
  /** What the buyer asked for, if they did. */
  preference?: 'refund' | 'replacement' | null;
  /** Which detector heard it: absent for the offline one, the recall layer's name otherwise. */
  source?: string;
}

/** Something wrong with the goods, the merchant's fault: outranks a later "I don't want it any more". */
const FAULT_KINDS: readonly IssueKind[] = ['wrong_item', 'missing_item', 'spoiled', 'not_as_described', 'damaged'];
/**
 * Kinds that, when they are questions rather than complaints, are follow-ups to an earlier fault
 * ("it stopped heating… does the technician charge for the visit?" is still a defect).
 */
const FOLLOW_UP_KINDS: readonly IssueKind[] = ['installation', 'late', 'refund_status'];

/**
 * The problem kinds a line asserts, highest priority first, read from the line's analysis: the
 * `issue.<kind>` word classes outside conditions, reported speech and negation, plus goods that
 * fail at what they do (不出热风). A damage word about fresh food (坏了, gone bad) is spoilage.
 */
export function classifyUtterance(text: string, options: { fresh?: boolean } = {}): { kind: IssueKind; cue: string }[] {
  const a = analyzeLine(text);
  const fresh = options.fresh === true || classMatches(a, 'goods.fresh').length > 0;
  const spoilage = asserted(a, 'issue.spoiled_if_fresh');
  const found: { kind: IssueKind; cue: string }[] = [];
  const add = (kind: IssueKind, cue: string) => {
    if (!found.some((f) => f.kind === kind)) found.push({ kind, cue });
  };
  for (const kind of ISSUE_KINDS) {
    const [cue] = asserted(a, `issue.${kind}`);
    if (!cue) continue;
    const spoiled =
      kind === 'damaged' && fresh && spoilage.some((m) => m.span[0] < cue.span[1] && cue.span[0] < m.span[1]);
    add(spoiled ? 'spoiled' : kind, cue.text);
  }
  const failing = functionFailure(a);
  if (failing) add('damaged', failing);
  if (fresh && spoilage[0]) add('spoiled', spoilage[0].text);
  return found.sort((x, y) => ISSUE_KINDS.indexOf(x.kind) - ISSUE_KINDS.indexOf(y.kind));
}

/**
 * The after-sales issue of the call as of line `index`: the most recent customer line that names
 * one (so a later "好的" keeps the issue heard before), except that a fault with the goods
 * (broken, wrong, missing…) heard earlier outranks a later change of mind — "it burned out… I
 * don't want it any more" is still a defect, so the no-reason return rules don't apply. Merchant
 * lines are read only when the customer never named an issue, since merchants also mention
 * issues they rule out.
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
      // A merchant can't state the customer's change of mind ("exchanges are free if it runs big").
      if (speaker === 'merchant' && top.kind === 'changed_mind') continue;
      const last = Math.min(index, lines.length - 1);
      const followUp =
        FOLLOW_UP_KINDS.includes(top.kind) &&
        (top.kind === 'refund_status' || !complains(top.kind as 'late' | 'installation', lines, i, last, speaker));
      const fault = top.kind === 'changed_mind' || followUp ? earlierFault(lines, i, speaker, options) : null;
      const hit = fault ?? { ...top, utterance: i };
      const assessed: IssueAssessment = {
        kind: hit.kind,
        utterance: hit.utterance,
        cue: hit.cue,
        ...quantityNear(lines, hit.utterance, last, speaker),
      };
      if (hit.kind === 'late' || hit.kind === 'installation')
        assessed.complaint = complains(hit.kind, lines, hit.utterance, index, speaker);
      if (hit.kind === 'late') {
        assessed.lost = lines
          .slice(0, last + 1)
          .some((l) => l.speaker === speaker && says(l.text, 'issue.lost_parcel'));
        if (assessed.lost) assessed.complaint = true;
      }
      return assessed;
    }
  }
  return null;
}

function earlierFault(
  lines: readonly TranscriptLine[],
  before: number,
  speaker: string,
  options: { fresh?: boolean },
): { kind: IssueKind; cue: string; utterance: number } | null {
  for (let i = before - 1; i >= 0; i--) {
    if (lines[i]!.speaker !== speaker) continue;
    const fault = classifyUtterance(lines[i]!.text, options).find((f) => FAULT_KINDS.includes(f.kind));
    if (fault) return { ...fault, utterance: i };
  }
  return null;
}

/**
 * Whether a late delivery or installation issue is a complaint: the issue line or the speaker's
 * lines around it show impatience (late) or say the installer didn't come (installation).
 */
function complains(
  kind: 'late' | 'installation',
  lines: readonly TranscriptLine[],
  at: number,
  index: number,
  speaker: string,
): boolean {
  if (kind === 'late' && says(lines[at]!.text, 'issue.lost_parcel')) return true;
  const test = (text: string) => says(text, kind === 'late' ? 'issue.late_complaint' : 'issue.install_no_show');
  // The issue line, what the speaker said since, and their line just before (not the whole call:
  // an unrelated grumble earlier is not about this wait).
  const previous = lines.slice(0, at).findLastIndex((l) => l.speaker === speaker);
  for (let i = previous >= 0 ? previous : at; i <= Math.min(index, lines.length - 1); i++) {
    if (lines[i]!.speaker === speaker && test(lines[i]!.text)) return true;
  }
  return false;
}

/** Counts are often said in the speaker's next line ("十个里有三个"), so look one further — not past `index`. */
function quantityNear(lines: readonly TranscriptLine[], i: number, index: number, speaker: string): AffectedQuantity {
  const here = affectedQuantity(lines[i]!.text);
  if (here.count !== null || here.share !== null || here.extent !== null) return here;
  const next = lines.slice(i + 1, index + 1).find((l) => l.speaker === speaker);
  return next ? affectedQuantity(next.text) : here;
}
