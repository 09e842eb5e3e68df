/**
 * Decision 0595: a buyer who states the problem as a confirming negative question (这不是坏了吗,
 * "isn't that broken?") is stating it; a 不是 that denies (不是质量问题) still negates it.
 * Phrasings written for these tests.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { analyzeLine } from '../language/index.js';
import { kindsOf } from './issue-cues.js';

const kinds = (text: string) => kindsOf(analyzeLine(text), 'customer')[0].map((k) => k.kind);

describe('a problem stated as a confirming question is stated', () => {
  eachMapsTo('%s → %j', kinds, [
    ['屏幕这不是都碎了吗', ['damaged']],
    ['包裹里不是少了一双吗', ['missing_item']],
    ["Isn't the zipper broken though?", ['damaged']],
  ]);
});

describe('look-alikes: the problem denied', () => {
  eachMapsTo('%s → %j', kinds, [
    ['屏幕没碎', []],
    ['应该不是质量问题吧', []],
    ["The zipper isn't broken.", []],
  ]);
});
