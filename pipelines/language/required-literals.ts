/**
 * Literal strings one of which every line a RegExp matches contains, read from its source at load, so
 * a `LiteralGate` can skip a data pattern (lexicon entry, compliance rule, notes pattern) on a
 * line holding none of them: one Aho–Corasick pass per line instead of one RegExp scan per
 * pattern. Of the sets the source proves (the literals a match starts with; each stretch of
 * items every match passes through in turn), the most selective is kept: the longest shortest
 * string, so "\b(?:cheaper|\d+% off)[^.]{0,30}? if you pay" is gated by " if you pay".
 *
 * Conservative by construction: anything the reader does not follow (escapes like \d or \p{…},
 * `.`, negated classes, back-references, a cased non-ASCII letter, a whitespace run, more than
 * GROW combinations) ends a stretch there; an alternative with no provable literal makes the
 * whole alternation `null` (always run). Zero-width items (\b, ^, $, look-arounds) are stepped
 * over: they consume nothing, so the letters around them are contiguous in the match. What a
 * positive look-around needs is in the line too (before or after the match, never in it), so it
 * is offered as the sequence's set like any stretch: `(?<=(?:退款|赔偿)\D{0,10})\d+` is gated by
 * 退款 and 赔偿. A gate therefore reads the whole text its pattern runs on, never a part of it.
 * Strings come in the gate's form (lower case), see `gateForm`.
 */

/** Combinations a stretch may grow to before it is cut; an alternation's limit. */
const GROW = 256;
const MAX = 4096;

/**
 * How an item can start, path by path: `open` when the string is all the item consumes on that
 * path, so what follows may extend it; closed when more may follow.
 */
type Piece = { s: string; open: boolean }[];
/** What is known of an item: how it starts (null: unknown) and a set one of which it always contains. */
interface Facts {
  paths: Piece | null;
  need: string[] | null;
}
/** A positive look-around: zero-width, but the line holds what it needs (null: unknown). */
interface Look {
  look: string[] | null;
}
type Item = Facts | Look | 'assertion' | 'unknown';

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  peek(k = 0): string | undefined {
    return this.s[this.i + k];
  }
}

/** One of these (in gate form) occurs in every match of `re`, or null when that cannot be told. */
export function requiredLiterals(re: RegExp): string[] | null {
  const r = new Reader(re.source);
  const facts = alternation(r);
  if (r.i !== r.s.length || facts.need === null) return null;
  return [...new Set(facts.need)];
}

function alternation(r: Reader): Facts {
  const paths: Piece = [];
  const need: string[] = [];
  let pathsKnown = true;
  let needKnown = true;
  for (;;) {
    const f = sequence(r);
    if (f.paths === null) pathsKnown = false;
    else paths.push(...f.paths);
    if (f.need === null) needKnown = false;
    else need.push(...f.need);
    if (r.peek() !== '|') break;
    r.i++;
  }
  return {
    paths: pathsKnown && paths.length <= MAX ? paths : null,
    need: needKnown && need.length <= MAX ? need : null,
  };
}

/** The shortest string's length: the longer, the fewer lines a set lets through. */
function shortest(x: readonly string[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const s of x) if (s.length < min) min = s.length;
  return min;
}

const SPACE = /\s/;
/** The strings `a` then `b` make, or null past GROW or where they would hold a whitespace run. */
function cross(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > GROW) return null;
  const out: string[] = [];
  for (const x of a) {
    // The gate folds whitespace runs to one space, so a literal run cannot be looked for.
    const spaceEnd = x.length > 0 && SPACE.test(x[x.length - 1]!);
    for (const y of b) {
      if (spaceEnd && y.length > 0 && SPACE.test(y[0]!)) return null;
      out.push(x + y);
    }
  }
  return out;
}

