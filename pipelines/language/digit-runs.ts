import { analyzeLine } from './analyze.js';
import { digitRunsKnowledge } from './digit-runs-data.js';
import { foldWidth } from './normalize.js';
import { spokenDigits } from './numbers.js';
import { EN_TENS, EN_UNITS } from './numerals-en.js';
import { ZH_DIGITS } from './numerals-zh.js';
import { blankMasks } from './query.js';
import { memoByText } from './text-memo.js';

/**
 * A number said or typed digit by digit: "2406-1158-7736-219", "二四零六幺幺五八", "four eight
 * two seven", "double five", or a mix, possibly broken by a short pause ("240611，嗯，587736219").
 */
export interface DigitRun {
  digits: string;
  start: number;
  end: number;
  /** Digit counts between pauses or dashes: [3, 4, 4] for "138 1234 5678". */
  chunks: number[];
}

const EN_DIGIT_WORD = `zero|oh|o|${Object.keys(EN_UNITS)
  .filter((w) => w !== 'ten')
  .join('|')}|${Object.keys(EN_TENS).join('|')}`;

let token: RegExp | undefined;
/**
 * One step of the scanner: digits (typed, Han, English words), a space, a dash or a pause
 * (data/digit-runs.json). Not sticky: a search from a position also finds where the next token starts,
 * so the text between is one break, not one per character.
 */
function tokenPattern(): RegExp {
  const { pause, dash } = digitRunsKnowledge();
  token ??= new RegExp(
    [...DIGIT_ALTERNATIVES, '(?<space>[ \\t]+)', `(?<dash>${dash.source})`, `(?<pause>${pause.source})`].join('|'),
    'giu',
  );
  return token;
}

/** The scanner's digit alternatives: a line none of them matches anywhere holds no run. */
const DIGIT_ALTERNATIVES = [
  '(?<ascii>[0-9]+)',
  `(?<zh>[${Object.keys(ZH_DIGITS).join('')}])`,
  `(?<en>\\b(?:(?:double|triple)\\s+)?(?:${EN_DIGIT_WORD})(?:-(?:${Object.keys(EN_UNITS).slice(1, 10).join('|')}))?\\b)`,
];
const ANY_DIGIT = new RegExp(DIGIT_ALTERNATIVES.join('|'), 'iu');

let notDigitsPattern: RegExp | undefined;

interface Token {
  kind: 'digit' | 'space' | 'dash' | 'pause' | 'break';
  start: number;
  end: number;
  digits: string;
  script: 'ascii' | 'han' | 'en' | null;
  /** "twenty", "thirty"…: a following unit word fills its zero ("twenty four" is 24). */
  tens: boolean;
  /** Spoken "oh"/"o": zero only inside a number. */
  oh?: boolean;
}

/** Dates and clock times are never order numbers: blanked (same length) before scanning. */
function withoutDates(text: string): string {
  notDigitsPattern ??= new RegExp(digitRunsKnowledge().notDigits, 'giu');
  return foldWidth(text).replace(notDigitsPattern, (m) => '§'.repeat(m.length));
}

function tokenize(masked: string): Token[] {
  const TOKEN = tokenPattern();
  const tokens: Token[] = [];
  // Characters no token starts at form one break: to the readers below, a stretch of them is one.
  let breakFrom = -1;
  const flushBreak = (to: number) => {
    if (breakFrom >= 0)
      tokens.push({ kind: 'break', start: breakFrom, end: to, digits: '', script: null, tens: false });
    breakFrom = -1;
  };
  for (let i = 0; i < masked.length; ) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(masked);
    const at = m ? m.index : masked.length;
    if (at > i || (m && !m[0])) {
      if (breakFrom < 0) breakFrom = i;
      i = at > i ? at : i + 1;
      continue;
    }
    flushBreak(i);
    const g = m!.groups!;
    const start = i;
    const end = i + m![0].length;
    if (g.ascii) tokens.push({ kind: 'digit', start, end, digits: g.ascii, script: 'ascii', tens: false });
    else if (g.zh)
      tokens.push({ kind: 'digit', start, end, digits: String(ZH_DIGITS[g.zh]), script: 'han', tens: false });
    else if (g.en) {
      const word = g.en.toLowerCase();
      const tens = EN_TENS[word] !== undefined;
      const oh = word === 'o' || word === 'oh';
      tokens.push({ kind: 'digit', start, end, digits: spokenDigits(g.en) ?? '', script: 'en', tens, oh });
    } else {
      const kind = g.space ? 'space' : g.dash ? 'dash' : 'pause';
      tokens.push({ kind, start, end, digits: '', script: null, tens: false });
    }
    i = end;
  }
  flushBreak(masked.length);
  return tokens;
}

