import { KefuError, RetryLaterError } from '../../core/errors.js';
import type { Queryable } from '../../db/client.js';
import { clearThrottle, countFailure, getThrottles } from '../../db/queries/throttle.js';

/**
 * Sign-in throttling (decision 0170): a few free failures, then a delay that doubles with each
 * further failure, per account and per client address; an account that keeps failing is locked
 * until an admin lifts it. Keys are counted whether or not the email exists.
 */
export const THROTTLE = {
  /** Per account; an address (an office behind one NAT) gets more before it waits. */
  freeFailures: 3,
  freeAddressFailures: 10,
  maxDelaySeconds: 15 * 60,
  lockAccountAfter: 10,
  windowMinutes: 60,
} as const;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/** 0 for the free failures, then 1 s, 2 s, 4 s … up to 15 min. */
export function delaySeconds(failures: number, free: number = THROTTLE.freeFailures): number {
  if (failures <= free) return 0;
  return Math.min(THROTTLE.maxDelaySeconds, 2 ** Math.min(30, failures - free - 1));
}

/** Refuses before any password is checked when either key is blocked or the account is locked. */
export async function assertMayTry(q: Queryable, email: string, address: string): Promise<void> {
  const rows = await getThrottles(q, [accountKey(email), addressKey(address)]);
  if (rows.some((r) => r.locked)) {
    throw new KefuError('ACCOUNT_LOCKED', 'This account is locked after repeated failed sign-ins; ask an admin.');
  }
  const wait = Math.max(0, ...rows.map((r) => (r.blockedUntil.getTime() - Date.now()) / 1000));
  if (wait > 0) {
    throw new RetryLaterError('RATE_LIMITED', 'Too many failed sign-ins; wait before trying again.', wait);
  }
}

/** Counts a failure against both keys; says whether this failure locked the account. */
export async function recordFailure(
  q: Queryable,
  email: string,
  address: string,
  at: Date = new Date(),
): Promise<{ locked: boolean }> {
  const windowMinutes = THROTTLE.windowMinutes;
  const account = await countFailure(
    q,
    accountKey(email),
    {
      windowMinutes,
      delaySeconds: (n) => delaySeconds(n),
      lockAfter: THROTTLE.lockAccountAfter,
    },
    at,
  );
  await countFailure(
    q,
    addressKey(address),
    {
      windowMinutes,
      delaySeconds: (n) => delaySeconds(n, THROTTLE.freeAddressFailures),
      lockAfter: null,
    },
    at,
  );
  return { locked: account.locked && account.failures === THROTTLE.lockAccountAfter };
}

/** A right password clears the account's count (the address's count decays on its own). */
export async function recordSuccess(q: Queryable, email: string): Promise<void> {
  await clearThrottle(q, accountKey(email));
}

/** The accounts (by email) whose sign-in is locked until an admin lifts it. */
export async function lockedEmails(q: Queryable, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await getThrottles(q, emails.map(accountKey));
  return new Set(rows.filter((r) => r.locked).map((r) => r.key.slice('account:'.length)));
}

export async function liftLock(q: Queryable, email: string): Promise<boolean> {
  return clearThrottle(q, accountKey(email));
}
