/**
 * Lexicon patterns read without their `i` flag (decision 0890). V8 runs a case-insensitive
 * Unicode pattern several times slower than the same pattern without `i` (every literal and class
 * matched through its case-folding closure). Under `iu` a character matches what it folds with
 * (simple case folding); for a pattern whose only cased characters are ASCII letters, the only
 * characters of a line that fold to anything it names are A–Z, a–z, ſ (U+017F → s) and the Kelvin
 * sign (U+212A → k) — `\w`, `\b` and `[a-z]` included. So the pattern with its capitals written
 * small and no `i`, run on the line with those characters folded (`foldAsciiCase`, one unit for
 * one), matches at exactly the same indices. `caselessTwin` writes that pattern once, at load, and
 * refuses (undefined: the entry keeps its own) any source with a non-ASCII cased character, a range
 * mixing letters with other characters, a back-reference or a property escape.
 */

export interface CaselessTwin {
  /** The pattern without `i`, run on `foldAsciiCase(text)`. */
  re: RegExp;
}

/**
 * `text` with every character an ASCII letter folds from made that small letter: A–Z, ſ (U+017F)
 * and the Kelvin sign (U+212A); one UTF-16 unit for one, so every index holds. The text itself when
 * it has none (most Chinese lines).
 */
export function foldAsciiCase(text: string): string {
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c === 0x17f || c === 0x212a) break;
  }
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : c === 0x17f ? 's' : c === 0x212a ? 'k' : text[i];
  }
  return out;
}

/**
 * Code points with no case that nothing folds to: ASCII other than letters, Latin-1 symbols, general
 * punctuation, CJK (radicals to ideographs, compatibility ideographs, forms), full-width punctuation
 * and digits, emoji, supplementary ideographs. Anything else keeps the flag.
 */
