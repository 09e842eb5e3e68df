import { randomBytes } from 'node:crypto';

/** LiveKit-style ids (`PA_…`, `TR_…`): rtc-node rejects sids without the right prefix. */
export function newSid(prefix: 'RM' | 'PA' | 'TR' | 'AD' | 'AJ' | 'AW'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export function nowSeconds(): bigint {
  return BigInt(Math.floor(Date.now() / 1000));
}
