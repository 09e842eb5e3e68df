/**
 * Calendar arithmetic in the call's time zone. A zone is an IANA name ("Asia/Shanghai") or a
 * fixed offset ("+08:00", "Z"), because `kefu analyze --started-at` gives an ISO offset and
 * Node 20's Intl does not accept offsets as zones.
 */

/** A calendar date with no zone attached; months 1-12. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export interface LocalTime extends Ymd {
  hour: number;
  minute: number;
}

const OFFSET = /^(?:Z|UTC|GMT|([+-])(\d{2}):?(\d{2}))$/i;

/** Whether `timeZone` is an IANA zone or offset this module can use. */
export function isValidTimeZone(timeZone: string): boolean {
  if (OFFSET.test(timeZone)) return true;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock time of `instant` in `timeZone`. */
// Building an Intl.DateTimeFormat costs far more than using one; every deadline reads the clock.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string, seconds = false): Intl.DateTimeFormat {
  const key = seconds ? `${timeZone}|s` : timeZone;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      ...(seconds ? { second: 'numeric' } : {}),
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f;
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const fixed = OFFSET.exec(timeZone);
  const shift = fixed
    ? (fixed[1] ? (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) : 0) * 60_000
    : offsetAt(instant.getTime(), timeZone);
  if (shift === null) {
    const parts = formatterFor(timeZone).formatToParts(instant);
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
  }
  const shifted = new Date(instant.getTime() + shift);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

// Formatting a date in a zone is the slow part of reading the clock, and every promise clause reads
// it: the zone's offset is read once per quarter hour of time instead (zones change offset at most
// once in a quarter hour, checked at both ends; a quarter hour holding a change is formatted).
const QUARTER_HOUR = 15 * 60_000;
const OFFSETS_KEPT = 64;
const FIRST_MS = Date.UTC(1000, 0, 2);
const LAST_MS = Date.UTC(9999, 11, 30);
const offsets = new Map<string, Map<number, number | null>>();

function offsetAt(ms: number, timeZone: string): number | null {
  // Outside years 1000–9999 (Date.UTC's two-digit years, eras) the formatter is read directly.
  if (!(ms >= FIRST_MS && ms < LAST_MS)) return null;
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    const start = bucket * QUARTER_HOUR;
    const first = zoneOffset(start, timeZone);
    offset = first === zoneOffset(start + QUARTER_HOUR - 1000, timeZone) ? first : null;
    if (zone.size >= OFFSETS_KEPT) zone.delete(zone.keys().next().value!);
    zone.set(bucket, offset);
  }
  return offset;
}

/** The zone's offset from UTC at `ms` (a whole second), to the second. */
function zoneOffset(ms: number, timeZone: string): number {
  const f = formatterFor(timeZone, true);
  const parts = f.formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - ms;
}

function toUtc(d: Ymd): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

function fromUtc(date: Date): Ymd {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: Ymd, days: number): Ymd {
  return fromUtc(new Date(toUtc(d).getTime() + days * 86_400_000));
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(d: Ymd): number {
  return toUtc(d).getUTCDay() || 7;
}

/** `days` working days after `d`, skipping Saturdays and Sundays (public holidays are not known). */
export function addBusinessDays(d: Ymd, days: number): Ymd {
  let out = d;
  for (let left = days; left > 0; ) {
    out = addDays(out, 1);
    if (isoWeekday(out) <= 5) left--;
  }
  return out;
}

/** The given ISO weekday in the week of `d` (weeks run Monday to Sunday), shifted by whole weeks. */
export function weekdayInWeek(d: Ymd, weekday: number, weeksAhead = 0): Ymd {
  return addDays(d, weekday - isoWeekday(d) + 7 * weeksAhead);
}

/** The next `weekday` on or after `d`. */
export function nextWeekday(d: Ymd, weekday: number): Ymd {
  return addDays(d, (weekday - isoWeekday(d) + 7) % 7);
}

export function endOfMonth(d: Ymd, monthsAhead = 0): Ymd {
  return fromUtc(new Date(Date.UTC(d.year, d.month + monthsAhead, 0)));
}

/** `month`/`day` on or after `from`: this year if still to come, else next year. */
export function upcomingDate(from: Ymd, month: number, day: number): Ymd | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const thisYear = { year: from.year, month, day };
  if (fromUtc(toUtc(thisYear)).day !== day) return null;
  return compareYmd(thisYear, from) >= 0 ? thisYear : { year: from.year + 1, month, day };
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return toUtc(a).getTime() - toUtc(b).getTime();
}

/** The inverse of formatYmd: "2026-12-06" as a date. */
export function parseYmd(date: string): Ymd {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function formatYmd(d: Ymd): string {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}
