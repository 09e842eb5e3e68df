/**
 * Normalised views of an utterance that keep a map back to the original characters, so a match
 * found in the view yields an exact span (and evidence) in the text the speaker said.
 *
 * - `squeezed` (Chinese rules): NFKC (full-width → half-width), lower case, and separators that
 *   evaders insert between characters (加 微 信, v-x, 1 3 8) removed — except one space between two
 *   Latin words of two or more letters, so code-switched English stays words ("转到我 Alipay
 *   account" is not "alipayaccount"). Lexicon terms tolerate that space either way.
 * - `spaced` (English rules): NFKC, lower case, runs of whitespace collapsed to one space, and chat
 *   spellings read as words (u → you, pls → please), as in the normalised text.
 */
import { chatReadings } from './chat-spellings.js';
import { INVISIBLE } from './normalize.js';
import { regexMatches } from './regex-matches.js';
import type { Span } from './types.js';

export type ViewMode = 'squeezed' | 'spaced';

export interface TextView {
  text: string;
  /** For each view character, the original [start, end) it came from. */
  start: number[];
  end: number[];
}

const SQUEEZE = /^[\s\-·•*~.…]+$/u;
const SPACE = /^\s+$/u;

/**
 * Views of recent lines, per mode: the compliance rules read each line's views once per rule and
 * again as an earlier line's context. Shared, so callers never modify a view.
 */
const RECENT = 512;
const recent: Record<ViewMode, Map<string, TextView>> = { squeezed: new Map(), spaced: new Map() };

export function buildView(original: string, mode: ViewMode): TextView {
  const seen = recent[mode];
  const hit = seen.get(original);
  if (hit) return hit;
  const view = computeView(original, mode);
  seen.set(original, view);
  if (seen.size > RECENT) seen.delete(seen.keys().next().value!);
  return view;
}

function computeView(original: string, mode: ViewMode): TextView {
  const view: TextView = { text: '', start: [], end: [] };
  const keep = mode === 'squeezed' ? wordGaps(original) : new Set<number>();
  const readings = mode === 'spaced' ? chatReadings(original) : [];
  let r = 0;
  let i = 0;
  while (i < original.length) {
    const reading = readings[r];
    if (reading?.start === i) {
      push(view, reading.reads.toLowerCase(), reading.start, reading.end);
      i = reading.end;
      r++;
      continue;
    }
    const ch = String.fromCodePoint(original.codePointAt(i)!);
    const from = i;
    i += ch.length;
    if (INVISIBLE.test(ch)) continue;
    if (mode === 'squeezed' && SQUEEZE.test(ch)) {
      if (keep.has(from) && !view.text.endsWith(' ')) push(view, ' ', from, i);
      continue;
    }
    if (mode === 'spaced' && SPACE.test(ch)) {
      if (view.text.length === 0 || view.text.endsWith(' ')) continue;
      push(view, ' ', from, i);
      continue;
    }
    for (const n of ch.normalize('NFKC').toLowerCase()) push(view, n, from, i);
  }
  return view;
}

/**
 * Whitespace between two Latin words of 2+ letters. A module constant (matchAll reads a copy): under
 * tsx, esbuild writes this literal as `new RegExp(…)`, which inside the function was made again on
 * every line and compiled again after each GC.
 */
const WORD_GAP = /(?<=(?<![\p{L}\p{N}])\p{Script=Latin}{2,})\s+(?=\p{Script=Latin}{2,}(?![\p{L}\p{N}]))/gu;

/** Offsets of whitespace that separates two Latin words of 2+ letters ("alipay account", not "v x"). */
function wordGaps(original: string): Set<number> {
  const out = new Set<number>();
  for (const m of regexMatches(WORD_GAP, original)) {
    for (let k = m.index; k < m.index + m[0].length; k++) out.add(k);
  }
  return out;
}

function push(view: TextView, ch: string, from: number, to: number): void {
  for (let k = 0; k < ch.length; k++) {
    view.text += ch[k];
    view.start.push(from);
    view.end.push(to);
  }
}

/** Maps a view range [s, e) to the original span, trimmed of surrounding whitespace. */
export function toOriginalSpan(original: string, view: TextView, s: number, e: number): [number, number] {
  let a = view.start[s]!;
  let b = view.end[e - 1]!;
  while (a < b && /\s/.test(original[a]!)) a++;
  while (b > a && /\s/.test(original[b - 1]!)) b--;
  return [a, b];
}

/** The view range [s, e) covering the original span (the inverse of toOriginalSpan). */
export function viewRange(view: TextView, span: Span): [number, number] {
  let s = 0;
  while (s < view.start.length && view.end[s]! <= span[0]) s++;
  let e = s;
  while (e < view.start.length && view.start[e]! < span[1]) e++;
  return [s, e];
}
