/**
 * Decision 0595: a promise restated as a confirming negative question (不是说好明天给您退款吗) is a
 * question, not a new promise; a refusal whose 不是 denies the cause stays a refusal. Phrasings
 * written for these tests.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { findPromises } from './promises.js';
import { ctx, show } from './testing/promise-lines.js';

const promises = (text: string) =>
  findPromises([{ speaker: 'merchant' as const, text, startMs: 0, endMs: 4000 }], ctx).map(show);

describe('a confirming question restating a promise owes nothing new', () => {
  eachMapsTo('%s → %j', promises, [
    ['咱们不是讲好周五前给您补寄吗', []],
    ['这边不是已经帮您登记退款了吗', []],
    ["Didn't we say the replacement ships Friday?", []],
  ]);
});

describe('look-alikes: a denial keeps the refusal a refusal', () => {
  eachMapsTo('%s → %j', promises, [
    ['不是我们不给您补寄 是仓库没货了', []],
    ["It isn't a defect, so we can't refund it", []],
  ]);
});
