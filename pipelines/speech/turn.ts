/**
 * Turn taking from the words heard so far: does a pause end the speaker's turn before the VAD's
 * full end-of-speech silence, and what in an interim hypothesis matters to the advice that
 * follows it. Both read the language layer's one analysis; the cues are data
 * (`pipelines/language/data/turn.lexicon.json`, marks and issue classes).
 */
import { analyzeLine, classMatches, hasMark, type LineAnalysis, negationOver } from '../language/index.js';

/** Fewer words than this are a fragment ("yes", "hello there"), never a turn worth ending early. */
const MIN_WORDS = 3;

/**
 * True when the words so far say the turn is over: the last clause asks a question, makes a
 * request, names an issue or ends on a closing word, and does not end on a word that promises
 * more (a conjunction, an article, "order number" before its digits).
 */
export function turnLooksComplete(text: string): boolean {
  const a = analyzeLine(text);
  if (a.tokens.filter((t) => t.kind === 'word' || t.kind === 'number').length < MIN_WORDS) return false;
  const last = a.clauses.at(-1);
  if (!last) return false;
  if (classMatches(last, 'turn.open_end').length > 0) return false;
  return (
    hasMark(last, 'question') ||
    hasMark(last, 'request') ||
    classMatches(last, 'turn.closing').length > 0 ||
    issuesOf(a).length > 0
  );
}

/**
 * What in a line decides the advice after it: the issues named (and whether each is negated),
 * the numbers said (order numbers, amounts), and whether it asks or requests. Two hypotheses of
 * one utterance with the same gist get the same advice, so advice computed on an interim can
 * stand for the final.
 */
export function gistOf(text: string): string {
  const a = analyzeLine(text);
  const issues = issuesOf(a).map((m) => `${m.class}${negationOver(a, m.span) ? '!' : ''}`);
  const numbers = a.numbers.map((n) => n.digits ?? String(n.value));
  const asks = a.clauses.some((c) => hasMark(c, 'question') || hasMark(c, 'request'));
  return JSON.stringify([[...new Set(issues)].sort(), numbers, asks]);
}

function issuesOf(a: LineAnalysis) {
  return a.matches.filter((m) => m.class.startsWith('issue.'));
}
