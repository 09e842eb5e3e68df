/** Runs every lexicon entry over a line's normalised text once; clauses then pick their matches by position. */
import type { CompiledEntry, Lexicon } from './lexicon.js';
import { gateForm } from './literal-gate.js';
import type { Span } from './types.js';
import { regexMatches } from './regex-matches.js';

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

export function matchEntries(lex: Pick<Lexicon, 'entries' | 'gate'>, input: MatchInput): RawMatch[] {
  const out: RawMatch[] = [];
  const may = lex.gate.candidates(gateForm(input.lower));
  for (const [i, entry] of lex.entries.entries()) {
    if (may[i] === 0) continue;
    if ((entry.lang === 'zh' && !input.hasHan) || (entry.lang === 'en' && !input.hasLatin)) continue;
    entry.re.lastIndex = 0;
    for (const m of regexMatches(entry.re, input.norm)) {
      const s = m.index;
      const e = s + m[0].length;
      if (e === s) continue;
      if (input.skip.some(([a, b]) => s < b && e > a)) continue;
      if (entry.align !== 'none' && !input.tokenStarts.has(s)) continue;
      if (entry.align === 'token' && !input.tokenEnds.has(e)) continue;
      if (entry.notWithin.length > 0 && inside(input.lower, entry.notWithin, s, e)) continue;
      out.push({ entry, text: m[0], nspan: [s, e] });
    }
  }
  const kept = out.filter(
    (m) =>
      m.entry.notInside.length === 0 ||
      !out.some(
        (o) =>
          o !== m && m.entry.notInside.includes(o.entry.id) && o.nspan[0] <= m.nspan[0] && m.nspan[1] <= o.nspan[1],
      ),
  );
  return kept.sort((a, b) => a.nspan[0] - b.nspan[0] || b.nspan[1] - a.nspan[1]);
}
