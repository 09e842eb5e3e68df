/**
 * The promise reader's cues — what commits a speaker, asks for an act, says it is done, hedges or
 * times it — are word classes of the language layer (`promise.<cue>` in
 * pipelines/language/data/promise.lexicon.json). This module names them and reads a clause's
 * matches by span: a cue is looked for inside a range of the clause, never by re-matching text.
 */
import type { SpeakerRole } from '../../core/domain.js';
import type { Clause, LexiconMatch } from '../language/index.js';
import { classMatches } from '../language/index.js';

export type Range = readonly [number, number];

type Plain =
  | 'agree'
  | 'alternative'
  | 'apply'
  | 'comparison'
  | 'consequent'
  | 'coordinator'
  | 'dangling_or'
  | 'estimate'
  | 'event_trigger'
  | 'hedge'
  | 'immediate'
  | 'imperative_lead'
  | 'modifier_before'
  | 'passed'
  | 'recipient'
  | 'return_goods'
  | 'reward_after'
  | 'span'
  | 'temporal_lead'
  | 'third_party'
  | `${'future' | 'past'}.${'strong' | 'weak'}`;
export type Cue = Plain | `${'commitment' | 'request'}.${SpeakerRole}`;

export interface CueHit {
  /** Offsets into the clause's text. */
  at: number;
  end: number;
}

/** The matches of `cue` lying inside `range` of the clause (offsets into its text), in order. */
export function cueHits(clause: Clause, cue: Cue, range: Range = [0, clause.text.length]): CueHit[] {
  return classMatches(clause, `promise.${cue}`)
    .map((m: LexiconMatch) => ({ at: m.span[0] - clause.span[0], end: m.span[1] - clause.span[0] }))
    .filter((h) => h.at >= range[0] && h.end <= range[1]);
}

export function firstCue(clause: Clause, cue: Cue, range?: Range): CueHit | undefined {
  return cueHits(clause, cue, range)[0];
}

export function hasCue(clause: Clause, cue: Cue, range?: Range): boolean {
  return cueHits(clause, cue, range).length > 0;
}
