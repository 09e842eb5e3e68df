/**
 * Turn taking from the words heard so far: does a pause end the speaker's turn before the VAD's
 * full end-of-speech silence, and what in an interim hypothesis matters to the advice that
 * follows it. Both read the language layer's one analysis; the cues are data
 * (`pipelines/language/data/turn.lexicon.json`, marks and issue classes).
 */
import { analyzeLine, type Clause, classMatches, hasMark, type LineAnalysis, negationOver } from '../language/index.js';

/** Fewer words than this are a fragment ("yes", "hello there"), never a turn worth ending early. */
const MIN_WORDS = 3;

/**
 * True when the words so far say the turn is over: the last clause asks a question (also after a
 * lead-in such as "uh" or "great"), makes a request, names an issue or ends on a closing word, and
 * does not end on a word that promises more (a conjunction, an article, a preposition, "order
 * number" before its digits) nor on an identifier's digits, which people read in groups with pauses
 * between.
 */
export function turnLooksComplete(text: string): boolean {
  const a = analyzeLine(text);
  if (a.tokens.filter((t) => t.kind === 'word' || t.kind === 'number').length < MIN_WORDS) return false;
  const last = a.clauses.at(-1);
  if (!last) return false;
  if (endsOnNumber(a, last) || endsOpen(last)) return false;
  return (
    asks(last) ||
    hasMark(last, 'request') ||
    classMatches(last, 'promise.request.customer').length > 0 ||
    classMatches(last, 'turn.closing').length > 0 ||
    issuesOf(a).length > 0
  );
}

/** Digits read one by one from this many on are an identifier (order, phone), read in groups. */
const ID_DIGITS = 3;

/** The clause ends on an identifier's digits, as digits or read out ("… order eight three three"). */
function endsOnNumber(a: LineAnalysis, clause: Clause): boolean {
  const end = a.tokens[clause.tokens[1] - 1]?.span[1];
  return a.numbers.some((n) => n.span[1] === end && (n.digits?.length ?? 0) >= ID_DIGITS);
}

/** An open end, unless a longer closing term ends there too (不要 over 要, 是的 over 的). */
function endsOpen(clause: Clause): boolean {
  const open = classMatches(clause, 'turn.open_end').at(-1);
  if (!open) return false;
  const closing = classMatches(clause, 'turn.closing').at(-1);
  return !closing || closing.span[1] !== open.span[1] || closing.span[0] > open.span[0];
}

/** A question, also when a lead-in opens the clause before the asking words ("uh is that normal"). */
function asks(clause: Clause): boolean {
  if (hasMark(clause, 'question') || classMatches(clause, 'turn.asks').length > 0) return true;
  const lead = classMatches(clause, 'turn.lead_in')[0];
  if (!lead) return false;
  const rest = clause.text.slice(lead.span[1] - clause.span[0]).trim();
  return (
    rest.length > 0 &&
    rest !== clause.text &&
    analyzeLine(rest).clauses.some((c) => hasMark(c, 'question') || classMatches(c, 'turn.asks').length > 0)
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
