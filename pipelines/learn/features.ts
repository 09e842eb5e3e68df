/**
 * Features of one transcript line for the trained compliance line classifier, read off the
 * language layer's analysis (computed once per line and shared with every engine): lexicon
 * classes, clause marks and the classes they share a clause with, masked token types, Chinese
 * character 1-3-grams, English words and word bigrams, the speaker, and the previous line's classes
 * and marks (a request answered on the next line). Each feature keeps the span in the line it came
 * from, so a flag's evidence is words actually said. See docs/decisions/0300-trained-recall-layer.md.
 */
import type { TranscriptLine } from '../../core/domain.js';
import { analyzeLine, type LineAnalysis, type Span } from '../language/index.js';

/** The feature spec's version: a model trained on another spec is refused at load. */
export const FEATURE_SPEC = 'line-features-v1';

export interface Feature {
  /** Hashed index, in [0, 2^bits). */
  index: number;
  /** Where in the line (original characters); null for features of the speaker or the previous line. */
  span: Span | null;
}

/** Lexicon classes that are the language layer's plumbing, not what a line says. */
const SKIP_CLASS = /^(clause\.|turn\.|negation\.scope_end)/;
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN = /\p{Script=Latin}/u;

/** The feature names of line `index` with their spans (exported for tests and the trainer's audit). */
export function featureNames(lines: readonly TranscriptLine[], index: number): [string, Span | null][] {
  const line = lines[index]!;
  const a = analyzeLine(line.text);
  const out: [string, Span | null][] = [
    ['bias', null],
    [`sp:${line.speaker}`, null],
  ];
  ownFeatures(a, line.text, out);
  const prev = index > 0 ? lines[index - 1]! : null;
  if (prev) contextFeatures(analyzeLine(prev.text), prev.speaker === line.speaker ? 'same' : 'other', out);
  return out;
}

function ownFeatures(a: LineAnalysis, text: string, out: [string, Span | null][]): void {
  for (const clause of a.clauses) {
    const marks = [...new Set(clause.marks.map((m) => m.kind))];
    for (const m of clause.marks) out.push([`m:${m.kind}`, m.span]);
    for (const x of clause.matches) {
      if (x.class.startsWith('mark.') || SKIP_CLASS.test(x.class)) continue;
      out.push([`c:${x.class}`, x.span]);
      for (const m of marks) out.push([`cm:${x.class}|${m}`, x.span]);
    }
  }
  for (const m of a.masks) out.push([`mask:${m.kind}${m.field ? `:${m.field}` : ''}`, m.span]);
  let prevWord: { text: string; span: Span } | null = null;
  for (const t of a.tokens) {
    if (t.kind === 'number') out.push([`num:${Math.min(t.text.length, 8)}`, t.span]);
    if (t.kind !== 'word' || !LATIN.test(t.text)) {
      prevWord = null;
      continue;
    }
    const w = t.text.toLowerCase();
    out.push([`w:${w}`, t.span]);
    if (prevWord) out.push([`b:${prevWord.text}_${w}`, [prevWord.span[0], t.span[1]]]);
    prevWord = { text: w, span: t.span };
  }
  for (const run of text.matchAll(HAN_RUN)) {
    const s = run.index;
    const chars = run[0];
    for (let i = 0; i < chars.length; i++)
      for (let n = 1; n <= 3 && i + n <= chars.length; n++)
        out.push([`h:${chars.slice(i, i + n)}`, [s + i, s + i + n]]);
  }
}

function contextFeatures(a: LineAnalysis, relation: 'same' | 'other', out: [string, Span | null][]): void {
  out.push([`p:${relation}`, null]);
  const seen = new Set<string>();
  for (const clause of a.clauses) {
    for (const m of clause.marks) seen.add(`p:m:${m.kind}`);
    for (const x of clause.matches)
      if (!x.class.startsWith('mark.') && !SKIP_CLASS.test(x.class)) seen.add(`p:${relation}:c:${x.class}`);
  }
  for (const m of a.masks) seen.add(`p:mask:${m.kind}`);
  for (const f of seen) out.push([f, null]);
}

/** FNV-1a, 32 bit: the same index on every machine and every run. */
export function hashFeature(name: string, bits: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & ((1 << bits) - 1);
}

/** Hashed features of line `index`, one per distinct name (the first span said wins). */
export function lineFeatures(lines: readonly TranscriptLine[], index: number, bits: number): Feature[] {
  const seen = new Map<string, Feature>();
  for (const [name, span] of featureNames(lines, index))
    if (!seen.has(name)) seen.set(name, { index: hashFeature(name, bits), span });
  return [...seen.values()];
}
