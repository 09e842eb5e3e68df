/**
 * Decision 0805: the shop's usual practice or the listing's stated terms are not a promise; a
 * commitment to this buyer beside them is. Phrasings written for these tests (none is in an eval
 * set), each beside a look-alike.
 */
import { describe } from 'vitest';
import { check } from './testing/promise-lines.js';

describe('usual practice said with a generic we, and the listing’s terms, promise nothing', () => {
  check([
    ['我们这边一般是付款后72小时内发货的哦', []],
    ['咱们店通常是三天内发出的', []],
    ['详情页上写的是20天内发货哈', []],
    // 给您 with the habit's own span is still the habit.
    ['我们这边通常48小时内给您发货', []],
    ['我们仓库正常是三天内发货的', []],
    ["We'll usually ship within 3 business days.", []],
    ['We generally dispatch the same day for orders before noon', []],
  ]);
});

describe('a commitment to this buyer beside the usual practice is a promise', () => {
  check([
    ['一般是三天内发货 您这个我今天就给您发', ['ship 2026-11-24']],
    ['详情页写的是20天内发货 不过小妹明天给您优先发', ['ship 2026-11-25']],
    ['我们一般三天内发货，这单我们明天给您寄出', ['ship 2026-11-25']],
    ["Usually it's three days, but I'll ship yours out tomorrow", ['ship 2026-11-25']],
    ["We'd normally wait for the return, but I'll refund you today", ['refund 2026-11-24']],
    ['我们明天正常给您发货', ['ship 2026-11-25']],
  ]);
});