/** Token `i` follows a digit after only a short pause, and a digit follows it. */
function resumesNumber(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && tokens[j]!.kind === 'space') j--;
  if (j < 0 || tokens[j]!.kind !== 'pause') return false;
  j--;
  while (j >= 0 && tokens[j]!.kind === 'space') j--;
  if (j < 0 || tokens[j]!.kind !== 'digit') return false;
  let k = i + 1;
  while (k < tokens.length && tokens[k]!.kind === 'space') k++;
  return k < tokens.length && tokens[k]!.kind === 'digit';
}

/** Token `i` ("oh") is followed, across spaces only, by at least `ohOpensRun` spoken single digits. */
function opensLongRun(tokens: readonly Token[], i: number): boolean {
  const need = digitRunsKnowledge().ohOpensRun;
  let n = 0;
  for (let k = i + 1; k < tokens.length && n < need; k++) {
    const t = tokens[k]!;
    if (t.kind === 'space') continue;
    if (t.kind !== 'digit' || t.script !== 'en' || t.digits.length !== 1 || t.tens) return false;
    n++;
  }
  return n >= need;
}

interface Group extends DigitRun {
  /** Token index just after the group. */
  next: number;
}

/**
 * Across a space (not a dash), a typed chunk longer than `maxSpacedChunk` is a whole number: an
 * order id followed by its price ("5521907734128806 188的") is two numbers, not one — and so is an
 * id followed by a word that opens with a digit of another script ("订单7810293364 一共89欧").
 */
function standsAlone(cur: Group, prev: Token, t: Token, gap: readonly Token[]): boolean {
  if (gap.length === 0 || gap.some((g) => g.kind === 'dash')) return false;
  if (prev.script !== 'ascii' && t.script !== 'ascii') return false;
  const max = digitRunsKnowledge().maxSpacedChunk;
  return (prev.script === 'ascii' && cur.chunks.at(-1)! > max) || (t.script === 'ascii' && t.digits.length > max);
}

/** Digits joined by nothing, spaces or dashes; spaces split chunks only between typed digits. */
function groups(tokens: Token[]): Group[] {
  const out: Group[] = [];
  let cur: Group | null = null;
  let prev: Token | null = null;
  let gap: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'space' || t.kind === 'dash') {
      if (cur) gap.push(t);
      continue;
    }
    // A spoken "oh" only counts as zero inside a number, never to open one ("Oh, it's …"), except
    // for a chunk right after a pause in a number that goes on ("nine one, oh oh three, six two")
    // or before a long spoken run ("oh four four two one nine", an id with its leading zero).
    if (t.kind !== 'digit' || (!cur && t.oh === true && !resumesNumber(tokens, i) && !opensLongRun(tokens, i))) {
      if (cur) out.push(cur);
      cur = null;
      prev = null;
      gap = [];
      continue;
    }
    if (cur && prev && standsAlone(cur, prev, t, gap)) {
      out.push(cur);
      cur = null;
    }
    if (!cur || !prev) {
      cur = { digits: t.digits, start: t.start, end: t.end, chunks: [t.digits.length], next: i + 1 };
    } else if (
      prev.tens &&
      t.script === 'en' &&
      t.digits.length === 1 &&
      t.digits !== '0' &&
      !gap.some((g) => g.kind === 'dash')
    ) {
      cur.digits = cur.digits.slice(0, -1) + t.digits;
    } else {
      const typed = prev.script === 'ascii' && t.script === 'ascii';
      const split = gap.some((g) => g.kind === 'dash') || (typed && gap.length > 0);
      if (split) cur.chunks.push(t.digits.length);
      else cur.chunks[cur.chunks.length - 1]! += t.digits.length;
      cur.digits += t.digits;
    }
    cur.end = t.end;
    cur.next = i + 1;
    prev = t;
    gap = [];
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Speech-to-text often writes a number read digit by digit as a list: "3, 0, 9, 1, 7, 7". Single
 * digits each separated by exactly one comma, at least `listedDigitsMin` of them, are one group.
 */