/** Reads to the end of the sequence whatever it finds. */
function sequence(r: Reader): Facts {
  let paths: Piece | null = [{ s: '', open: true }];
  let run = [''];
  let best: string[] | null = null;
  let bestLength = 0;
  // A usable set has no empty string; kept when its shortest string is longer, or as long with fewer strings.
  const offer = (c: string[] | null) => {
    if (!c || c.length === 0 || c.length > MAX) return;
    const length = shortest(c);
    if (length === 0) return;
    if (best === null || length > bestLength || (length === bestLength && c.length < best.length)) {
      best = c;
      bestLength = length;
    }
  };
  while (r.i < r.s.length && r.peek() !== '|' && r.peek() !== ')') {
    const item = atom(r);
    const { min, max } = quantifier(r);
    if (item === 'assertion') continue;
    if (item !== 'unknown' && 'look' in item) {
      if (min > 0) offer(item.look);
      continue;
    }
    paths = extend(paths, item, min, max);
    if (item === 'unknown' || min === 0) {
      offer(run);
      run = [''];
      continue;
    }
    offer(item.need);
    const whole = item.paths?.every((p) => p.open) && max === 1;
    const next = item.paths
      ? cross(
          run,
          item.paths.map((p) => p.s),
        )
      : null;
    if (whole && next) run = next;
    else {
      offer(next ?? run);
      run = whole && item.paths ? item.paths.map((p) => p.s) : [''];
    }
  }
  offer(run);
  if (paths) offer(paths.map((p) => p.s));
  if (paths?.some((p) => !p.open && p.s.length === 0)) paths = null;
  return { paths, need: best };
}

/** The sequence's possible starts after one more item, each path stopping where it cannot be extended. */
function extend(paths: Piece | null, item: Facts | 'unknown', min: number, max: number): Piece | null {
  if (paths === null || !paths.some((p) => p.open)) return paths;
  const next: Piece = [];
  for (const p of paths) {
    if (!p.open || item === 'unknown' || item.paths === null) {
      next.push({ s: p.s, open: false });
      continue;
    }
    if (min === 0) next.push(p);
    for (const a of item.paths) {
      const s = p.s + a.s;
      if (p.s.length > 0 && a.s.length > 0 && SPACE.test(p.s[p.s.length - 1]!) && SPACE.test(a.s[0]!))
        next.push({ s: p.s, open: false });
      else next.push({ s, open: a.open && max === 1 });
    }
  }
  return next.length > GROW ? paths.map((p) => ({ s: p.s, open: false })) : next;
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
  let positive = false;
  if (r.peek() === '?') {
    const head = r.s.slice(r.i, r.i + 3);
    look = head.startsWith('?=') || head.startsWith('?!') || head === '?<=' || head === '?<!';
    positive = head.startsWith('?=') || head === '?<=';
    if (look) r.i += head.startsWith('?<') ? 3 : 2;
    else if (head.startsWith('?:')) r.i += 2;
    else if (head.startsWith('?<')) r.i = r.s.indexOf('>', r.i) + 1;
    else return 'unknown';
  }
  const inner = alternation(r);
  if (r.peek() !== ')') throw new Error(`requiredLiterals: unbalanced group in ${r.s}`);
  r.i++;
  if (look) return positive ? { look: inner.need } : 'assertion';
  return inner.paths === null && inner.need === null ? 'unknown' : inner;
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
  const strings = new Set<string>();
  for (const ch of chars) {
    const lit = literal(ch);
    if (lit === 'unknown') return 'unknown';
    strings.add(lit.need![0]!);
  }
  return { paths: [...strings].map((s) => ({ s, open: true })), need: [...strings] };
}

/** One class member: its character, or null for an escape standing for many (\d, \p{…}). */
function classChar(r: Reader): string | null {
  if (r.peek() !== '\\') {
    const ch = String.fromCodePoint(r.s.codePointAt(r.i)!);
    r.i += ch.length;
    return ch;
  }
  const item = escaped(r);
  return typeof item === 'object' && 'need' in item && item.need?.length === 1 ? item.need[0]! : null;
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
function literal(ch: string): Facts | 'unknown' {
  const lower = ch.toLowerCase();
  if (ch > '\x7f' && (lower !== ch || ch.toUpperCase() !== ch)) return 'unknown';
  const code = ch.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f || (/\s/.test(ch) && ch !== ' ')) return 'unknown';
  return { paths: [{ s: lower, open: true }], need: [lower] };
}
