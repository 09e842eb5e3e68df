/** Runs every lexicon entry over a line's normalised text once; clauses then pick their matches by position. */
import { foldAsciiCase } from './caseless.js';
import type { CompiledEntry, Lexicon } from './lexicon.js';
import { gateForm } from './literal-gate.js';
import type { Span } from './types.js';
import { stepPastEmpty } from './regex-matches.js';

export interface RawMatch {
  entry: CompiledEntry;
  text: string;
  nspan: Span;
}

export interface MatchInput {
  norm: string;
  lower: string;
  hasHan: boolean;
  hasLatin: boolean;
  /** Masked ranges: no word is read inside a link or a handle. */
  skip: readonly Span[];
  tokenStarts: ReadonlySet<number>;
  tokenEnds: ReadonlySet<number>;
}

function inside(lower: string, words: readonly string[], s: number, e: number): boolean {
  for (const w of words) {
    for (let at = lower.indexOf(w, Math.max(0, e - w.length)); at >= 0 && at <= s; at = lower.indexOf(w, at + 1)) {
      if (at + w.length >= e) return true;
    }
  }
  return false;
}

/** Whether [s, e) shares a character with one of `spans`. */
function overlapsAny(spans: readonly Span[], s: number, e: number): boolean {
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    if (s < span[1] && e > span[0]) return true;
  }
  return false;
}

/**
 * Every candidate entry's matches, in entry order then position. The line's hottest loop: it walks
 * the entries by index and runs `exec` directly (regexMatches' steps, without a generator, an
 * iterator pair per entry or a closure per match), so a line allocates its matches and little else.
 */
export function matchEntries(
  lex: Pick<Lexicon, 'entries' | 'gate'> & Partial<Pick<Lexicon, 'caseless'>>,
  input: MatchInput,
): RawMatch[] {
  const out: RawMatch[] = [];
  const { entries } = lex;
  const caseless = lex.caseless ?? [];
  const { norm, skip } = input;
  // Entries with a caseless twin read the line with its ASCII case folded (caseless.ts).
  const folded = foldAsciiCase(norm);
  const may = lex.gate.candidates(gateForm(input.lower));
  let vetoable = false;
  for (let i = 0; i < entries.length; i++) {
    if (may[i] === 0) continue;
    const entry = entries[i]!;
    if ((entry.lang === 'zh' && !input.hasHan) || (entry.lang === 'en' && !input.hasLatin)) continue;
    const twin = caseless[i];
    const re = twin === undefined ? entry.re : twin.re;
    const read = twin === undefined ? norm : folded;
    re.lastIndex = 0;
    for (let m = re.exec(read); m !== null; m = re.exec(read)) {
      if (m[0] === '') {
        // An empty match is never kept; move on as matchAll (and regexMatches) would.
        stepPastEmpty(re, read);
        continue;
      }
      const text = read === norm ? m[0] : norm.slice(m.index, m.index + m[0].length);
      const s = m.index;
      const e = s + text.length;
      if (overlapsAny(skip, s, e)) continue;
      if (entry.align !== 'none' && !input.tokenStarts.has(s)) continue;
      if (entry.align === 'token' && !input.tokenEnds.has(e)) continue;
      if (entry.notWithin.length > 0 && inside(input.lower, entry.notWithin, s, e)) continue;
      if (entry.notInside.length > 0) vetoable = true;
      out.push({ entry, text, nspan: [s, e] });
    }
    re.lastIndex = 0;
  }
  const kept = vetoable ? out.filter((m) => !vetoed(m, out)) : out;
  return kept.sort((a, b) => a.nspan[0] - b.nspan[0] || b.nspan[1] - a.nspan[1]);
}

/** A match lying inside a match of an entry its own entry names in `notInside`. */
function vetoed(m: RawMatch, all: readonly RawMatch[]): boolean {
  const { notInside } = m.entry;
  if (notInside.length === 0) return false;
  for (const o of all) {
    if (o !== m && notInside.includes(o.entry.id) && o.nspan[0] <= m.nspan[0] && m.nspan[1] <= o.nspan[1]) return true;
  }
  return false;
}
