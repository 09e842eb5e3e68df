import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { refundByRate } from './quantities.js';

// Decision 0880. Phrasings written for these tests; none comes from an evaluation set or the probe.
describe('a refund worked out from a rate and a count', () => {
  eachMapsTo('%s → %s', refundByRate, [
    ['坏了三盒 一盒12块 给您退36元', 36],
    ['剩下两周按每周45 给您退90', 90],
    ["they're $8 each so I'll refund $32 for the four", 32],
    // no count said, a sum that is no multiple, or a price and its discount (hard negatives)
    ['原价200 给您退100', null],
    ['一盒12块 给您退30元', null],
    ['the lamp was $40 and I can refund $80 if both break', null],
  ]);
});
