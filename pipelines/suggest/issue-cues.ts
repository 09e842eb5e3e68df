import {
  analyzeLine,
  clauseAt,
  classMatches,
  hasMark,
  hypotheticalClauses,
  type LexiconMatch,
  type LineAnalysis,
  negationOver,
} from '../language/index.js';

/**
 * The after-sales problems, in priority order: when one line names several, the earlier kind wins
 * ("the washer leaks after installation" is damage, not an installation question; "退款还没到" is
 * the refund, not the parcel). Their cue
 * words are the `issue.<kind>` classes of pipelines/language/data/issues.lexicon.json.
 */
export const ISSUE_KINDS = [
  'wrong_item',
  'missing_item',
  'spoiled',
  'not_as_described',
  'damaged',
  'installation',
  'refund_status',
  'late',
  'price_drop',
  'changed_mind',
] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

/**
 * Members of word class `cls` the line asserts: not in a hypothetical clause (see
 * `hypotheticalClauses`), not in reported speech, not in a negation's scope ("没坏", "it's not
 * broken"). A cue that is itself negative (没收到, not working) starts at its negation, so it
 * stands. Matches may span clauses ("我拍的是M码，寄过来的却是XXL"); the clause they start in decides.
 */
export function asserted(a: LineAnalysis, cls: string): LexiconMatch[] {
  const hypothetical = hypotheticalClauses(a);
  return classMatches(a, cls).filter((m) => {
    const clause = clauseAt(a, m.span[0]);
    if (clause && (hypothetical.has(clause.index) || hasMark(clause, 'reported'))) return false;
    return !negationOver(a, m.span);
  });
}

/** Whether a line asserts a member of class `cls` (see `asserted`). */
export function says(text: string, cls: string): boolean {
  return asserted(analyzeLine(text), cls).length > 0;
}

/** Whether a line names a member of class `cls` at all (goods words: "芒果" needs no assertion). */
export function names(text: string, cls: string): boolean {
  return classMatches(analyzeLine(text), cls).length > 0;
}

/**
 * Goods that fail at what they do: a goods-function word inside a negation's scope (不出热风,
 * 左边没声音, "the fan does not spin"), in a clause that is not conditional. The cue runs from
 * the negation to the function word.
 */
export function functionFailure(a: LineAnalysis): string | null {
  const hypothetical = hypotheticalClauses(a);
  for (const clause of a.clauses) {
    if (hypothetical.has(clause.index) || hasMark(clause, 'reported')) continue;
    for (const neg of clause.marks) {
      if (neg.kind !== 'negation' || !neg.scope) continue;
      const [from, to] = neg.scope.span;
      const f = classMatches(clause, 'issue.goods_function').find((m) => m.span[0] >= from && m.span[1] <= to);
      if (f) return a.text.slice(neg.span[0], f.span[1]);
    }
  }
  return null;
}
