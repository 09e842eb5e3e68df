/**
 * The promise reader's cues — what commits a speaker, asks for an act, says it is done, hedges or
 * times it — are word classes of the language layer (`promise.<cue>` in
 * pipelines/language/data/promise.lexicon.json). This module names them and reads a clause's
 * matches by span: a cue is looked for inside a range of the clause, never by re-matching text.
 */
import type { SpeakerRole } from '../../core/domain.js';
import type { Clause } from '../language/index.js';
import { classMatches } from '../language/index.js';

export type Range = readonly [number, number];

type Plain =
  | 'agree'
  | 'alternative'
  | 'any_fault'
  | 'apply'
  | 'arranged'
  | 'before_act'
  | 'comparison'
  | 'consequent'
  | 'coordinator'
  | 'counted_span'
  | 'dangling_or'
  | 'delivered_done'
  | 'day_before'
  | 'doubt'
  | 'elapsed'
  | 'filing'
  | 'estimate'
  | 'event_trigger'
  | 'hedge'
  | 'immediate'
  | 'imperative_lead'
  | 'machinery'
  | 'modifier_before'
  | 'option_tail'
  | 'passed'
  | 'payout'
  | 'reason'
  | 'recipient'
  | 'return_goods'
  | 'reward_after'
  | 'same_day'
  | 'span'
  | 'temporal_lead'
  | 'third_party'
  | 'topic_statement'
  | 'usual'
  | `${'future' | 'past'}.${'strong' | 'weak'}`;
export type Cue = Plain | `${'commitment' | 'request'}.${SpeakerRole}`;

export interface CueHit {
  /** Offsets into the clause's text. */
  at: number;
  end: number;
}

/** The matches of `cue` lying inside `range` of the clause (offsets into its text), in order. */
export function cueHits(clause: Clause, cue: Cue, range?: Range): CueHit[] {
  const ms = classMatches(clause, cueClass(cue));
  const out: CueHit[] = [];
  for (let i = 0; i < ms.length; i++) {
    const at = ms[i]!.span[0] - clause.span[0];
    const end = ms[i]!.span[1] - clause.span[0];
    if (inRange(clause, at, end, range)) out.push({ at, end });
  }
  return out;
}

export function firstCue(clause: Clause, cue: Cue, range?: Range): CueHit | undefined {
  const ms = classMatches(clause, cueClass(cue));
  for (let i = 0; i < ms.length; i++) {
    const at = ms[i]!.span[0] - clause.span[0];
    const end = ms[i]!.span[1] - clause.span[0];
    if (inRange(clause, at, end, range)) return { at, end };
  }
  return undefined;
}

export function hasCue(clause: Clause, cue: Cue, range?: Range): boolean {
  const ms = classMatches(clause, cueClass(cue));
  for (let i = 0; i < ms.length; i++)
    if (inRange(clause, ms[i]!.span[0] - clause.span[0], ms[i]!.span[1] - clause.span[0], range)) return true;
  return false;
}

/** A hit at [at, end) of the clause's text lies inside `range` (the whole clause when none). */
function inRange(clause: Clause, at: number, end: number, range: Range | undefined): boolean {
  return range ? at >= range[0] && end <= range[1] : at >= 0 && end <= clause.text.length;
}

/** Each cue's class name (`promise.<cue>`), built at its first ask rather than on every one. */
const cueClasses = new Map<Cue, string>();
function cueClass(cue: Cue): string {
  let cls = cueClasses.get(cue);
  if (cls === undefined) cueClasses.set(cue, (cls = `promise.${cue}`));
  return cls;
}

/**
 * The date a clause's time phrase gives a promise, or null when the phrase counts from a start
 * nobody named: the same day as some event (收到退货当天, 加工好当天). A business-day span counted
 * from now is due on its last business day (decision 0445); one counted from an event is undated
 * by the reader (`byEvent` in promises.ts).
 */
export function dateOf(
  clause: Clause,
  due: { date: string; start: number; end: number } | null | undefined,
): string | null {
  if (!due) return null;
  return hasCue(clause, 'same_day', [due.start, due.end]) ? null : due.date;
}

/** The time phrase lies inside time said to have gone by ("it's been over 21 days", 已经等了五天了). */
export function elapsed(clause: Clause, phrase: { start: number; end: number }): boolean {
  return cueHits(clause, 'elapsed').some((h) => h.at <= phrase.start && phrase.end <= h.end);
}

/** An event the promise waits on, said before it (拍下后, 收到后, 仓库收到确认没拆封). */
export const AFTER_EVENT = 'promise.event_after';

/**
 * A negation said inside the event a promise waits on (仓库收到确认没拆封 48小时内给您退款, 收到检查没问题
 * 就…): the event's state, not a refusal of the act after it (0820).
 */
export function negatesEventOnly(clause: Clause, mark: { span: readonly [number, number] }): boolean {
  return classMatches(clause, AFTER_EVENT).some((e) => e.span[0] <= mark.span[0] && mark.span[1] <= e.span[1]);
}
