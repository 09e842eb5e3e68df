import { describe, expect, it } from 'vitest';
import { offsetMinutes, parseStartedAt, zoneForOffset } from './time.js';

describe('parseStartedAt', () => {
  it('keeps the instant and takes the zone from the offset', () => {
    const r = parseStartedAt('2026-11-23T23:30:00+08:00', 'UTC');
    expect(r.at.toISOString()).toBe('2026-11-23T15:30:00.000Z');
    expect(r.timeZone).toBe('Etc/GMT-8');
    expect(offsetMinutes(r.timeZone, r.at)).toBe(480);
  });

  it('reads a time without offset as wall-clock time in the fallback zone, across DST', () => {
    expect(parseStartedAt('2026-07-01T09:00:00', 'America/Los_Angeles').at.toISOString()).toBe(
      '2026-07-01T16:00:00.000Z',
    );
    expect(parseStartedAt('2026-12-01T09:00', 'America/Los_Angeles').at.toISOString()).toBe('2026-12-01T17:00:00.000Z');
  });

  it('maps Z, negative and fractional offsets', () => {
    expect(zoneForOffset('Z')).toBe('UTC');
    expect(zoneForOffset('-05:00')).toBe('Etc/GMT+5');
    expect(offsetMinutes(zoneForOffset('+05:30'), new Date('2026-01-01T00:00:00Z'))).toBe(330);
  });

  it('names what is wrong with a bad time', () => {
    expect(() => parseStartedAt('yesterday', 'UTC')).toThrow('--started-at "yesterday" is not an ISO 8601 time');
    expect(() => parseStartedAt('2026-13-45T10:00:00+08:00', 'UTC')).toThrow('not a real date');
  });
});
