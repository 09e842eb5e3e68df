import { describe, expect, it } from 'vitest';
import { formatCalendarDay, readableDays, readableSummary } from './summary-text.js';

const titles: Record<string, string> = { 'zh.fresh.partial': '坏果包赔', 'en.electronics.defect': 'Defective item' };
const titleOf = (id: string) => titles[id];

describe("a summary as a person reads it: titles for policy ids, the summary's own way of writing a day", () => {
  it('writes a Chinese summary’s deadline as 12月8日 and names the policy', () => {
    const text = '处理：建议方案为按比例部分退款 ¥11.97（依据 zh.fresh.partial）。待办承诺：商家退款（2026-12-08前）。';
    expect(readableSummary(text, 'zh', titleOf, '2026-12-07T02:56:00Z')).toBe(
      '处理：建议方案为按比例部分退款 ¥11.97（依据坏果包赔）。待办承诺：商家退款（12月8日前）。',
    );
  });

  it('writes an English summary’s deadline as Dec 8, with the year when it is not the call’s', () => {
    const text =
      'Resolution: recommended refund (per en.electronics.defect). Open promises: merchant to ship (by 2027-01-04).';
    expect(readableSummary(text, 'en', titleOf, '2026-12-30T10:00:00Z')).toBe(
      'Resolution: recommended refund (per Defective item). Open promises: merchant to ship (by Jan 4, 2027).',
    );
  });

  it('leaves an unknown policy id for the browser tests to catch, and never moves a day across time zones', () => {
    expect(readableSummary('依据 zh.no.such', 'zh', titleOf)).toBe('依据 zh.no.such');
    // Formatted in UTC from noon: the day named, whatever the reader's zone.
    expect(formatCalendarDay('2026-12-08', 'en', 2026)).toBe('Dec 8');
    expect(formatCalendarDay('2026-12-08', 'zh', 2025)).toBe('2026年12月8日');
    expect(formatCalendarDay('not a day', 'zh')).toBe('not a day');
    // A statement sent before days were written out still reads as a day.
    expect(readableDays('可在 2027-06-07 前免费申诉', 'zh')).toBe('可在 2027年6月7日 前免费申诉');
  });
});
