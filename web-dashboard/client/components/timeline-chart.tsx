import { useEffect, useRef, useState } from 'react';
import { formatCalendarDay } from '../../shared/summary-text.js';
import { useLang, useT } from '../i18n.js';

export interface TimelineDay {
  day: string;
  flags: number;
  upheld: number;
  overturned: number;
}

const H = 180;
const PAD = { left: 32, right: 8, top: 8, bottom: 24 };
const SERIES = [
  { key: 'flags', label: 'chartFlags', color: '#2563eb' },
  { key: 'upheld', label: 'chartUpheld', color: '#b45309' },
  { key: 'overturned', label: 'chartOverturned', color: '#dc2626' },
] as const;

/**
 * Flags, upheld decisions and overturns per day as an SVG line chart, with the numbers in a table
 * for screen readers. Drawn at the width it is shown at (not scaled from a fixed box), so its
 * labels stay 11 px on a 390 px phone.
 */
export function TimelineChart({ days }: { days: TimelineDay[] }) {
  const t = useT();
  const lang = useLang();
  // A day as the page's language writes it ("12月7日", "Dec 7"), the year only when it isn't this one.
  const day = (d: string) => formatCalendarDay(d, lang, new Date().getFullYear());
  const box = useRef<HTMLElement>(null);
  const [W, setW] = useState(640);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const seen = new ResizeObserver(([e]) => e && setW(Math.max(200, Math.round(e.contentRect.width))));
    seen.observe(el);
    return () => seen.disconnect();
  }, []);
  const max = Math.max(1, ...days.flatMap((d) => [d.flags, d.upheld, d.overturned]));
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, days.length - 1);
  const y = (v: number) => H - PAD.bottom - (v * (H - PAD.top - PAD.bottom)) / max;
  return (
    <figure className="chart" ref={box}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby="chart-cap">
        {[0, max / 2, max].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e5e7eb" />
            <text x={PAD.left - 4} y={y(v) + 4} textAnchor="end" fontSize="11">
              {Math.round(v)}
            </text>
          </g>
        ))}
        {days.length > 0 &&
          [0, days.length - 1].map((i) => (
            <text key={i} x={x(i)} y={H - 6} textAnchor={i === 0 ? 'start' : 'end'} fontSize="11">
              {day(days[i]!.day)}
            </text>
          ))}
        {SERIES.map((s) => (
          <polyline
            key={s.key}
            fill="none"
            stroke={s.color}
            strokeWidth="2"
            points={days.map((d, i) => `${x(i)},${y(d[s.key])}`).join(' ')}
          />
        ))}
      </svg>
      <figcaption id="chart-cap">
        {t('chartTotals')}
        {t('colon')}
        {SERIES.map((s) => (
          <span key={s.key} className="legend">
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" /> {t(s.label)}{' '}
            {days.reduce((n, d) => n + d[s.key], 0)}
          </span>
        ))}
      </figcaption>
      <details>
        <summary>{t('chartByDay')}</summary>
        <table className="small">
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              {SERIES.map((s) => (
                <th key={s.key} scope="col">
                  {t(s.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days
              .filter((d) => d.flags || d.upheld || d.overturned)
              .map((d) => (
                <tr key={d.day}>
                  <td>{day(d.day)}</td>
                  <td>{d.flags}</td>
                  <td>{d.upheld}</td>
                  <td>{d.overturned}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
