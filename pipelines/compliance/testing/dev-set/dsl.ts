import type { FlagCategory, SpeakerRole } from '../../../../core/domain.js';
import type { Case } from '../cases.js';

/**
 * The compliance development set: lines written in the register of real chats (not with the
 * rules open), each category with violations and hard negatives that share its words. A line is
 * the merchant's unless it starts with "c: "; " // " separates the lines of one fragment, and the
 * verdict is about the last one.
 */
export interface DevCase extends Case {
  category: FlagCategory;
  language: 'zh' | 'en';
}

export function devCases(
  category: FlagCategory,
  language: 'zh' | 'en',
  violations: string[],
  negatives: string[],
): DevCase[] {
  const parse = (entry: string): [SpeakerRole, string][] =>
    entry.split(' // ').map((l) => (l.startsWith('c: ') ? ['customer', l.slice(3)] : ['merchant', l]));
  return [
    ...violations.map((e) => ({ category, language, lines: parse(e), expect: category })),
    ...negatives.map((e) => ({ category, language, lines: parse(e), expect: null })),
  ];
}
