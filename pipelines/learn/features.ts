/**
 * Features of one transcript line for the trained compliance line classifier, read off the
 * language layer's analysis (computed once per line and shared with every engine): lexicon
 * classes, clause marks and the classes they share a clause with, masked token types, Chinese
 * character 1-3-grams, English words and word bigrams, the speaker, and the previous line's classes
 * and marks (a request answered on the next line). Each feature keeps the span in the line it came
 * from, so a flag's evidence is words actually said. See docs/decisions/0300-trained-recall-layer.md.
 */
import type { TranscriptLine } from '../../core/domain.js';
import { analyzeLine, type LineAnalysis, regexMatches, type Span } from '../language/index.js';

/**
 * The feature specs a model may be trained on (the compliance model names one per gate, the
 * promise veto one for its file; another is refused at load).
 * v1: the line's own features and the previous line's classes, marks and masks. v2 adds the
 * previous line's classes, masks and request/question marks crossed with this line's classes and
 * masks (a request split over two lines; the buyer's question answered with a channel). v3 (class
 * members read as their class, 0465) and v4 (classes said in no act, 0500) were measured held out
 * and removed (decision 0500). v7 (decision 0535) adds frames, wording abstracted away: each clause's
 * set of marks crossed with each class in it and pairs of classes said in one clause and in the line
 * (on every line, the first included), and the marks of the two lines before (by who said them, how
 * far back) crossed with this line's classes and masks. (v5, the same without frames on a call's
 * first line, and v6, v5 without surface words, were measured and removed, 0535.)
 */
export const FEATURE_SPECS = ['line-features-v1', 'line-features-v2', 'line-features-v7'] as const;
export type FeatureSpec = (typeof FEATURE_SPECS)[number];

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
export function featureNames(
  lines: readonly TranscriptLine[],
  index: number,
  spec: FeatureSpec = 'line-features-v1',
): [string, Span | null][] {
  const named: [string, Span | null][] = [];
  collectFeatures(lines, index, spec, { add: (name, span) => named.push([name, span]) });
  return named;
}

/**
 * Where features go as they are read: `featureNames` keeps every one, `lineFeatures` hashes each
 * distinct name straight away (no [name, span] pair per feature, ~100 per line).
 */
interface FeatureSink {
  add(name: string, span: Span | null): void;
}

function collectFeatures(lines: readonly TranscriptLine[], index: number, spec: FeatureSpec, out: FeatureSink): void {
  const line = lines[index]!;
  const a = analyzeLine(line.text);
  out.add('bias', null);
  out.add(`sp:${line.speaker}`, null);
  ownFeatures(a, line.text, out);
  const prev = index > 0 ? lines[index - 1]! : null;
  if (!prev) {
    if (spec === 'line-features-v7') frameFeatures(a, out);
    return;
  }
  const pa = analyzeLine(prev.text);
  const rel = prev.speaker === line.speaker ? 'same' : 'other';
  contextFeatures(pa, rel, out);
  if (spec === 'line-features-v1') return;
  crossFeatures(pa, a, rel, out);
  for (let k = index - 2; k >= Math.max(0, index - 3); k--) earlierFeatures(lines[k]!, line.speaker, out);
  if (spec === 'line-features-v2') return;
  frameFeatures(a, out);
  frameContext(lines, index, a, out);
}

/**
 * Frames (v7): what a clause says abstracted from its wording: its full set of marks (request,
 * question, condition, negation, self, addressee…) crossed with each class in it, and every pair of
 * classes said in one clause and in the line.
 */
function frameFeatures(a: LineAnalysis, out: FeatureSink): void {
  const inLine = new Map<string, Span>();
  for (const clause of a.clauses) {
    const frame = [...new Set(clause.marks.map((m) => m.kind))].sort().join('+') || 'bare';
    const here = new Map<string, Span>();
    for (const x of clause.matches) if (ownClass(x.class) && !here.has(x.class)) here.set(x.class, x.span);
    for (const [c, span] of here) {
      out.add(`f:${frame}|${c}`, span);
      if (!inLine.has(c)) inLine.set(c, span);
    }
    const cs = [...here.keys()].sort();
    for (let i = 0; i < cs.length; i++)
      for (let j = i + 1; j < cs.length; j++) out.add(`cc:${cs[i]}&${cs[j]}`, here.get(cs[i]!)!);
  }
  for (const m of a.masks) if (!inLine.has(`mask:${m.kind}`)) inLine.set(`mask:${m.kind}`, m.span);
  const ls = [...inLine.keys()].sort();
  for (let i = 0; i < ls.length; i++)
    for (let j = i + 1; j < ls.length; j++) out.add(`lc:${ls[i]}&${ls[j]}`, inLine.get(ls[i]!)!);
}

