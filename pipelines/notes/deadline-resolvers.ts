/**
 * Time phrases as data (data/deadlines.json): each rule's pattern and the resolver that turns a
 * match into the last calendar day it allows. This file holds only the resolvers (calendar
 * arithmetic); every word and pattern is in the data file.
 */
import { z } from 'zod';
import { parseEnNumber, parseZhNumber } from '../language/index.js';
import {
  addBusinessDays,
  addDays,
  endOfMonth,
  nextWeekday,
  upcomingDate,
  weekdayInWeek,
  type Ymd,
} from './calendar.js';
import { byHour, type Clock, type DeadlineRule, hoursLater, today } from './deadline-clock.js';
import { compilePattern } from '../language/knowledge-file.js';
import { readKnowledge } from './knowledge-file.js';

const Group = z.number().int().positive();
const Rule = z
  .object({
    id: z.string().min(1),
    lang: z.enum(['zh', 'en']),
    pattern: z.string().min(1),
    flags: z.string(),
    note: z.string().optional(),
  })
  .and(
    z.discriminatedUnion('resolve', [
      z.object({ resolve: z.literal('offset'), days: z.number().int() }),
      z.object({ resolve: z.literal('today') }),
      z.object({ resolve: z.literal('weekday'), group: Group, weeks: z.number().int() }),
      z.object({ resolve: z.literal('nextWeekday'), group: Group.optional(), weekday: z.number().int().optional() }),
      z.object({ resolve: z.literal('weekEnd'), weeks: z.number().int() }),
      z.object({ resolve: z.literal('count'), group: Group, group2: Group.optional(), unit: z.number().int() }),
      z.object({ resolve: z.literal('monthEnd'), months: z.number().int() }),
      z.object({ resolve: z.literal('yearEnd') }),
      z.object({ resolve: z.literal('monthDay'), month: Group, day: Group }),
      z.object({ resolve: z.literal('dayOfMonth'), group: Group }),
      z.object({ resolve: z.literal('businessDays'), group: Group, group2: Group.optional() }),
      z.object({ resolve: z.literal('hours'), hours: z.number() }),
      z.object({ resolve: z.literal('hoursCount'), group: Group, group2: Group.optional(), scale: z.number() }),
      z.object({ resolve: z.literal('zhHours') }),
      z.object({
        resolve: z.literal('zhClock'),
        explicitEndings: z.array(z.string()),
        pmWords: z.array(z.string()),
        amWords: z.array(z.string()),
      }),
      z.object({ resolve: z.literal('enClock'), pmWords: z.array(z.string()) }),
    ]),
  );
const DeadlinesSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    description: z.string().optional(),
    rules: z.array(Rule).min(1),
    names: z
      .object({
        weekdays: z.object({ zh: z.array(z.string()).length(7), en: z.array(z.string()).length(7) }).strict(),
        sundayAlso: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }).strict(),
        months: z.object({ en: z.array(z.string()).length(12) }).strict(),
        couple: z.object({ en: z.array(z.string()) }).strict(),
        note: z.string().optional(),
      })
      .strict(),
  })
  .strict();
type Spec = z.infer<typeof Rule>;
type Names = z.infer<typeof DeadlinesSchema>['names'];

/** 一两天 / 两三天 / 三五天 are ranges; "2-3 days" too: the deadline is the upper end. */
function count(lang: 'zh' | 'en', names: Names, first: string | undefined, second?: string): number | null {
  const s = second ?? first;
  if (s === undefined) return null;
  if (lang === 'en') {
    const lower = s.toLowerCase();
    return names.couple.en.some((c) => lower.startsWith(c)) ? 2 : parseEnNumber(lower);
  }
  const chars = [...s];
  const han = chars.every((c) => c < '0' || c > '9');
  if (second === undefined && chars.length === 2 && han) {
    const [a, b] = chars.map((c) => parseZhNumber(c));
    if (a != null && b != null && a >= 1 && b > a && b <= 9) return b;
  }
  return parseZhNumber(s);
}

function weekdayOf(lang: 'zh' | 'en', names: Names, word: string | undefined): number {
  const w = (word ?? '').toLowerCase();
  if (names.sundayAlso[lang].includes(w)) return 7;
  return names.weekdays[lang].indexOf(w) + 1;
}

const monthOf = (names: Names, word: string | undefined): number =>
  names.months.en.indexOf((word ?? '').slice(0, 3).toLowerCase()) + 1;

function dayCount(c: Clock, n: number | null, unit: number): Ymd | null {
  return n === null || n > 366 ? null : addDays(today(c), n * unit);
}

