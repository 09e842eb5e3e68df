/** Clause marks from the lexicon matches that fall inside each clause. */
import type { RawMatch } from './match.js';
import { MARK_KINDS, type Mark, type MarkKind, type Span, type Token } from './types.js';

/** The entry of a question mark set by a trailing '?' rather than a cue word. */
export const QUESTION_MARK = 'punct.question';

const MARK_CLASS = new Map<string, MarkKind>(MARK_KINDS.map((k) => [`mark.${k}`, k]));
/** A mark that is also another: a confirming question (不是…吗) is a question. */
const IMPLIED: Partial<Record<MarkKind, MarkKind>> = { confirming: 'question' };
// Trailing punctuation, symbols and emoji don't move a clause's end ("好吗~", "ok? 🙂").
const TRAILING = /[\s\p{P}\p{S}]+$/u;

export function clauseEnd(norm: string, nspan: Span): number {
  const body = norm.slice(nspan[0], nspan[1]);
  return nspan[0] + body.replace(TRAILING, '').length;
}

/** Does the match sit where its entry demands (clause start, end, or the whole clause)? */
export function placed(m: RawMatch, norm: string, nspan: Span): boolean {
  const { at } = m.entry;
  // Most entries may sit anywhere: the clause's end (a slice and a RegExp) is found only when asked.
  if (at !== 'start' && at !== 'end' && at !== 'alone') return true;
  const start = m.nspan[0] === nspan[0];
  if (at === 'start') return start;
  if (at === 'alone' && !start) return false;
  return m.nspan[1] >= clauseEnd(norm, nspan);
}

export function marksOf(
  nspan: Span,
  questionMark: Span | undefined,
  matches: readonly RawMatch[],
  tokens: readonly Token[],
  tokenRange: [number, number],
  toOriginal: (s: number, e: number) => Span,
): Mark[] {
  const marks: Mark[] = [];
  if (questionMark)
    marks.push({
      kind: 'question',
      entry: QUESTION_MARK,
      span: toOriginal(questionMark[0], questionMark[1]),
      nspan: questionMark,
      scope: undefined,
    });
  for (const m of matches) {
    const kind = m.entry.class === 'question_tag' ? 'question' : MARK_CLASS.get(m.entry.class);
    if (!kind) continue;
    // One shape for every mark: a scope only negation has is undefined on the others.
    const span = toOriginal(m.nspan[0], m.nspan[1]);
    marks.push({
      kind,
      entry: m.entry.ref,
      span,
      nspan: m.nspan,
      scope: kind === 'negation' ? negationScope(m, nspan, matches, tokens, tokenRange, toOriginal) : undefined,
    });
    const implied = IMPLIED[kind];
    if (implied) marks.push({ kind: implied, entry: m.entry.ref, span, nspan: m.nspan, scope: undefined });
  }
  return marks;
}

/**
 * What a negation covers: from the cue to the clause end, or to the first scope boundary after it
 * (就/的话/then…), so "如果没货就给您退款" negates 货, not 退款. A cue inside a word (没 in 没货)
 * scopes over the rest of that word.
 */
function negationScope(
  cue: RawMatch,
  clause: Span,
  matches: readonly RawMatch[],
  tokens: readonly Token[],
  tokenRange: [number, number],
  toOriginal: (s: number, e: number) => Span,
): NonNullable<Mark['scope']> {
  const start = cue.nspan[1];
  const stop = matches.find((o) => o.entry.class === 'negation.scope_end' && o.nspan[0] > start)?.nspan[0] ?? clause[1];
  let first = tokenRange[0];
  while (first < tokenRange[1] && tokens[first]!.nspan[1] <= start) first++;
  let last = first;
  while (last < tokenRange[1] && tokens[last]!.nspan[0] < stop) last++;
  const from = first < last ? Math.max(start, tokens[first]!.nspan[0]) : start;
  const scope: Span = [from, Math.max(from, stop)];
  return { span: toOriginal(...scope), nspan: scope, tokens: [first, last] };
}
