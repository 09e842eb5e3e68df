import { type LabelKind, labelText } from '../../../shared/labels.js';

/** RFC 4180: every field quoted, quotes doubled; a leading =+-@ is defused so a spreadsheet never runs it. */
export function toCsv(header: string[], rows: unknown[][]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
    return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`;
  };
  // The byte-order mark is what makes Excel read the file as UTF-8 (without it, Chinese is mojibake).
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/**
 * How an export writes its cells for one reader: codes as the dashboard's labels, times in the
 * reader's zone as a spreadsheet reads a date ("2026-12-07 14:04:05"), a share as a percentage.
 */
export function cellWriter(lang: 'zh' | 'en', timeZone: string) {
  const stamp = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const zoneName =
    new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { timeZone, timeZoneName: 'long' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return {
    label: (kind: LabelKind, code: string | null | undefined) => (code ? labelText(kind, code, lang) : ''),
    time: (d: Date | null | undefined) => (d ? stamp.format(d) : ''),
    percent: (x: number | null | undefined) => (x === null || x === undefined ? '' : `${Math.round(x * 100)}%`),
    /** A column's header; a time column's names the zone its times are in: "开始时间（中国标准时间）". */
    header: (column: string, isTime = false) => {
      const name = labelText('exportColumn', column, lang);
      return isTime ? (lang === 'zh' ? `${name}（${zoneName}）` : `${name} (${zoneName})`) : name;
    },
  };
}