function dayOfMonth(c: Clock, day: number | null): Ymd | null {
  const t = today(c);
  if (day === null || day < 1 || day > 31) return null;
  return day >= t.day ? upcomingDate(t, t.month, day) : upcomingDate(t, (t.month % 12) + 1, day);
}

function resolver(spec: Spec, names: Names): DeadlineRule['resolve'] {
  const n = (m: RegExpExecArray, g: number, g2?: number) =>
    count(spec.lang, names, m[g], g2 === undefined ? undefined : m[g2]);
  switch (spec.resolve) {
    case 'offset':
      return (_, c) => addDays(today(c), spec.days);
    case 'today':
      return (_, c) => today(c);
    case 'weekday':
      return (m, c) => weekdayInWeek(today(c), weekdayOf(spec.lang, names, m[spec.group]), spec.weeks);
    case 'nextWeekday':
      return (m, c) => nextWeekday(today(c), spec.weekday ?? weekdayOf(spec.lang, names, m[spec.group ?? 1]));
    case 'weekEnd':
      return (_, c) => weekdayInWeek(today(c), 7, spec.weeks);
    case 'count':
      return (m, c) => dayCount(c, n(m, spec.group, spec.group2), spec.unit);
    case 'monthEnd':
      return (_, c) => endOfMonth(today(c), spec.months);
    case 'yearEnd':
      return (_, c) => ({ year: c.local.year, month: 12, day: 31 });
    case 'monthDay':
      return spec.lang === 'en'
        ? (m, c) => upcomingDate(today(c), monthOf(names, m[spec.month]), Number(m[spec.day]))
        : (m, c) => upcomingDate(today(c), n(m, spec.month) ?? 0, n(m, spec.day) ?? 0);
    case 'dayOfMonth':
      return (m, c) => dayOfMonth(c, spec.lang === 'en' ? Number(m[spec.group]) : n(m, spec.group));
    case 'businessDays':
      return (m, c) => {
        const k = n(m, spec.group, spec.group2);
        return k === null ? null : addBusinessDays(today(c), k);
      };
    case 'hours':
      return (_, c) => hoursLater(c, spec.hours);
    case 'hoursCount':
      return (m, c) => {
        const k = n(m, spec.group, spec.group2);
        return k === null ? null : hoursLater(c, k * spec.scale);
      };
    case 'zhHours':
      // 半小时 / 两个半小时 / 3小时: group 1 is the whole phrase before the unit, group 2 its number.
      return (m, c) => {
        const half = m[1]!.endsWith('半');
        const whole = m[1] === '半' ? 0 : n(m, 2);
        return whole === null ? null : hoursLater(c, whole + (half ? 0.5 : 0));
      };
    case 'zhClock':
      return (m, c) => {
        const part = m[1];
        const explicit = part !== undefined || spec.explicitEndings.some((e) => m[0].endsWith(e));
        const hour = n(m, 2);
        if (!explicit || hour === null) return null;
        const pm = part !== undefined && spec.pmWords.some((w) => part.includes(w)) && hour < 12;
        const am = part !== undefined && spec.amWords.some((w) => part.includes(w));
        const eveningRead =
          !pm &&
          !am &&
          hour < 12 &&
          hour <= c.local.hour &&
          hour + 12 > c.local.hour &&
          (hour <= 7 || c.local.hour >= 18);
        return byHour(c, pm || eveningRead ? hour + 12 : hour);
      };
    case 'enClock':
      return (m, c) => {
        // "by 3pm" in chat, "by three pm" in a speech transcript.
        const hour = parseEnNumber(m[1]!);
        if (hour === null) return null;
        const pm = spec.pmWords.some((w) => m[2]!.toLowerCase().split(' ').filter(Boolean).join(' ').startsWith(w));
        return byHour(c, pm && hour < 12 ? hour + 12 : hour);
      };
  }
}

let loaded: DeadlineRule[] | undefined;
/** Every rule of data/deadlines.json, compiled once; errors name the rule. */
export function deadlineRules(): readonly DeadlineRule[] {
  if (loaded) return loaded;
  const { rules, names } = readKnowledge('deadlines.json', DeadlinesSchema);
  loaded = rules.map((spec) => {
    const flags = spec.flags.includes('g') ? spec.flags : `${spec.flags}g`;
    const pattern = compilePattern('deadlines.json', spec.id, spec.pattern, flags);
    return { pattern, resolve: resolver(spec, names) };
  });
  return loaded;
}
