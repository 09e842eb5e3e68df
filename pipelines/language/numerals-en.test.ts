import { describe, expect, it } from 'vitest';
import { parseEnNumber } from './numerals-en.js';
import { eachMapsTo } from '../../test/table.js';

describe('parseEnNumber', () => {
  eachMapsTo('%s = %d', parseEnNumber, [
    ['twelve', 12],
    ['twenty-four', 24],
    ['twenty four', 24],
    ['a hundred', 100],
    ['one hundred and twenty-eight', 128],
    ['two thousand three hundred', 2300],
    ['fifty', 50],
    ['1,280.50', 1280.5],
    ['12', 12],
    ['zero', 0],
    ['an hundred', 100],
    ['a', 1],
    ['three thousand and five', 3005],
  ]);

  it.each(['', 'five twelve', 'twenty thirty', 'fifteen six', 'dollars'])('rejects %j', (input) => {
    expect(parseEnNumber(input)).toBeNull();
  });
});
