import type { Queryable } from '../../db/client.js';
import { type LedgerPromise, setPromiseTerms } from '../../db/queries/promise-ledger.js';
import { findAmounts } from '../notes/index.js';
import { promiseRules } from './rules.js';

/**
 * Fixes what a just-stored promise will be checked against: the sum its own words name (the
 * largest, in the currency said; the same reading `promiseKey` uses), its order, and its due time
 * — the day said, or the platform's default for its action (promise rules) when no time was said.
 * An action no rule checks (escalate, other) gets no default and is never due.
 */
export async function openPromise(q: Queryable, promiseId: string, text: string, action: LedgerPromise['action']) {
  const sums = findAmounts(text).sort((a, b) => b.value - a.value);
  const rule = promiseRules().get(action);
  return setPromiseTerms(q, promiseId, {
    amount: sums[0]?.value ?? null,
    currency: sums[0]?.currency ?? null,
    defaultHours: rule?.defaultDueHours ?? null,
  });
}
