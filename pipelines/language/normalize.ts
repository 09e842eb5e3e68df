/**
 * The normalised text every engine matches against, with a map back to the original characters:
 * NFKC (full-width letters, digits and punctuation folded to ASCII), invisible characters
 * (zero-width joiners, variation selectors, BOM) dropped, typographic apostrophes (’ ‘ ʼ) made
 * ASCII so "you’re" reads as "you're", and English chat spellings read as words (u → you, pls → please;
 * chat-spellings.ts), each character of a reading mapped to the token written, and traditional
 * Chinese characters read as simplified (帳號 → 帐号, script-fold.ts), one to one. Case is kept;
 * matchers use the `i` flag.
 */
import { chatReadings } from './chat-spellings.js';
import { foldChar, foldScript } from './script-fold.js';
import type { Span } from './types.js';

export interface Normalised {
  text: string;
  /** For each normalised UTF-16 unit, the original [start, end) of the character it came from. */
  start: Int32Array;
  end: Int32Array;
}

/** Invisible characters (zero-width joiners, variation selectors) never carry meaning. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: variation selectors are matched on their own, never joined
export const INVISIBLE = /^[\p{Cf}\uFE00-\uFE0F]+$/u;
/** Fast path: ASCII and common Han (one UTF-16 unit each) need neither NFKC nor the invisible check. */
const plainUnit = (c: number): boolean =>
  (c >= 0x20 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff) || c === 0x3001 || c === 0x3002;

/** Whether every unit of `text` is plain: such a line (most lines) normalises unit for unit. */
function allPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!plainUnit(text.charCodeAt(i))) return false;
  return true;
}
// Phones and word processors type "you’re"; every lexicon writes "you're".
const APOSTROPHE = /^[\u2018\u2019\u02bc]$/;

export function normalise(original: string): Normalised {
  const readings = chatReadings(original);
  if (readings.length === 0 && allPlain(original)) {
    // The loop below when every character is plain: each unit folded in place, mapped to itself.
    const from = new Int32Array(original.length);
    const to = new Int32Array(original.length);
    for (let k = 0; k < original.length; k++) {
      from[k] = k;
      to[k] = k + 1;
    }
    return { text: foldScript(original), start: from, end: to };
  }
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let r = 0;
  let i = 0;
  while (i < original.length) {
    const reading = readings[r];
    if (reading?.start === i) {
      for (let k = 0; k < reading.reads.length; k++) {
        start.push(reading.start);
        end.push(reading.end);
      }
      text += reading.reads;
      i = reading.end;
      r++;
      continue;
    }
    const ch = String.fromCodePoint(original.codePointAt(i)!);
    const from = i;
    i += ch.length;
    if (ch.length === 1 && plainUnit(ch.charCodeAt(0))) {
      text += foldChar(ch);
      start.push(from);
      end.push(i);
      continue;
    }
    if (INVISIBLE.test(ch)) continue;
    const n = ch === '\u3000' ? ' ' : APOSTROPHE.test(ch) ? "'" : foldScript(ch.normalize('NFKC'));
    for (let k = 0; k < n.length; k++) {
      start.push(from);
      end.push(i);
    }
    text += n;
  }
  return { text, start: Int32Array.from(start), end: Int32Array.from(end) };
}

/** The original span of the normalised range [s, e). An empty range maps to an empty span. */
export function toOriginal(n: Normalised, s: number, e: number, originalLength: number): Span {
  if (e <= s) {
    const at = s < n.start.length ? n.start[s]! : originalLength;
    return [at, at];
  }
  return [n.start[s]!, n.end[e - 1]!];
}

/**
 * Full-width ASCII (０-９, ＄, ％…) and the ideographic space folded to ASCII and traditional
 * characters to simplified (script-fold.ts), one UTF-16 unit in and one out, for matchers that
 * index straight into the original line.
 */
export function foldWidth(text: string): string {
  return foldScript(
    text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
      c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    ),
  );
}
