import {
  addBusinessDays,
  addDays,
  endOfMonth,
  nextWeekday,
  upcomingDate,
  weekdayInWeek,
  type Ymd,
} from './calendar.js';
import { byHour, hoursLater, today, type Clock, type DeadlineRule } from './deadline-clock.js';
import { EN_TENS, EN_UNITS, parseEnNumber } from '../language/index.js';

const WORDS = [...Object.keys(EN_TENS), ...Object.keys(EN_UNITS)].join('|');
const N = `(\\d+|a couple of|a couple|an?|(?:${WORDS})(?:[\\s-](?:${WORDS}))?)`;
const RANGE = `${N}(?:\\s*(?:-|to|or)\\s*${N})?`;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY = `(${WEEKDAYS.join('|')})`;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORD = '(\\d{1,2})(?:st|nd|rd|th)?';

function count(first: string | undefined, second?: string): number | null {
  const s = (second ?? first)?.toLowerCase();
  if (s === undefined) return null;
  if (s.startsWith('a couple')) return 2;
  return parseEnNumber(s);
}

const weekdayOf = (s: string | undefined): number => WEEKDAYS.indexOf((s ?? '').toLowerCase()) + 1;
const monthOf = (s: string | undefined): number => MONTHS.indexOf((s ?? '').slice(0, 3).toLowerCase()) + 1;
const days = (c: Clock, n: number | null, unit = 1): Ymd | null =>
  n === null || n > 366 ? null : addDays(today(c), n * unit);

/** English time phrases, each resolved to the last calendar day it allows. */
export const EN_DEADLINE_RULES: readonly DeadlineRule[] = [
  { pattern: /\b(?:the\s+)?day\s+after\s+tomorrow\b/gi, resolve: (_, c) => days(c, 2) },
  { pattern: /\btomorrow\b|\btmr\b/gi, resolve: (_, c) => days(c, 1) },
  {
    // Same-day words, including "right away": the act is due today.
    pattern:
      /\btoday\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b|\b(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+)?day\b|\beod\b|\blater\s+today\b|\b(?:right\s+|straight\s+)?after\s+(?:this|the|our)\s+call\b|\bbefore\s+(?:i|we)\s+(?:log\s+off|sign\s+off|clock\s+out|head\s+out|leave)(?:\s+(?:today|tonight))?\b|\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:my|the)\s+shift\b|\bright\s+(?:now|away)\b|\bimmediately\b|\bstraight\s+away\b|\bshortly\b|\bin\s+a\s+(?:few\s+|couple\s+(?:of\s+)?)?(?:minutes?|moments?|sec(?:ond)?s?)\b|(?<!\bfor\s)\bnow\b(?!\s*[,，])/gi,
    resolve: (_, c) => today(c),
  },
  {
    pattern: new RegExp(`\\bnext\\s+${WEEKDAY}\\b`, 'gi'),
    resolve: (m, c) => weekdayInWeek(today(c), weekdayOf(m[1]), 1),
  },
  { pattern: new RegExp(`\\b${WEEKDAY}\\b`, 'gi'), resolve: (m, c) => nextWeekday(today(c), weekdayOf(m[1])) },
  {
    pattern: /\b(?:the\s+)?end\s+of\s+(?:the|this)\s+week\b|\bbefore\s+the\s+weekend\b/gi,
    resolve: (_, c) => nextWeekday(today(c), 5),
  },
  { pattern: /\b(?:this|the)\s+weekend\b/gi, resolve: (_, c) => nextWeekday(today(c), 6) },
  { pattern: /\b(?:this|within\s+the)\s+week\b/gi, resolve: (_, c) => weekdayInWeek(today(c), 7) },
  { pattern: /\bnext\s+week\b/gi, resolve: (_, c) => weekdayInWeek(today(c), 7, 1) },
  { pattern: new RegExp(`\\b${N}\\s+weeks?\\b`, 'gi'), resolve: (m, c) => days(c, count(m[1]), 7) },
  { pattern: /\b(?:the\s+)?end\s+of\s+next\s+month\b/gi, resolve: (_, c) => endOfMonth(today(c), 1) },
  { pattern: /\b(?:the\s+)?end\s+of\s+(?:the|this)\s+month\b/gi, resolve: (_, c) => endOfMonth(today(c)) },
  {
    pattern: new RegExp(`\\b${MONTH}\\.?\\s+${ORD}\\b`, 'gi'),
    resolve: (m, c) => upcomingDate(today(c), monthOf(m[1]), Number(m[2])),
  },
  {
    pattern: new RegExp(`\\b${ORD}\\s+(?:of\\s+)?${MONTH}\\b`, 'gi'),
    resolve: (m, c) => upcomingDate(today(c), monthOf(m[2]), Number(m[1])),
  },
  {
    pattern: /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b/gi,
    resolve: (m, c) => {
      const t = today(c);
      const day = Number(m[1]);
      return day >= t.day ? upcomingDate(t, t.month, day) : upcomingDate(t, (t.month % 12) + 1, day);
    },
  },
  {
    pattern: new RegExp(`\\b${RANGE}\\s+(?:business|working)\\s+days?\\b`, 'gi'),
    resolve: (m, c) => {
      const n = count(m[1], m[2]);
      return n === null ? null : addBusinessDays(today(c), n);
    },
  },
  { pattern: /\ba\s+day\s+or\s+two\b/gi, resolve: (_, c) => days(c, 2) },
  { pattern: new RegExp(`\\b${RANGE}\\s+days?\\b`, 'gi'), resolve: (m, c) => days(c, count(m[1], m[2])) },
  { pattern: /\bwithin\s+the\s+hour\b/gi, resolve: (_, c) => hoursLater(c, 1) },
  {
    pattern: new RegExp(`\\b${RANGE}\\s+(?:hours?|hrs?)\\b`, 'gi'),
    resolve: (m, c) => {
      const n = count(m[1], m[2]);
      return n === null ? null : hoursLater(c, n);
    },
  },
  {
    pattern: new RegExp(`\\b${RANGE}\\s+(?:minutes?|mins?)\\b`, 'gi'),
    resolve: (m, c) => {
      const n = count(m[1], m[2]);
      return n === null ? null : hoursLater(c, n / 60);
    },
  },
  {
    pattern: /\b(?:by|before|at|until|till)\s+(\d{1,2})(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?|o'?clock)(?!\w)/gi,
    resolve: (m, c) => {
      const hour = Number(m[1]);
      return byHour(c, /^p/i.test(m[2]!) && hour < 12 ? hour + 12 : hour);
    },
  },
];
