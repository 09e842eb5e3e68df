import type { Queryable } from '../client.js';

/** `and <alias>.merchant_id = …` when the reader is bound to one merchant. */
export function merchantFilter(q: Queryable, alias: string, merchantId: string | null) {
  return merchantId === null ? q`` : q`and ${q(alias)}.merchant_id = ${merchantId}`;
}

export const ids = (one: string | readonly string[]): string[] => (typeof one === 'string' ? [one] : [...one]);
