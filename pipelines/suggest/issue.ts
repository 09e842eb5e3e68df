import type { SpeakerRole, TranscriptLine } from '../../core/domain.js';
import { analyzeLine } from '../language/index.js';
import { CallReading, FAULT_KINDS } from './call-reading.js';
import { type IssueCues, type IssueKind, kindsOf } from './issue-cues.js';
import type { AffectedQuantity } from './quantities.js';

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
  /** A change of mind about goods that don't fit the buyer: another size is the first remedy. */
  fit?: true;
  /** What the buyer asked for, if they did. */
  preference?: 'refund' | 'replacement' | null;
  /** Which detector heard it: absent for the offline one, the recall layer's name otherwise. */
  source?: string;
}

/**
 * Kinds that, when they are questions rather than complaints, are follow-ups to an earlier fault
 * ("it stopped heating… does the technician charge for the visit?" is still a defect).
 */
const FOLLOW_UP_KINDS: readonly IssueKind[] = ['installation', 'late', 'refund_status'];

/** The problem kinds one line asserts, highest priority first (see `kindsOf`). */
export function classifyUtterance(text: string, options: { fresh?: boolean } = {}): IssueCues {
  return kindsOf(analyzeLine(text))[options.fresh === true ? 1 : 0];
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
  options: { fresh?: boolean; reading?: CallReading } = {},
): IssueAssessment | null {
  const call = options.reading?.lines === lines ? options.reading : new CallReading(lines);
  const fresh = options.fresh === true;
  const last = Math.min(index, lines.length - 1);
  for (const speaker of ['customer', 'merchant'] as const) {
    // A merchant can't state the customer's change of mind ("exchanges are free if it runs big").
    const i = call.latestIssue(speaker, index, fresh);
    if (i === null) continue;
    const top = call.kinds(i, fresh)[0]!;
    const followUp =
      FOLLOW_UP_KINDS.includes(top.kind) &&
      (top.kind === 'refund_status' || !complains(call, top.kind as 'late' | 'installation', i, last, speaker));
    const fault = top.kind === 'changed_mind' || followUp ? earlierFault(call, i, speaker, fresh) : null;
    const hit = fault ?? { ...top, utterance: i };
    const assessed: IssueAssessment = {
      kind: hit.kind,
      utterance: hit.utterance,
      cue: hit.cue,
      ...('fit' in hit && hit.fit ? { fit: true as const } : {}),
      ...quantityNear(call, hit.utterance, last, speaker),
    };
    if (hit.kind === 'late' || hit.kind === 'installation')
      assessed.complaint = complains(call, hit.kind, hit.utterance, index, speaker);
    if (hit.kind === 'late') {
      assessed.lost = call.lostSaid(speaker, last);
      if (assessed.lost) assessed.complaint = true;
    }
    return assessed;
  }
  return null;
}

function earlierFault(
  call: CallReading,
  before: number,
  speaker: SpeakerRole,
  fresh: boolean,
): { kind: IssueKind; cue: string; utterance: number } | null {
  const i = call.faultBefore(speaker, before, fresh);
  if (i === null) return null;
  const fault = call.kinds(i, fresh).find((f) => FAULT_KINDS.includes(f.kind))!;
  return { ...fault, utterance: i };
}

/**
 * Whether a late delivery or installation issue is a complaint: the issue line or the speaker's
 * lines around it show impatience (late) or say the installer didn't come (installation).
 */
function complains(
  call: CallReading,
  kind: 'late' | 'installation',
  at: number,
  index: number,
  speaker: SpeakerRole,
): boolean {
  if (kind === 'late' && call.saysLost(at)) return true;
  // The issue line, what the speaker said since, and their line just before (not the whole call:
  // an unrelated grumble earlier is not about this wait).
  return call.complainedBetween(kind, speaker, call.previousBy(speaker, at) ?? at, index);
}

/** Counts are often said in the speaker's next line ("十个里有三个"), so look one further — not past `index`. */
function quantityNear(call: CallReading, i: number, index: number, speaker: SpeakerRole): AffectedQuantity {
  const here = call.quantity(i);
  if (here.count !== null || here.share !== null || here.extent !== null) return here;
  const next = call.nextBy(speaker, i, index);
  return next !== null ? call.quantity(next) : here;
}
