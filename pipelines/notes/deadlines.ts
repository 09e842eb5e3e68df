import { compareYmd, formatYmd, type Ymd } from './calendar.js';
import { type Clock, clockAt } from './deadline-clock.js';
import { deadlineRules } from './deadline-resolvers.js';
import { foldWidth, gateForm, LiteralGate, requiredLiterals } from '../language/index.js';

export interface DeadlineMatch {
  /** YYYY-MM-DD in the call's time zone. */
  date: string;
  start: number;
  end: number;
}

let gate: LiteralGate | undefined;

/**
 * Every time phrase in `text` resolved to a calendar date, as said at `now` in `timeZone`.
 * Overlapping phrases keep the longest ("下周一" over "周一", "大后天" over "后天").
 */
export function findDeadlines(text: string, now: Date, timeZone: string): DeadlineMatch[] {
  const folded = foldWidth(text);
  const rules = deadlineRules();
  // Most clauses name no time: a rule runs only where its literals occur, the clock only on a match.
  gate ??= new LiteralGate(rules.map((r) => requiredLiterals(r.pattern)));
  const may = gate.candidates(gateForm(folded));
  let clock: Clock | undefined;
  const found: { start: number; end: number; ymd: Ymd | null }[] = [];
  for (const [i, rule] of rules.entries()) {
    if (may[i] === 0) continue;
    for (const m of folded.matchAll(rule.pattern)) {
      clock ??= clockAt(now, timeZone);
      found.push({ start: m.index, end: m.index + m[0].length, ymd: rule.resolve(m, clock) });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: typeof found = [];
  for (const f of found) {
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  return kept
    .filter((k): k is { start: number; end: number; ymd: Ymd } => k.ymd !== null)
    .sort((a, b) => a.start - b.start)
    .map((k) => ({ date: formatYmd(k.ymd), start: k.start, end: k.end }));
}

/**
 * The deadline a clause sets: the latest date among its time phrases ("今天申请，3个工作日内到账"
 * is due in three working days), or null when it names no time.
 */
export function resolveDeadline(text: string, now: Date, timeZone: string): DeadlineMatch | null {
  let best: DeadlineMatch | null = null;
  for (const d of findDeadlines(text, now, timeZone)) {
    if (!best || compareYmd(parse(d.date), parse(best.date)) > 0) best = d;
  }
  return best;
}

function parse(date: string): Ymd {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}
