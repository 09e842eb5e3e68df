/**
 * The one clause splitter. Breaks at sentence and comma punctuation, at a pause (space) between
 * two Han characters, before contrastive conjunctions (但是, but…), after a sentence-final
 * particle that more words follow (…哈 我这边…), and — only in a line with no clause punctuation
 * at all, as ASR transcripts are — before discourse cues (如果, 那我, 所以, because, so I…).
 */
import type { RawMatch } from './match.js';
import { regexMatches } from './regex-matches.js';
import type { Span } from './types.js';

export interface RawClause {
  nspan: Span;
  /** A question mark closed the clause. */
  questionMark: Span | undefined;
  sentenceStart: boolean;
}

const DELIMITER = /[,。!?;\n~]+|\.{2,}|\.(?=\s|$)|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;
/** Global: `unpunctuated` walks a line's marks with it. */
const CLAUSE_PUNCTUATION = /[,。!?;]/gu;
const SENTENCE_END = /[。!?.\n]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

interface Cut {
  from: number;
  to: number;
  question: boolean;
  sentence: boolean;
}

/** Whether a line has no clause punctuation outside its masks: then discourse cues split it. */
export function unpunctuated(norm: string, skip: readonly Span[]): boolean {
  // Only the punctuation marks are visited (no string or closure made per character).
  const re = CLAUSE_PUNCTUATION;
  re.lastIndex = 0;
  try {
    for (let m = re.exec(norm); m !== null; m = re.exec(norm)) if (!inSkip(skip, m.index)) return false;
    return true;
  } finally {
    re.lastIndex = 0;
  }
}

/** Whether position i lies in one of the masked spans. */
function inSkip(skip: readonly Span[], i: number): boolean {
  for (let k = 0; k < skip.length; k++) {
    const span = skip[k]!;
    if (i >= span[0] && i < span[1]) return true;
  }
  return false;
}

export function splitClauses(norm: string, skip: readonly Span[], matches: readonly RawMatch[]): RawClause[] {
  const cuts: Cut[] = [];
  for (const m of regexMatches(DELIMITER, norm)) {
    const s = m.index;
    if (inSkip(skip, s)) continue;
    cuts.push({ from: s, to: s + m[0].length, question: m[0].includes('?'), sentence: SENTENCE_END.test(m[0]) });
  }
  const asr = unpunctuated(norm, skip);
  for (const m of matches) {
    const cls = m.entry.class;
    const [s, e] = m.nspan;
    if (cls === 'clause.break_before' || (asr && cls === 'clause.break_unpunctuated')) {
      cuts.push({ from: s, to: s, question: false, sentence: false });
    } else if (cls === 'clause.particle') {
      // Only a particle that ends something and is followed by more words closes a clause.
      const next = norm.slice(e).trimStart()[0];
      const prev = norm[s - 1];
      const followedByParticle = matches.some((o) => o.entry.class === 'clause.particle' && o.nspan[0] === e);
      if (next && WORD_CHAR.test(next) && prev && WORD_CHAR.test(prev) && !followedByParticle) {
        cuts.push({ from: e, to: e, question: false, sentence: false });
      }
    }
  }
  cuts.sort((a, b) => a.from - b.from || b.to - a.to);

  const split: Split = { norm, out: [], sentenceStart: true };
  let start = 0;
  for (const cut of cuts) {
    if (cut.from < start) continue;
    pushClause(split, start, cut.from, cut);
    start = cut.to;
  }
  pushClause(split, start, norm.length, undefined);
  return split.out;
}

/** The clauses split so far (a module function's state, not a closure made per line). */
interface Split {
  norm: string;
  out: RawClause[];
  sentenceStart: boolean;
}

/** The clause from start to end, trimmed, closed by `cut` (none at the line's end). */
function pushClause(split: Split, start: number, end: number, cut: Cut | undefined): void {
  const { norm, out } = split;
  let s = start;
  let e = end;
  while (s < e && /\s/.test(norm[s]!)) s++;
  while (e > s && /\s/.test(norm[e - 1]!)) e--;
  if (e > s) {
    out.push({
      nspan: [s, e],
      questionMark: cut?.question ? [cut.from, cut.to] : undefined,
      sentenceStart: split.sentenceStart,
    });
    split.sentenceStart = false;
  } else if (cut?.question && out.length > 0 && !out.at(-1)!.questionMark) {
    out.at(-1)!.questionMark = [cut.from, cut.to];
  }
  if (cut?.sentence) split.sentenceStart = true;
}
