/**
 * The literal strings every match of a RegExp starts with, read from its source at load, so a
 * `LiteralGate` can skip a data pattern (lexicon entry, compliance rule, notes pattern) on a line
 * holding none of them: one Aho–Corasick pass per line instead of one RegExp scan per pattern.
 *
 * Conservative by construction: anything the reader does not follow (character escapes like \d
 * or \p{…}, `.`, negated classes, back-references, a cased non-ASCII letter, a whitespace run, an
 * optional first item, more than MAX alternatives) ends the literal there, and a pattern whose
 * literal would be empty gets `null` (always run). Zero-width items (\b, ^, $, look-arounds) are
 * stepped over: they consume nothing, so the letters around them are contiguous in the match.
 * Strings come in the gate's form (lower case), see `gateForm`.
 */

/** Paths a sequence may grow to before its literals stop where they are; an alternation's limit. */
const GROW = 256;
const MAX = 4096;

/**
 * What an item (or a sequence) can consume, as its possible starts: `open` when the string is all
 * the item consumes on that path, so what follows may extend it; closed when more may follow.
 */
type Piece = { s: string; open: boolean }[];
type Item = Piece | 'assertion' | 'unknown';

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  peek(k = 0): string | undefined {
    return this.s[this.i + k];
  }
}

/** Every match of `re` starts with one of these (in gate form), or null when that cannot be told. */
export function leadingLiterals(re: RegExp): string[] | null {
  const r = new Reader(re.source);
  const piece = alternation(r);
  if (r.i !== r.s.length || piece === null) return null;
  return piece.some((p) => p.s.length === 0) ? null : [...new Set(piece.map((p) => p.s))];
}

function alternation(r: Reader): Piece | null {
  const all: Piece = [];
  let known = true;
  for (;;) {
    const p = sequence(r);
    if (p === null) known = false;
    else all.push(...p);
    if (r.peek() !== '|') break;
    r.i++;
  }
  return known && all.length <= MAX ? all : null;
}

/** Reads to the end of the sequence whatever it finds; each path's literal stops at the first item it cannot extend by. */
function sequence(r: Reader): Piece | null {
  let paths: Piece = [{ s: '', open: true }];
  while (r.i < r.s.length && r.peek() !== '|' && r.peek() !== ')') {
    const item = atom(r);
    const { min, max } = quantifier(r);
    if (item === 'assertion' || !paths.some((p) => p.open)) continue;
    const next: Piece = [];
    for (const p of paths) {
      if (!p.open || item === 'unknown') {
        next.push({ s: p.s, open: false });
        continue;
      }
      if (min === 0) next.push(p);
      for (const a of item) {
        const s = p.s + a.s;
        // The gate folds whitespace runs to one space, so a literal run cannot be looked for.
        if (/\s\s/.test(s)) next.push({ s: p.s, open: false });
        else next.push({ s, open: a.open && max === 1 });
      }
    }
    paths = next.length > GROW ? paths.map((p) => ({ s: p.s, open: false })) : next;
  }
  if (paths.some((p) => !p.open && p.s.length === 0)) return null;
  return paths;
}

function quantifier(r: Reader): { min: number; max: number } {
  const c = r.peek();
  let q = { min: 1, max: 1 };
  if (c === '?') q = { min: 0, max: 1 };
  else if (c === '*') q = { min: 0, max: Number.POSITIVE_INFINITY };
  else if (c === '+') q = { min: 1, max: Number.POSITIVE_INFINITY };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(r.s.slice(r.i));
    if (!m) return q;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
    r.i += m[0].length;
    if (r.peek() === '?') r.i++;
    // {n} with n > 1 repeats: the first copy starts the match, what follows is not read.
    return { min: Math.min(min, 1), max };
  } else return q;
  r.i++;
  if (r.peek() === '?') r.i++;
  return q;
}

