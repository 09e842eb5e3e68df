import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { classifyUtterance } from './issue.js';
import { merchantSays } from './testing/settle.js';

// Decision 0825. Phrasings written for these tests; none comes from an evaluation set or the probes.
describe('words of this decision', () => {
  eachMapsTo('%s → %s', merchantSays, [
    ["I've approved the $75, you'll see it on your card in a few days", 'settled refund'],
    ["I've approved the $20 store credit for you", 'settled coupon'],
  ]);
  const top = (text: string) => classifyUtterance(text)[0]?.kind ?? null;
  eachMapsTo('%s → %s', top, [
    ['绘本缺页 第十二页没有', 'damaged'],
    ['I ordered the blue linen duvet cover in queen size and got a twin', 'wrong_item'],
  ]);
});
