import { KefuError } from './errors.js';

// Offsets that are not whole hours have no Etc/GMT zone; these zones keep them all year.
const FRACTIONAL_OFFSET_ZONES: Record<string, string> = {
  '+03:30': 'Asia/Tehran',
  '+04:30': 'Asia/Kabul',
  '+05:30': 'Asia/Kolkata',
  '+05:45': 'Asia/Kathmandu',
  '+06:30': 'Asia/Yangon',
  '+09:30': 'Australia/Darwin',
  '-03:30': 'America/St_Johns',
  '-09:30': 'Pacific/Marquesas',
};

const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An ISO 8601 start time and the time zone it was written in. "2026-11-23T10:00:00+08:00" is in
 * UTC+8 (as Etc/GMT-8: the Etc names invert the sign); without an offset the wall-clock time is
 * read in `fallbackZone`.
 */
export function parseStartedAt(iso: string, fallbackZone: string): { at: Date; timeZone: string } {
  const m = ISO.exec(iso.trim());
  if (!m) {
    throw new KefuError(
      'INPUT_INVALID',
      `--started-at "${iso}" is not an ISO 8601 time such as 2026-11-23T10:00:00+08:00`,
    );
  }
  const [, date, time, offset] = m;
  if (!offset) {
    const wall = new Date(`${date}T${time}Z`);
    const at = new Date(wall.getTime() - offsetMinutes(fallbackZone, wall) * 60_000);
    return { at, timeZone: fallbackZone };
  }
  const at = new Date(iso.trim());
  if (Number.isNaN(at.getTime())) throw new KefuError('INPUT_INVALID', `--started-at "${iso}" is not a real date`);
  return { at, timeZone: zoneForOffset(offset) };
}

export function zoneForOffset(offset: string): string {
  if (offset === 'Z' || offset === '+00:00' || offset === '-00:00') return 'UTC';
  const [h, min] = offset.slice(1).split(':').map(Number) as [number, number];
  if (min === 0) return `Etc/GMT${offset[0] === '+' ? '-' : '+'}${h}`;
  const zone = FRACTIONAL_OFFSET_ZONES[offset];
  if (!zone) throw new KefuError('INPUT_INVALID', `No time zone has the offset ${offset}`);
  return zone;
}

/** Minutes `zone` is ahead of UTC at `at`. */
export function offsetMinutes(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}
