import { useEffect, useState } from 'react';
import { useT, When } from '../i18n.js';
import { usePromiseUpdates, untilDue } from '../promise-updates.js';
import { Link } from '../router.js';
import type { LedgerPromise } from '../types.js';
import { useData } from '../use-data.js';

const SOON_MS = 24 * 3600_000;

/** Ticks once a minute (countdowns are in minutes). */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function Countdown({ dueAt, now }: { dueAt: string; now: number }) {
  const t = useT();
  const { minutes, overdue } = untilDue(dueAt, now);
  // Past two days, minutes are noise: "3 天 4 小时", not "76 小时 12 分".
  const hours = Math.floor(minutes / 60);
  const time =
    hours >= 48
      ? t('daysHours', { d: Math.floor(hours / 24), h: hours % 24 })
      : t('hoursMinutes', { h: hours, m: minutes % 60 });
  return <span className={overdue ? 'badge bad' : 'badge'}>{t(overdue ? 'overdueBy' : 'dueIn', { time })}</span>;
}

/** A deadline as a moderator triages it: the time left first, then the time it is due. */
export function DueCell({ dueAt, now }: { dueAt: string; now: number }) {
  return (
    <>
      <Countdown dueAt={dueAt} now={now} />{' '}
      <span className="muted small">
        <When at={dueAt} />
      </span>
    </>
  );
}

/** The merchant's reminder on the live and calls pages: open promises due within a day, or overdue. */
export function DueSoon() {
  const t = useT();
  const now = useNow();
  usePromiseUpdates();
  const open = useData<LedgerPromise[]>('/api/promises?status=open&limit=200');
  const soon = (open.data ?? []).filter((p) => p.dueAt && new Date(p.dueAt).getTime() - now < SOON_MS);
  if (soon.length === 0) return null;
  return (
    <aside className="card due-soon" role="status" aria-label={t('dueSoon', { count: soon.length })}>
      <div className="row spread">
        <strong>{t('dueSoon', { count: soon.length })}</strong>
        <Link href="/promises">{t('viewLedger')}</Link>
      </div>
      <ul className="plain">
        {soon.slice(0, 3).map((p) => (
          <li key={p.id}>
            <Countdown dueAt={p.dueAt!} now={now} /> “{p.text}”
          </li>
        ))}
      </ul>
    </aside>
  );
}
