import { addDays, localTime, type LocalTime, type Ymd } from './calendar.js';

/** The moment a line was said, in the call's zone: what relative times are resolved against. */
export interface Clock {
  now: Date;
  timeZone: string;
  local: LocalTime;
}

export function clockAt(now: Date, timeZone: string): Clock {
  return { now, timeZone, local: localTime(now, timeZone) };
}

export function today(clock: Clock): Ymd {
  return { year: clock.local.year, month: clock.local.month, day: clock.local.day };
}

/** The local date `hours` after now: "within 48 hours" said at 23:00 ends on the third day. */
export function hoursLater(clock: Clock, hours: number): Ymd {
  const t = localTime(new Date(clock.now.getTime() + hours * 3_600_000), clock.timeZone);
  return { year: t.year, month: t.month, day: t.day };
}

/** "by 5" / "5点前": today, or tomorrow when that hour has already passed. */
export function byHour(clock: Clock, hour: number): Ymd | null {
  if (hour < 0 || hour > 24) return null;
  return hour > clock.local.hour ? today(clock) : addDays(today(clock), 1);
}

export interface DeadlineRule {
  pattern: RegExp;
  resolve(match: RegExpExecArray, clock: Clock): Ymd | null;
}