/** Every mark of the previous two lines, by who said them, crossed with this line's classes and masks (v7). */
function frameContext(lines: readonly TranscriptLine[], index: number, a: LineAnalysis, out: FeatureSink): void {
  const here = new Map<string, Span>();
  for (const x of a.matches) if (ownClass(x.class) && !here.has(x.class)) here.set(x.class, x.span);
  for (const m of a.masks) if (!here.has(`mask:${m.kind}`)) here.set(`mask:${m.kind}`, m.span);
  const before = new Set<string>();
  for (let k = index - 1; k >= Math.max(0, index - 2); k--) {
    const rel = lines[k]!.speaker === lines[index]!.speaker ? 'same' : 'other';
    for (const clause of analyzeLine(lines[k]!.text).clauses)
      for (const m of clause.marks) before.add(`${rel}:${index - k}:${m.kind}`);
  }
  for (const [c, span] of here) for (const q of before) out.add(`y:${q}>${c}`, span);
}

/** The previous line's request/question marks, classes and masks crossed with this line's classes and masks (v2). */
function crossFeatures(p: LineAnalysis, a: LineAnalysis, rel: string, out: FeatureSink): void {
  const before = new Set<string>();
  for (const clause of p.clauses) {
    for (const m of clause.marks) if (m.kind === 'request' || m.kind === 'question') before.add(`m:${m.kind}`);
    for (const x of clause.matches) if (ownClass(x.class)) before.add(`c:${x.class}`);
  }
  for (const m of p.masks) before.add(`mask:${m.kind}`);
  const here = new Map<string, Span>();
  for (const x of a.matches) if (ownClass(x.class) && !here.has(x.class)) here.set(x.class, x.span);
  for (const m of a.masks) if (!here.has(`mask:${m.kind}`)) here.set(`mask:${m.kind}`, m.span);
  for (const [c, span] of here) for (const q of before) out.add(`x:${rel}:${q}>${c}`, span);
}

/** Classes and masks of the two lines before the previous one, by whether this line's speaker said them (v2). */
function earlierFeatures(line: TranscriptLine, speaker: string, out: FeatureSink): void {
  const a = analyzeLine(line.text);
  const rel = line.speaker === speaker ? 'same' : 'other';
  for (const x of a.matches) if (ownClass(x.class)) out.add(`w:${rel}:c:${x.class}`, null);
  for (const m of a.masks) out.add(`w:${rel}:mask:${m.kind}`, null);
}

const ownClass = (c: string) => !c.startsWith('mark.') && !SKIP_CLASS.test(c);

function ownFeatures(a: LineAnalysis, text: string, out: FeatureSink): void {
  for (const clause of a.clauses) {
    const marks = [...new Set(clause.marks.map((m) => m.kind))];
    for (const m of clause.marks) out.add(`m:${m.kind}`, m.span);
    for (const x of clause.matches) {
      if (x.class.startsWith('mark.') || SKIP_CLASS.test(x.class)) continue;
      out.add(`c:${x.class}`, x.span);
      for (const m of marks) out.add(`cm:${x.class}|${m}`, x.span);
    }
  }
  for (const m of a.masks) out.add(`mask:${m.kind}${m.field ? `:${m.field}` : ''}`, m.span);
  let prevWord: { text: string; span: Span } | null = null;
  for (const t of a.tokens) {
    if (t.kind === 'number') out.add(`num:${Math.min(t.text.length, 8)}`, t.span);
    if (t.kind !== 'word' || !LATIN.test(t.text)) {
      prevWord = null;
      continue;
    }
    const w = t.text.toLowerCase();
    out.add(`w:${w}`, t.span);
    if (prevWord) out.add(`b:${prevWord.text}_${w}`, [prevWord.span[0], t.span[1]]);
    prevWord = { text: w, span: t.span };
  }
  // Chinese character 1-3-grams over each run, by UTF-16 code unit.
  // regexMatches, not matchAll: no copy of the pattern to compile again after a GC (regex-matches.ts).
  for (const r of regexMatches(HAN_RUN, text))
    for (let i = 0; i < r[0].length; i++)
      for (let n = 1; n <= 3 && i + n <= r[0].length; n++)
        out.add(`h:${r[0].slice(i, i + n)}`, [r.index + i, r.index + i + n]);
}

function contextFeatures(a: LineAnalysis, relation: 'same' | 'other', out: FeatureSink): void {
  out.add(`p:${relation}`, null);
  const seen = new Set<string>();
  for (const clause of a.clauses) {
    for (const m of clause.marks) seen.add(`p:m:${m.kind}`);
    for (const x of clause.matches)
      if (!x.class.startsWith('mark.') && !SKIP_CLASS.test(x.class)) seen.add(`p:${relation}:c:${x.class}`);
  }
  for (const m of a.masks) seen.add(`p:mask:${m.kind}`);
  for (const f of seen) out.add(f, null);
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
export function lineFeatures(
  lines: readonly TranscriptLine[],
  index: number,
  bits: number,
  spec: FeatureSpec = 'line-features-v1',
): Feature[] {
  const seen = new Map<string, Feature>();
  collectFeatures(lines, index, spec, {
    add: (name, span) => {
      if (!seen.has(name)) seen.set(name, { index: hashFeature(name, bits), span });
    },
  });
  return [...seen.values()];
}
