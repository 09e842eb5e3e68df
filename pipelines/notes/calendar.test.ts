import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localTime } from './calendar.js';

/** The wall clock as the zone's formatter reads it: what localTime must always agree with. */
function formatted(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

// Daylight saving (both hemispheres), half-hour and 45-minute offsets, a 30-minute DST shift,
// a zone that skipped a whole day (Pacific/Apia, 2011) and one with historic local mean time.
const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Apia',
  'Africa/Monrovia',
];

describe('localTime', () => {
  it('reads the same wall clock as the zone formatter, across offset changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1890, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (zone, ms) => {
          expect(localTime(new Date(ms), zone)).toEqual(formatted(new Date(ms), zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is right on every minute around a daylight-saving change', () => {
    // New York sprang forward at 2026-03-08 07:00 UTC and falls back at 2026-11-01 06:00 UTC.
    for (const change of [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6)]) {
      for (let ms = change - 40 * 60_000; ms <= change + 40 * 60_000; ms += 59_000) {
        expect(localTime(new Date(ms), 'America/New_York')).toEqual(formatted(new Date(ms), 'America/New_York'));
      }
    }
    expect(localTime(new Date(Date.UTC(2026, 2, 8, 6, 59)), 'America/New_York').hour).toBe(1);
    expect(localTime(new Date(Date.UTC(2026, 2, 8, 7, 0)), 'America/New_York').hour).toBe(3);
  });
});