function caseless(c: number): boolean {
  if (c < 0x80) return !((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
  if (c >= 0x2e80 && c <= 0x9fff) return true;
  const inBlock =
    (c < 0x80 && !((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) ||
    (c >= 0xa0 && c <= 0xbf && c !== 0xaa && c !== 0xb5 && c !== 0xba) ||
    c === 0xd7 ||
    c === 0xf7 ||
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe10 && c <= 0xfe6f) ||
    (c >= 0xff01 && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    (c >= 0x1f000 && c <= 0x1faff) ||
    (c >= 0x20000 && c <= 0x3ffff);
  if (!inBlock) return false;
  const s = String.fromCodePoint(c);
  return s.toLowerCase() === s && s.toUpperCase() === s;
}

/** Blocks with no cased character at all (ideographs, CJK radicals, kana, punctuation): a range inside one needs no walk. */
const UNCASED_BLOCKS: readonly [number, number][] = [
  [0x2e80, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x3ffff],
];

/** Every code point of [a, b] caseless (a range wider than the planes of ideographs is refused). */
function caselessRange(a: number, b: number): boolean {
  if (b < a || b - a > 0x30000) return false;
  if (UNCASED_BLOCKS.some(([s, e]) => a >= s && b <= e)) return true;
  for (let c = a; c <= b; c++) if (!caseless(c)) return false;
  return true;
}

const HEX = (s: string): boolean => s.length > 0 && [...s].every((ch) => '0123456789abcdefABCDEF'.includes(ch));

/**
 * Reads one atom at `at` (after any backslash): the code point it stands for, or 'class' for a
 * class escape (\d \s \w …), or 'refuse'; and where the next atom starts.
 */
function atom(src: string, at: number): { cp: number | 'class' | 'refuse'; next: number } {
  const c = src.codePointAt(at)!;
  if (c !== 0x5c) return { cp: c, next: at + (c > 0xffff ? 2 : 1) };
  const e = src[at + 1];
  if (e === undefined) return { cp: 'refuse', next: at + 1 };
  if ('dDsSwWbB'.includes(e)) return { cp: 'class', next: at + 2 };
  if ('pPkc123456789'.includes(e)) return { cp: 'refuse', next: at + 2 };
  if (e === '0') return { cp: 0, next: at + 2 };
  const controls: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11 };
  if (controls[e] !== undefined) return { cp: controls[e]!, next: at + 2 };
  if (e === 'x') {
    const h = src.slice(at + 2, at + 4);
    return HEX(h) && h.length === 2 ? { cp: Number.parseInt(h, 16), next: at + 4 } : { cp: 'refuse', next: at + 2 };
  }
  if (e === 'u') {
    if (src[at + 2] === '{') {
      const close = src.indexOf('}', at + 3);
      const h = close < 0 ? '' : src.slice(at + 3, close);
      return HEX(h) ? { cp: Number.parseInt(h, 16), next: close + 1 } : { cp: 'refuse', next: at + 2 };
    }
    const h = src.slice(at + 2, at + 6);
    return HEX(h) && h.length === 4 ? { cp: Number.parseInt(h, 16), next: at + 6 } : { cp: 'refuse', next: at + 2 };
  }
  // An identity escape (\. \- \/ …): the character itself.
  const cp = src.codePointAt(at + 1)!;
  return { cp, next: at + 1 + (cp > 0xffff ? 2 : 1) };
}

/**
 * `re` (flags `iu`) as a pattern without `i` that matches `foldAsciiCase(text)` exactly where `re`
 * matches `text` (see above), else undefined: its ASCII capitals written small, nothing else changed.
 */
export function caselessTwin(re: RegExp): CaselessTwin | undefined {
  if (!re.flags.includes('i') || !re.unicode || re.flags.includes('v')) return undefined;
  const src = re.source;
  let out = '';
  let inClass = false;
  let at = 0;
  while (at < src.length) {
    const ch = src[at]!;
    if (!inClass && ch === '(' && src.startsWith('?<', at + 1) && src[at + 3] !== '=' && src[at + 3] !== '!') {
      // A named group: its name is no text to match.
      const close = src.indexOf('>', at + 3);
      if (close < 0) return undefined;
      out += src.slice(at, close + 1);
      at = close + 1;
      continue;
    }
    if (!inClass && ch === '[') {
      inClass = true;
      const open = src[at + 1] === '^' ? 2 : 1;
      out += src.slice(at, at + open);
      at += open;
      continue;
    }
    if (inClass && ch === ']') {
      inClass = false;
      out += ch;
      at++;
      continue;
    }
    const a = atom(src, at);
    if (a.cp === 'refuse') return undefined;
    if (a.cp === 'class') {
      out += src.slice(at, a.next);
      at = a.next;
      continue;
    }
    const escaped = src[at] === '\\';
    if (inClass && src[a.next] === '-' && a.next + 1 < src.length && src[a.next + 1] !== ']') {
      const b = atom(src, a.next + 1);
      if (b.cp === 'refuse') return undefined;
      if (typeof b.cp === 'number') {
        const escapedB = src[a.next + 1] === '\\';
        const upper = (c: number, esc: boolean) => !esc && c >= 0x41 && c <= 0x5a;
        const lower = (c: number, esc: boolean) => !esc && c >= 0x61 && c <= 0x7a;
        if (upper(a.cp, escaped) && upper(b.cp, escapedB)) {
          out += `${String.fromCharCode(a.cp + 32)}-${String.fromCharCode(b.cp + 32)}`;
        } else if ((lower(a.cp, escaped) && lower(b.cp, escapedB)) || caselessRange(a.cp, b.cp)) {
          out += src.slice(at, b.next);
        } else return undefined;
        at = b.next;
        continue;
      }
      // "\d-x": the '-' is a literal, read on the next turn.
    }
    if (!escaped && a.cp >= 0x41 && a.cp <= 0x5a) out += String.fromCharCode(a.cp + 32);
    else if ((!escaped && a.cp >= 0x61 && a.cp <= 0x7a) || caseless(a.cp)) out += src.slice(at, a.next);
    else return undefined;
    at = a.next;
  }
  if (inClass) return undefined;
  return { re: new RegExp(out, re.flags.replace('i', '')) };
}
