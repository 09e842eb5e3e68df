/**
 * Decision 0565: an act offered on the buyer's wish (需要的话, 愿意的话, if you'd like) is an option
 * the buyer has not taken up, not a promise; a condition on an event or on the buyer's act still
 * makes a conditional promise; a refund done whose payout posts later is owed. Phrasings written for
 * these tests (none is in an eval set), each beside a look-alike that must read differently.
 */
import { describe } from 'vitest';
import { check } from './testing/promise-lines.js';

describe("an act offered on the buyer's wish is no promise", () => {
  check([
    ['您需要的话 小妹把说明书电子版发您', []],
    ['亲 如果您愿意等的话 我们给您补一张十元券', []],
    ["If you'd like, we can send a second charger out", []],
    ['I can knock $20 off the next order if you want', []],
    // a condition on an event or on the buyer's own act stays a conditional promise
    ['您寄回来的话 我们收到就给您换新的', ['ship if']],
    ["if the part doesn't fit, we'll send the other size", ['ship if']],
    // no condition at all: the plain promise
    ['小妹明天给您补发一个', ['ship 2026-11-25']],
  ]);
});

describe('a refund said done whose payout posts later is owed', () => {
  check([
    ["I've refunded the $26, it'll post to your card within 2 business days", ['refund 2026-11-26']],
    // an estimate of when refunds usually land is no promise
    ['Refunds usually post in 3-5 days', []],
  ]);
});

describe('a wish that asks the buyer to act first keeps the promise that waits on it', () => {
  check([["If you want, email the receipt to us and I'll pass it to our security team", ['escalate if']]]);
});