function commaLists(source: string, tokens: readonly Token[], gs: Group[]): Group[] {
  const folded = foldWidth(source);
  const { listSeparator, listedDigitsMin } = digitRunsKnowledge();
  const out: Group[] = [];
  let chain: Group[] = [];
  const flush = (): void => {
    if (chain.length >= listedDigitsMin) {
      const first = chain[0]!;
      const last = chain.at(-1)!;
      out.push({
        digits: chain.map((c) => c.digits).join(''),
        start: first.start,
        end: last.end,
        chunks: [chain.length],
        next: last.next,
      });
    } else out.push(...chain);
    chain = [];
  };
  for (const g of gs) {
    const prev = chain.at(-1);
    const between = prev ? tokens.filter((t) => t.start >= prev.end && t.end <= g.start) : [];
    const oneComma =
      between.length > 0 &&
      between.every(
        (t) => t.kind === 'space' || (t.kind === 'pause' && listSeparator.test(folded.slice(t.start, t.end))),
      ) &&
      between.filter((t) => t.kind === 'pause').length === 1;
    if (g.digits.length !== 1 || (prev && !oneComma)) flush();
    if (g.digits.length === 1) chain.push(g);
    else out.push(g);
  }
  flush();
  return out;
}

/**
 * Every digit run in `text`, with spans into it. Groups separated by a short pause ("240611，嗯，
 * 587736219") are one run when they read as chunks of one number: each at least 2 digits, at most
 * 24 together, the second not a price or quantity, and not two numbers long enough to stand alone.
 */
export function findDigitRuns(line: string): readonly DigitRun[] {
  return digitRunsOf(line);
}

const digitRunsOf = memoByText((line: string): readonly DigitRun[] => {
  // Digits inside a link, an e-mail or a handle (archive timestamps, listing ids) are no run.
  const a = analyzeLine(line);
  // Words the language layer knows hold no number (一下, 一直, "one moment") are blanked too.
  let text = blankMasks(a);
  for (const m of a.matches) {
    if (m.class === 'not_number')
      text = text.slice(0, m.span[0]) + '\ufffc'.repeat(m.span[1] - m.span[0]) + text.slice(m.span[1]);
  }
  const masked = withoutDates(text);
  // Most lines hold no digit of any script: no token can start a run, so none is scanned.
  if (!ANY_DIGIT.test(masked)) return [];
  const tokens = tokenize(masked);
  const { unitAfter, maxJoined, maxPauseGap } = digitRunsKnowledge();
  const runs: DigitRun[] = [];
  for (const g of commaLists(text, tokens, groups(tokens))) {
    const last = runs[runs.length - 1];
    const between = last ? tokens.filter((t) => t.start >= last.end && t.end <= g.start) : [];
    const pauseOnly = between.length > 0 && between.every((t) => t.kind === 'pause' || t.kind === 'space');
    const pauses = between.filter((t) => t.kind === 'pause').length;
    if (
      last &&
      pauseOnly &&
      pauses > 0 &&
      pauses <= 3 &&
      g.start - last.end <= maxPauseGap &&
      last.digits.length >= 2 &&
      g.digits.length >= 2 &&
      last.digits.length + g.digits.length <= maxJoined &&
      !(last.digits.length >= 10 && g.digits.length >= 10) &&
      !unitAfter.test(text.slice(g.end))
    ) {
      last.digits += g.digits;
      last.chunks.push(...g.chunks);
      last.end = g.end;
      continue;
    }
    runs.push({ digits: g.digits, start: g.start, end: g.end, chunks: [...g.chunks] });
  }
  return runs;
});
