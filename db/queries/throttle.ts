import type { Queryable } from '../client.js';

export interface ThrottleRow {
  key: string;
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date;
  locked: boolean;
}

export async function getThrottles(q: Queryable, keys: string[]): Promise<ThrottleRow[]> {
  return q<ThrottleRow[]>`select * from sign_in_throttle where key in ${q(keys)}`;
}

/**
 * Counts one failure for `key` at `at` (restarting the count when the last one is older than the
 * window) and blocks it for the delay the new count earns. `at` is the app's clock, the one the
 * check reads: the database's now() is another host's clock, and the start of its transaction.
 */
export async function countFailure(
  q: Queryable,
  key: string,
  policy: { windowMinutes: number; delaySeconds: (failures: number) => number; lockAfter: number | null },
  at: Date,
): Promise<ThrottleRow> {
  const [current] = await q<{ failures: number }[]>`
    select case when last_failure_at > ${at}::timestamptz - make_interval(mins => ${policy.windowMinutes})
      then failures else 0 end as failures
    from sign_in_throttle where key = ${key} for update`;
  const failures = (current?.failures ?? 0) + 1;
  const locked = policy.lockAfter !== null && failures >= policy.lockAfter;
  const [row] = await q<ThrottleRow[]>`
    insert into sign_in_throttle (key, failures, last_failure_at, blocked_until, locked)
    values (${key}, ${failures}, ${at}, ${at}::timestamptz + make_interval(secs => ${policy.delaySeconds(failures)}), ${locked})
    on conflict (key) do update set failures = excluded.failures, last_failure_at = excluded.last_failure_at,
      blocked_until = excluded.blocked_until, locked = sign_in_throttle.locked or excluded.locked
    returning *`;
  return row!;
}

export async function clearThrottle(q: Queryable, key: string): Promise<boolean> {
  const rows = await q`delete from sign_in_throttle where key = ${key} returning key`;
  return rows.length > 0;
}
