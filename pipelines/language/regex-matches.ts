/**
 * `text.matchAll(re)` without its copy of `re`. `matchAll` runs on a clone (the RegExp species
 * constructor), which finds its compiled code only through V8's compilation cache; a major GC
 * empties that cache, and the clone of a large lexicon or rule alternation (/iu, thousands of
 * characters) is then compiled again: tens of milliseconds on one line, a cost the warm-up
 * cannot pay ahead. Running `exec` on `re` itself keeps the code compiled (and warmed) once.
 * Same matches, same order; `re.lastIndex` is where it was before (decision 0280).
 */
export function* regexMatches(re: RegExp, text: string): Generator<RegExpExecArray, void, undefined> {
  if (!re.global) throw new TypeError(`regexMatches needs a global RegExp: /${re.source}/${re.flags}`);
  const from = re.lastIndex;
  const unicode = re.unicode || re.flags.includes('v');
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      // As matchAll: an empty match moves on by one character (a whole surrogate pair under /u).
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, unicode);
      yield m;
    }
  } finally {
    re.lastIndex = from;
  }
}

/**
 * After an empty match of a global `re` ending at `re.lastIndex`, moves `re.lastIndex` on as
 * matchAll does: for loops that call `exec` themselves on a hot path, where a generator costs.
 */
export function stepPastEmpty(re: RegExp, text: string): void {
  re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
}

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const first = text.charCodeAt(at);
  const second = text.charCodeAt(at + 1);
  return first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff ? at + 2 : at + 1;
}
