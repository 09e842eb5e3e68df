import type { TranscriptLine } from '../../../core/domain.js';
import { analyzeLine } from '../../language/index.js';
import type { IssueAssessment } from '../issue.js';
import { remedyOf } from '../issue-cues.js';

/** A call from its lines, each 2 s apart, for the settle tests (decisions 0550, 0590, 0620). */
export const call = (...said: [TranscriptLine['speaker'], string][]): TranscriptLine[] =>
  said.map(([speaker, text], i) => ({ speaker, text, startMs: i * 2000, endMs: i * 2000 + 1500 }));

/** What a merchant's line does to the remedy, in one word: settled, offered, a choice or nothing. */
export function merchantSays(text: string): string {
  const r = remedyOf(analyzeLine(text), 'merchant');
  if (r.settled) return `settled ${r.settled}`;
  if (r.offered.length > 0) return r.choice ? `choice ${r.offered.join('+')}` : `offered ${r.offered.join('+')}`;
  return 'nothing';
}

/** A problem of `kind` said on the call's first line, with no quantities. */
export const issueOf = (kind: IssueAssessment['kind']): IssueAssessment => ({
  kind,
  utterance: 0,
  cue: '',
  count: null,
  total: null,
  share: null,
  extent: null,
});
