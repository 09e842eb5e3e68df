import type { SpeakerRole } from '../../core/domain.js';
import {
  analyzeLine,
  clauseAt,
  classMatches,
  hasMark,
  hypotheticalClauses,
  type LexiconMatch,
  type LineAnalysis,
  type MarkKind,
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

export type Preference = 'refund' | 'replacement';

/**
 * The remedies a buyer can ask for, as word classes of pipelines/language/data/issues.lexicon.json.
 * Refusing one states the other: 不想换了 is "refund me", 不想退 is "replace it".
 */
const PREFERENCES: readonly Preference[] = ['refund', 'replacement'];

/** The remedy a line asks for, if any: the first said. */
export function firstPreference(a: LineAnalysis): Preference | null {
  const hit = PREFERENCES.map((preference) => ({ preference, at: asserted(a, `preference.${preference}`)[0]?.span[0] }))
    .filter((c): c is { preference: Preference; at: number } => c.at !== undefined)
    .sort((x, y) => x.at - y.at)[0];
  return hit?.preference ?? null;
}

/** A line's problem kinds, priority first, with the words that gave each away. */
export type IssueCues = { kind: IssueKind; cue: string }[];

/**
 * The problem kinds a line asserts, highest priority first: the `issue.<kind>` word classes
 * outside conditions, reported speech and negation, plus goods that fail at what they do (不出热风)
 * and a parcel said lost or marked delivered but not received (late).
 * A damage word about fresh food (坏了, gone bad) is spoilage. Returned twice, [as the line reads
 * alone, as it reads when the call is about fresh goods], from one reading of the line.
 */
export function kindsOf(a: LineAnalysis): [IssueCues, IssueCues] {
  const freshGoods = classMatches(a, 'goods.fresh').length > 0;
  const spoilage = asserted(a, 'issue.spoiled_if_fresh');
  const cues = ISSUE_KINDS.map((kind) => ({ kind, cue: asserted(a, `issue.${kind}`)[0] }));
  const failing = functionFailure(a);
  // A parcel said lost, or marked delivered and never received, is an order not delivered.
  const lost = asserted(a, 'issue.lost_parcel')[0];
  const read = (fresh: boolean): IssueCues => {
    const found: IssueCues = [];
    const add = (kind: IssueKind, cue: string) => {
      if (!found.some((f) => f.kind === kind)) found.push({ kind, cue });
    };
    for (const { kind, cue } of cues) {
      if (!cue) continue;
      const spoiled =
        kind === 'damaged' && fresh && spoilage.some((m) => m.span[0] < cue.span[1] && cue.span[0] < m.span[1]);
      add(spoiled ? 'spoiled' : kind, cue.text);
    }
    if (failing) add('damaged', failing);
    if (lost) add('late', lost.text);
    if (fresh && spoilage[0]) add('spoiled', spoilage[0].text);
    return found.sort((x, y) => ISSUE_KINDS.indexOf(x.kind) - ISSUE_KINDS.indexOf(y.kind));
  };
  const alone = read(freshGoods);
  return [alone, freshGoods ? alone : read(true)];
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

/**
 * The remedies a call can settle on: the refund option kinds a party names, and a repair, which
 * settles the problem without any refund. Their words are the `remedy.<kind>` classes (said by the
 * merchant) and `preference.partial_refund` / `preference.repair` (asked by the buyer) of
 * pipelines/language/data/issues.lexicon.json. `refund` is a refund of no stated kind (给您退款).
 */
export const REMEDIES = [
  'reship',
  'replacement',
  'return_refund',
  'refund_only',
  'partial_refund',
  'refund',
  'repair',
] as const;
export type Remedy = (typeof REMEDIES)[number];

/** The kinds of refund, which a bare "refund" stands for. */
export const REFUNDS: readonly Remedy[] = ['refund_only', 'return_refund', 'partial_refund'];

/** Clause marks under which a merchant names a remedy without settling it: asking, or citing policy. */
const UNSETTLED: readonly MarkKind[] = ['question', 'policy'];

/**
 * The remedy a line settles, if any. A merchant settles one by stating it (补发一片, "a
 * replacement ships tomorrow"), not by asking, offering a choice (给您补发还是退款呢: two remedies,
 * or a choice put to the buyer), stating policy, under a condition (确认是…的话换新), or for
 * something in return (删了差评 给您补20). A buyer
 * asks for a part refund (不想退了 补点钱吧) or a repair (要寄修) in any clause, questions included.
 */
export function remedyOf(a: LineAnalysis, speaker: SpeakerRole): Remedy | null {
  if (speaker === 'customer') {
    if (asserted(a, 'preference.repair').length > 0) return 'repair';
    return asserted(a, 'preference.partial_refund').length > 0 ? 'partial_refund' : null;
  }
  // A choice put to the buyer settles nothing; money for a review or a withdrawn claim is no remedy.
  if (classMatches(a, 'promise.choice_question').length > 0 || classMatches(a, 'remedy.bargain').length > 0)
    return null;
  const said = REMEDIES.filter((r) =>
    asserted(a, `remedy.${r}`).some((m) => {
      const clause = clauseAt(a, m.span[0]);
      if (!clause) return true;
      // "If the tracking hasn't moved by tomorrow, I'll reship it": a condition said before binds it.
      const conditioned = a.clauses.some((c) => c.index <= clause.index && hasMark(c, 'condition'));
      return !conditioned && !UNSETTLED.some((mark) => hasMark(clause, mark));
    }),
  );
  // 仅退款…给您退款 names one refund twice: the kind said wins over the bare word.
  const kinds = said.some((r) => REFUNDS.includes(r)) ? said.filter((r) => r !== 'refund') : said;
  return kinds.length === 1 ? kinds[0]! : null;
}
