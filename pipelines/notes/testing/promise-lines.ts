import { expect, it } from 'vitest';
import type { SpeakerRole } from '../../../core/domain.js';
import { findPromisesInLine } from '../promises.js';

/** Tuesday 2026-11-24, 10:00 in Shanghai: the day the promise tests' deadlines count from. */
export const ctx = { startedAt: new Date('2026-11-24T02:00:00Z'), timeZone: 'Asia/Shanghai' };

/** A promise as the tests write it: "refund 2026-11-25", "ship if". */
export const show = (p: { action: string; deadline: string | null; conditional: boolean }) =>
  `${p.action}${p.deadline ? ` ${p.deadline}` : ''}${p.conditional ? ' if' : ''}`;

/** The promises one line holds, read alone. */
export const read = (text: string, speaker: SpeakerRole = 'merchant') =>
  findPromisesInLine({ speaker, text, startMs: 0, endMs: 1000 }, 0, ctx).map(show);

export type Case = [string, string[]];

/** One test per line: the merchant's line reads as exactly these promises. */
export const check = (cases: Case[]) => it.each(cases)('%s', (text, expected) => expect(read(text)).toEqual(expected));
