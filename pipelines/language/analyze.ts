/**
 * analyzeLine: one line's shared analysis, computed once and read by every engine. Pure apart from
 * loading the lexicon and the segmenter on first use; results are cached by text.
 */
import { actorOf } from './actor.js';
import { splitClauses } from './clauses.js';
import { detectLanguage } from './language-id.js';
import { lexicon } from './lexicon.js';
import { marksOf, placed } from './marks.js';
import { findMasks } from './masks.js';
import { matchEntries, type RawMatch } from './match.js';
import { normalise, toOriginal } from './normalize.js';
import { findNumbers } from './numbers.js';
import { segment } from './segment.js';
import { joinSpacedWords } from './word-spacing.js';
import type { Clause, LexiconMatch, LineAnalysis, Mask, Span, Token } from './types.js';

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;
const NUMERIC = /^(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿幺]+)$/u;
const PUNCT = /^[\p{P}\p{S}]+$/u;

export interface AnalyzeOptions {
  /** Skip the shared cache (benchmarks measuring a cold analysis). */
  cache?: boolean;
}

const CACHE_SIZE = 2048;
const cache = new Map<string, LineAnalysis>();

/** The entry touched last, already the newest in `cache`: every engine asks for the line in hand. */
let newest: LineAnalysis | undefined;

export function analyzeLine(text: string, opts: AnalyzeOptions = {}): LineAnalysis {
  if (opts.cache === false) return compute(text);
  if (newest?.text === text) return newest;
  const hit = cache.get(text);
  if (hit) {
    // Refresh recency: a Map iterates in insertion order, so the oldest entry is evicted first.
    cache.delete(text);
    cache.set(text, hit);
    newest = hit;
    return hit;
  }
  const fresh = compute(text);
  cache.set(text, fresh);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  newest = fresh;
  return fresh;
}

function compute(text: string): LineAnalysis {
  const n = joinSpacedWords(normalise(text));
  const norm = n.text;
  const orig = (s: number, e: number): Span => toOriginal(n, s, e, text.length);

  const found = findMasks(norm);
  const masks: Mask[] = found.map((m) => ({
    kind: m.kind,
    field: m.field,
    class: m.class,
    nspan: m.nspan,
    text: norm.slice(m.nspan[0], m.nspan[1]),
    span: orig(m.nspan[0], m.nspan[1]),
  }));
  const hidden: Span[] = found.filter((m) => m.kind !== 'phone' && m.kind !== 'digits').map((m) => m.nspan);

  const tokens = tokenize(norm, masks, orig);
  const raw = matchEntries(lexicon(), {
    norm,
    lower: norm.toLowerCase(),
    hasHan: HAN.test(norm),
    hasLatin: LATIN.test(norm),
    skip: hidden,
    tokenStarts: tokenEdges(tokens, 0),
    tokenEnds: tokenEdges(tokens, 1),
  });
  // One LexiconMatch per raw match, shared by the line's list and its clause's (it was built twice).
  const matches: LexiconMatch[] = [];
  for (let i = 0; i < raw.length; i++) {
    const m = raw[i]!;
    matches.push({
      class: m.entry.class,
      entry: m.entry.ref,
      text: m.text,
      span: orig(m.nspan[0], m.nspan[1]),
      nspan: m.nspan,
    });
  }

  const notNumbers = raw.filter((m) => m.entry.class === 'not_number').map((m) => m.nspan);
  const numbers = findNumbers(norm, [...hidden, ...notNumbers]).map((x) => ({ ...x, span: orig(...x.nspan) }));

  let blanked = norm;
  for (const [s, e] of hidden) blanked = blanked.slice(0, s) + ' '.repeat(e - s) + blanked.slice(e);

  const clauses: Clause[] = splitClauses(norm, hidden, raw).map((c, index) => {
    const [s, e] = c.nspan;
    const inClause: RawMatch[] = [];
    const clauseMatches: LexiconMatch[] = [];
    for (let i = 0; i < raw.length; i++) {
      const m = raw[i]!;
      if (m.nspan[0] >= s && m.nspan[1] <= e && placed(m, norm, c.nspan)) {
        inClause.push(m);
        clauseMatches.push(matches[i]!);
      }
    }
    let from = 0;
    while (from < tokens.length && tokens[from]!.nspan[0] < s) from++;
    let to = from;
    while (to < tokens.length && tokens[to]!.nspan[1] <= e) to++;
    const span = orig(s, e);
    const marks = marksOf(c.nspan, c.questionMark, inClause, tokens, [from, to], orig);
    return {
      index,
      text: text.slice(...span),
      span,
      nspan: c.nspan,
      tokens: [from, to],
      sentenceStart: c.sentenceStart,
      marks,
      actor: actorOf(c.nspan, inClause, marks, orig),
      matches: clauseMatches,
    };
  });

  return {
    text,
    norm,
    lang: detectLanguage(blanked),
    masks,
    numbers,
    tokens,
    clauses,
    matches,
    toOriginal: orig,
  };
}

/** The set of the tokens' starts (side 0) or ends (side 1) in the normalised text. */
function tokenEdges(tokens: readonly Token[], side: 0 | 1): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) out.add(tokens[i]!.nspan[side]);
  return out;
}

/** Words between masks come from the segmenter; each mask is one token. */
function tokenize(norm: string, masks: readonly Mask[], orig: (s: number, e: number) => Span): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const words = (from: number, to: number) => {
    for (const [s, e] of segment(norm.slice(from, to))) {
      const t = norm.slice(from + s, from + e);
      const kind = NUMERIC.test(t) ? 'number' : PUNCT.test(t) ? 'punct' : 'word';
      tokens.push({ kind, mask: undefined, text: t, span: orig(from + s, from + e), nspan: [from + s, from + e] });
    }
  };
  for (const m of masks) {
    words(at, m.nspan[0]);
    tokens.push({ kind: 'mask', mask: m.kind, text: m.text, span: m.span, nspan: m.nspan });
    at = m.nspan[1];
  }
  words(at, norm.length);
  return tokens;
}
