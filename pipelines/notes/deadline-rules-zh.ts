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
import { parseZhNumber } from '../language/index.js';

const N = '([0-9]+|[零一二两三四五六七八九十百]+)';
const RANGE = `${N}(?:\\s*[到至~\\-－]\\s*${N})?`;
const WEEKDAY = '([一二三四五六日天])';
const WEEK = '(?:周|星期|礼拜)';

/** 一两天 / 两三天 / 三五天 are ranges; the deadline is the upper end. */
function count(first: string | undefined, second?: string): number | null {
  const s = second ?? first;
  if (s === undefined) return null;
  const pair = /^([一二两三四五六七八])([二两三四五六七八九])$/.exec(s);
  if (pair && second === undefined) {
    const [a, b] = [parseZhNumber(pair[1]!), parseZhNumber(pair[2]!)];
    if (a !== null && b !== null && b > a) return b;
  }
  return parseZhNumber(s);
}

const weekdayOf = (c: string | undefined): number => (c === '日' || c === '天' ? 7 : (parseZhNumber(c ?? '') ?? 0));
const days = (clock: Clock, n: number): Ymd => addDays(today(clock), n);

/** Chinese time phrases, each resolved to the last calendar day it allows. */
export const ZH_DEADLINE_RULES: readonly DeadlineRule[] = [
  { pattern: /大后天/g, resolve: (_, c) => days(c, 3) },
  { pattern: /后天/g, resolve: (_, c) => days(c, 2) },
  { pattern: /明天|明日|明早|明晚|明儿/g, resolve: (_, c) => days(c, 1) },
  // Same-day words, including "right away" and "later on" (马上, 稍后): the act is due today.
  {
    pattern:
      /今天|今日|今晚|今早|今儿|当天|当日|下班(?:之)?前|收工(?:之)?前|马上|立刻|立即|立马|现在就|这就|稍后|一会儿?|待会儿?|等会儿?|晚点|晚些时候|(?:上午|中午|下午|傍晚|晚上)(?!\d|[一二三四五六七八九十]点)/g,
    resolve: (_, c) => today(c),
  },
  {
    pattern: new RegExp(`下下个?${WEEK}${WEEKDAY}`, 'g'),
    resolve: (m, c) => weekdayInWeek(today(c), weekdayOf(m[1]), 2),
  },
  {
    pattern: new RegExp(`下个?${WEEK}${WEEKDAY}`, 'g'),
    resolve: (m, c) => weekdayInWeek(today(c), weekdayOf(m[1]), 1),
  },
  {
    pattern: new RegExp(`(?:这个?|本)?${WEEK}${WEEKDAY}`, 'g'),
    resolve: (m, c) => nextWeekday(today(c), weekdayOf(m[1])),
  },
  { pattern: new RegExp(`下个?${WEEK}(?:内|之内|以内)?`, 'g'), resolve: (_, c) => weekdayInWeek(today(c), 7, 1) },
  { pattern: /周末(?:前|之前|以前)/g, resolve: (_, c) => nextWeekday(today(c), 5) },
  { pattern: /(?:这个?|本)?周末/g, resolve: (_, c) => nextWeekday(today(c), 6) },
  {
    pattern: new RegExp(`(?:这个?|本)${WEEK}(?:内|之内|以内)?|${WEEK}内`, 'g'),
    resolve: (_, c) => weekdayInWeek(today(c), 7),
  },
  { pattern: new RegExp(`${N}个?${WEEK}(?:内|之内|以内|后)?`, 'g'), resolve: (m, c) => dayCount(c, count(m[1]), 7) },
  { pattern: /下个?月(?:底|末)/g, resolve: (_, c) => endOfMonth(today(c), 1) },
  { pattern: /(?:这个|本)?月(?:底|末)/g, resolve: (_, c) => endOfMonth(today(c)) },
  { pattern: /年底|年末/g, resolve: (_, c) => ({ year: c.local.year, month: 12, day: 31 }) },
  {
    pattern: new RegExp(`${N}月${N}[日号]`, 'g'),
    resolve: (m, c) => upcomingDate(today(c), count(m[1]) ?? 0, count(m[2]) ?? 0),
  },
  {
    // 15号前 / 20号之前: a day of this month, or next month once it has passed.
    pattern: new RegExp(`${N}[日号](?=前|之前|以前|当天|那天|左右)`, 'g'),
    resolve: (m, c) => dayOfMonth(c, count(m[1]) ?? 0),
  },
  {
    pattern: new RegExp(`${RANGE}\\s*个?工作日`, 'g'),
    resolve: (m, c) => {
      const n = count(m[1], m[2]);
      return n === null ? null : addBusinessDays(today(c), n);
    },
  },
  // 七天无理由 is the return policy, not a deadline.
  {
    pattern: new RegExp(`${RANGE}\\s*个?(?:天|日)(?!无理由)`, 'g'),
    resolve: (m, c) => dayCount(c, count(m[1], m[2]), 1),
  },
  {
    pattern: new RegExp(`(半|${N}\\s*个?半?)(?:个)?(?:小时|钟头)`, 'g'),
    resolve: (m, c) => {
      const whole = m[1] === '半' ? 0 : count(m[2]);
      return whole === null ? null : hoursLater(c, whole + (m[1]!.endsWith('半') ? 0.5 : 0));
    },
  },
  {
    pattern: new RegExp(`${N}分钟`, 'g'),
    resolve: (m, c) => {
      const n = count(m[1]);
      return n === null ? null : hoursLater(c, n / 60);
    },
  },
  {
    // 5点前 / 下午三点: a clock hour, so only with 前/钟/半 or a part of the day (一点 also means "a bit").
    // 今晚十点前 said at 19:40 is 22:00 today; a bare 十点前 said in the evening reads the same way.
    pattern: new RegExp(
      `(上午|中午|下午|傍晚|晚上|早上|今晚|今天晚上|今天下午|今天上午|今早)?${N}点(?:钟|半|前|之前|以前)?`,
      'g',
    ),
    resolve: (m, c) => {
      const explicit = m[1] !== undefined || /[钟半前]$/.test(m[0]);
      const hour = count(m[2]);
      if (!explicit || hour === null) return null;
      const pm = m[1] !== undefined && /下午|傍晚|晚/.test(m[1]) && hour < 12;
      const am = m[1] !== undefined && /上午|早/.test(m[1]);
      const eveningRead =
        !pm &&
        !am &&
        hour < 12 &&
        hour <= c.local.hour &&
        hour + 12 > c.local.hour &&
        (hour <= 7 || c.local.hour >= 18);
      return byHour(c, pm || eveningRead ? hour + 12 : hour);
    },
  },
];

function dayCount(c: Clock, n: number | null, unit: number): Ymd | null {
  return n === null || n > 366 ? null : addDays(today(c), n * unit);
}

function dayOfMonth(c: Clock, day: number): Ymd | null {
  const t = today(c);
  if (day < 1 || day > 31) return null;
  return day >= t.day ? upcomingDate(t, t.month, day) : upcomingDate(t, (t.month % 12) + 1, day);
}
