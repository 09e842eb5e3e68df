import { compareYmd, formatYmd, parseYmd } from './calendar.js';
import { type Clock, clockAt, type DeadlineRule } from './deadline-clock.js';
import { deadlineRules } from './deadline-resolvers.js';
import {
  type Clause,
  foldWidth,
  gateForm,
  type LineAnalysis,
  LiteralGate,
  memoByText,
  requiredLiterals,
  regexMatches,
} from '../language/index.js';

export interface DeadlineMatch {
  /** YYYY-MM-DD in the call's time zone. */
  date: string;
  start: number;
  end: number;
}

/**
 * Every time phrase in `text` resolved to a calendar date, as said at `now` in `timeZone`.
 * Overlapping phrases keep the longest ("下周一" over "周一", "大后天" over "后天").
 */
export function findDeadlines(text: string, now: Date, timeZone: string): DeadlineMatch[] {
  return deadlinesAt(text, clockAt(now, timeZone));
}

let gated: { rules: readonly DeadlineRule[]; gate: LiteralGate } | undefined;
/** The rules behind one literal gate: a clause is matched only against rules one of whose literals it holds. */
function gatedRules(): { rules: readonly DeadlineRule[]; gate: LiteralGate } {
  if (gated) return gated;
  const rules = deadlineRules();
  gated = { rules, gate: new LiteralGate(rules.map((r) => requiredLiterals(r.pattern))) };
  return gated;
}

/** A time phrase found in a text, before the clock resolves it. */
interface Phrase {
  start: number;
  end: number;
  match: RegExpExecArray;
  rule: DeadlineRule;
}

/**
 * The time phrases of a text, overlaps settled (the longest wins, whether or not it resolves): they
 * depend on the words alone, so a clause said again in the call is not matched again.
 */
const phrasesOf = memoByText((text: string): readonly Phrase[] => {
  const folded = foldWidth(text);
  const found: Phrase[] = [];
  const { rules, gate } = gatedRules();
  const may = gate.candidates(gateForm(folded));
  for (let i = 0; i < rules.length; i++) {
    if (!may[i]) continue;
    const rule = rules[i]!;
    for (const m of regexMatches(rule.pattern, folded)) {
      found.push({ start: m.index, end: m.index + m[0].length, match: m, rule });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Phrase[] = [];
  for (const f of found) {
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
});

function deadlinesAt(text: string, clock: Clock): DeadlineMatch[] {
  const out: DeadlineMatch[] = [];
  for (const p of phrasesOf(text)) {
    const ymd = p.rule.resolve(p.match, clock);
    if (ymd !== null) out.push({ date: formatYmd(ymd), start: p.start, end: p.end });
  }
  return out;
}

/**
 * The deadline a clause sets: the latest date among its time phrases ("今天申请，3个工作日内到账"
 * is due in three working days), or null when it names no time.
 */
export function resolveDeadline(text: string, now: Date, timeZone: string): DeadlineMatch | null {
  return latest(deadlinesAt(text, clockAt(now, timeZone)));
}

/**
 * The deadline each of a line's clauses sets (see `resolveDeadline`), read once per line: the
 * clock is read once, and every engine that needs a clause's time takes it from here. Each clause
 * is read in the layer's normalised text, so chat spellings count as the words they stand for
 * ("ill send it 2moro" is due tomorrow); offsets are mapped back into the clause as said.
 */
export function clauseDeadlines(
  line: Pick<LineAnalysis, 'clauses' | 'norm' | 'toOriginal'>,
  now: Date,
  timeZone: string,
  /** Time phrases that set no deadline in their clause (time gone by: 已经十五天了). */
  skip?: (clause: Clause, phrase: DeadlineMatch) => boolean,
): (DeadlineMatch | null)[] {
  const clock = clockAt(now, timeZone);
  return line.clauses.map((c) => {
    const [s, e] = c.nspan;
    const said = deadlinesAt(line.norm.slice(s, e), clock).map((d) => {
      const [from, to] = line.toOriginal(s + d.start, s + d.end);
      return { ...d, start: from - c.span[0], end: to - c.span[0] };
    });
    return latest(said.filter((d) => !skip?.(c, d)));
  });
}

/** The latest date said; of phrases for the same day, the last said ("I'll cancel it now and put the refund through today": today, not now; 0905). */
function latest(found: readonly DeadlineMatch[]): DeadlineMatch | null {
  let best: DeadlineMatch | null = null;
  for (const d of found) {
    const order = best ? compareYmd(parseYmd(d.date), parseYmd(best.date)) : 1;
    if (order > 0 || (order === 0 && best !== null && d.start > best.start)) best = d;
  }
  return best;
}