function atom(r: Reader): Item {
  const c = r.s.codePointAt(r.i)!;
  const ch = String.fromCodePoint(c);
  if (ch === '(') return group(r);
  if (ch === '[') return charClass(r);
  if (ch === '\\') return escaped(r);
  r.i += ch.length;
  if (ch === '^' || ch === '$') return 'assertion';
  if (ch === '.') return 'unknown';
  return literal(ch);
}

function group(r: Reader): Item {
  r.i++;
  let look = false;
  if (r.peek() === '?') {
    const head = r.s.slice(r.i, r.i + 3);
    look = head.startsWith('?=') || head.startsWith('?!') || head === '?<=' || head === '?<!';
    if (look) r.i += head.startsWith('?<') ? 3 : 2;
    else if (head.startsWith('?:')) r.i += 2;
    else if (head.startsWith('?<')) r.i = r.s.indexOf('>', r.i) + 1;
    else return 'unknown';
  }
  const inner = alternation(r);
  if (r.peek() !== ')') throw new Error(`leadingLiterals: unbalanced group in ${r.s}`);
  r.i++;
  if (look) return 'assertion';
  return inner ?? 'unknown';
}

function charClass(r: Reader): Item {
  r.i++;
  const chars: string[] = [];
  let known = r.peek() !== '^';
  while (r.i < r.s.length && r.peek() !== ']') {
    const from = classChar(r);
    if (r.peek() === '-' && r.peek(1) !== ']' && r.peek(1) !== undefined) {
      r.i++;
      const to = classChar(r);
      const a = from?.codePointAt(0);
      const b = to?.codePointAt(0);
      if (a === undefined || b === undefined || b - a > 32) known = false;
      else for (let x = a; x <= b; x++) chars.push(String.fromCodePoint(x));
    } else if (from === null) known = false;
    else chars.push(from);
  }
  r.i++;
  if (!known || chars.length === 0) return 'unknown';
  const piece: Piece = [];
  for (const ch of new Set(chars)) {
    const lit = literal(ch);
    if (lit === 'unknown') return 'unknown';
    piece.push(...lit);
  }
  return piece;
}

/** One class member: its character, or null for an escape standing for many (\d, \p{…}). */
function classChar(r: Reader): string | null {
  if (r.peek() !== '\\') {
    const ch = String.fromCodePoint(r.s.codePointAt(r.i)!);
    r.i += ch.length;
    return ch;
  }
  const item = escaped(r);
  return typeof item === 'object' && item.length === 1 ? item[0]!.s : null;
}

function escaped(r: Reader): Item {
  const c = r.s[r.i + 1] ?? '';
  r.i += 2;
  if (c === 'b' || c === 'B') return 'assertion';
  if (c === 'p' || c === 'P' || c === 'k') {
    const close = r.s.indexOf(c === 'k' ? '>' : '}', r.i);
    r.i = close + 1;
    return 'unknown';
  }
  if (c === 'u' || c === 'x') {
    const m = /^\{([0-9a-fA-F]+)\}|^[0-9a-fA-F]{4}/.exec(r.s.slice(r.i));
    const hex = c === 'x' ? r.s.slice(r.i, r.i + 2) : m ? (m[1] ?? m[0]) : '';
    r.i += c === 'x' ? 2 : m ? m[0].length : 0;
    return hex ? literal(String.fromCodePoint(Number.parseInt(hex, 16))) : 'unknown';
  }
  if (/^[\p{P}\p{S}]$/u.test(c)) return literal(c);
  // \d \w \s and their negations, \t \n and other controls, back-references \1…
  return 'unknown';
}

/**
 * A literal character in gate form: ASCII lower-cased (the gate lower-cases the line too, so this
 * holds with or without the `i` flag); a cased non-ASCII letter, a control or whitespace other
 * than a space is not followed.
 */
function literal(ch: string): Piece | 'unknown' {
  const lower = ch.toLowerCase();
  if (ch > '\x7f' && (lower !== ch || ch.toUpperCase() !== ch)) return 'unknown';
  if (/[\0-\x1f\x7f]/.test(ch) || (/\s/.test(ch) && ch !== ' ')) return 'unknown';
  return [{ s: lower, open: true }];
}
