/** Questions engines ask of an analysis: which class words a clause holds, is a span negated. */
import { lexicon } from './lexicon.js';
import type { Clause, LexiconMatch, LineAnalysis, Mark, MarkKind, MaskKind, Span } from './types.js';

/**
 * Matches of word class `cls` in a clause (or the whole line), in order. Read from an index of the
 * clause's (or line's) matches by class, built the first time any engine asks: the engines ask
 * dozens of classes of every line, and each ask used to filter every match. Shared: never mutated.
 */
export function classMatches(where: Clause | LineAnalysis, cls: string): readonly LexiconMatch[] {
  assertClass(cls);
  let index = matchesByClass.get(where);
  if (index === undefined) {
    index = new Map();
    const { matches } = where;
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i]!;
      const list = index.get(m.class);
      if (list === undefined) index.set(m.class, [m]);
      else list.push(m);
    }
    matchesByClass.set(where, index);
  }
  return index.get(cls) ?? NO_MATCHES;
}

const matchesByClass = new WeakMap<Clause | LineAnalysis, Map<string, LexiconMatch[]>>();
const NO_MATCHES: readonly LexiconMatch[] = [];

/** The first member of class `cls` in the clause, with its span, or undefined. */
export function clauseHas(clause: Clause, cls: string): LexiconMatch | undefined {
  assertClass(cls);
  return clause.matches.find((m) => m.class === cls);
}

export function markOf(clause: Clause, kind: MarkKind): Mark | undefined {
  return clause.marks.find((m) => m.kind === kind);
}

export function hasMark(clause: Clause, kind: MarkKind): boolean {
  return clause.marks.some((m) => m.kind === kind);
}

/** The clause holding original index `at` (or the last clause starting before it). */
export function clauseAt(a: LineAnalysis, at: number): Clause | undefined {
  let found: Clause | undefined;
  for (const c of a.clauses) if (c.span[0] <= at) found = c;
  return found;
}

/**
 * The negation whose scope holds the start of the original span, if any ("不要加微信": 加微信 is
 * negated; in "如果没货就给您退款" 退款 is not).
 */
export function negationOver(a: LineAnalysis, span: Span): Mark | undefined {
  const clause = clauseAt(a, span[0]);
  return clause?.marks.find(
    (m) => m.kind === 'negation' && m.scope !== undefined && m.scope.span[0] <= span[0] && span[0] < m.scope.span[1],
  );
}

/** Whether two spans share a character (touching ends do not). */
export const spansOverlap = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];

/** The clauses an original span runs through, first to last (a match may cross a comma). */
export function clausesOver(a: LineAnalysis, span: Span): Clause[] {
  const first = clauseAt(a, span[0]);
  const last = clauseAt(a, Math.max(span[0], span[1] - 1));
  return first && last ? a.clauses.slice(first.index, last.index + 1) : [];
}

/**
 * Clauses about what would happen, not what did: every clause holding a condition ("万一坏了"),
 * and every clause of a sentence that opens with a condition and asks a question ("If it arrives
 * broken, can I send it back?": the whole sentence asks about a hypothetical).
 */
export function hypotheticalClauses(a: LineAnalysis): ReadonlySet<number> {
  let out = hypothetical.get(a);
  if (out === undefined) hypothetical.set(a, (out = readHypothetical(a)));
  return out;
}

/** A line's hypothetical clauses, read once per analysis: issue cues ask it for every class they test. */
const hypothetical = new WeakMap<LineAnalysis, ReadonlySet<number>>();

function readHypothetical(a: LineAnalysis): ReadonlySet<number> {
  const out = new Set<number>();
  for (const sentence of sentencesOf(a)) {
    for (const c of sentence) if (hasMark(c, 'condition')) out.add(c.index);
    if (hasMark(sentence[0]!, 'condition') && sentence.some((c) => hasMark(c, 'question'))) {
      for (const c of sentence) out.add(c.index);
    }
  }
  return out;
}

/**
 * The line's sentences, each its clauses in order (a clause marked `sentenceStart` opens one), read
 * once per analysis: conditions, amounts' price lists and promise options all ask by sentence.
 */
export function sentencesOf(a: LineAnalysis): readonly (readonly Clause[])[] {
  let out = sentences.get(a);
  if (out === undefined) {
    const groups: Clause[][] = [];
    for (const c of a.clauses) {
      if (c.sentenceStart || groups.length === 0) groups.push([c]);
      else groups.at(-1)!.push(c);
    }
    sentences.set(a, (out = groups));
  }
  return out;
}
const sentences = new WeakMap<LineAnalysis, readonly (readonly Clause[])[]>();

/**
 * The original text with the given mask kinds overwritten (same length, U+FFFC per unit), for
 * extractors that index straight into the original line: digits in a link are then no number.
 */
export function blankMasks(a: LineAnalysis, kinds: readonly MaskKind[] = ['url', 'email', 'handle']): string {
  let out = a.text;
  for (const m of a.masks) {
    if (!kinds.includes(m.kind)) continue;
    const [s, e] = m.span;
    out = out.slice(0, s) + '\ufffc'.repeat(e - s) + out.slice(e);
  }
  return out;
}

/** The word classes the shipped lexicon defines. */
export function lexiconClasses(): string[] {
  return [...lexicon().byClass.keys()].sort();
}

/** Class names already checked: engines ask for the same few on every clause. */
const checked = new Set<string>();

function assertClass(cls: string): void {
  if (checked.has(cls)) return;
  if (lexicon().byClass.has(cls)) checked.add(cls);
  else throw new Error(`Unknown lexicon class "${cls}" (known: ${lexiconClasses().join(', ')})`);
}
