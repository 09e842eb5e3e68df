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
const CLAUSE_PUNCTUATION = /[,。!?;]/u;
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
  for (let i = 0; i < norm.length; i++) {
    if (CLAUSE_PUNCTUATION.test(norm[i]!) && !skip.some(([a, b]) => i >= a && i < b)) return false;
  }
  return true;
}

export function splitClauses(norm: string, skip: readonly Span[], matches: readonly RawMatch[]): RawClause[] {
  const cuts: Cut[] = [];
  for (const m of regexMatches(DELIMITER, norm)) {
    const s = m.index;
    if (skip.some(([a, b]) => s >= a && s < b)) continue;
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

  const out: RawClause[] = [];
  let start = 0;
  let sentenceStart = true;
  const push = (end: number, cut: Cut | undefined) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(norm[s]!)) s++;
    while (e > s && /\s/.test(norm[e - 1]!)) e--;
    if (e > s) {
      out.push({ nspan: [s, e], questionMark: cut?.question ? [cut.from, cut.to] : undefined, sentenceStart });
      sentenceStart = false;
    } else if (cut?.question && out.length > 0 && !out.at(-1)!.questionMark) {
      out.at(-1)!.questionMark = [cut.from, cut.to];
    }
    if (cut?.sentence) sentenceStart = true;
  };
  for (const cut of cuts) {
    if (cut.from < start) continue;
    push(cut.from, cut);
    start = cut.to;
  }
  push(norm.length, undefined);
  return out;
}
