/**
 * Decision 0415: a shipment timed from the buyer's own order, with nobody named and no day of its
 * own, is the shop's timing policy; a commitment relayed from a colleague or the warehouse is the
 * merchant's promise (the development sets' convention), a courier's relayed arrival is a forecast.
 * Phrasings written for these tests (none is in an eval set), each beside a look-alike.
 */
import { describe, expect, it } from 'vitest';
import { check, read } from './testing/promise-lines.js';

describe('a shipment timed from the buyer’s order, nobody named, only a relative time, is policy', () => {
  check([
    ['下午四点前拍的话当天就能发出', []],
    ['预售款下单后7天内发货哦', []],
    ['亲亲 付款后48小时内发货的', []],
    ['orders ship within 48 hours of payment', []],
    ['Orders placed before 4pm ship the same day', []],
  ]);
});

describe('a named day or a person keeps it a promise', () => {
  check([
    // An addressee: the buyer's own order.
    // The buyer's order said first conditions the shipment (0905: 7 of 8 such lines in C–R, v, X, S).
    ['今天拍下明天就给您发', ['ship 2026-11-25 if']],
    ['拍下后当天给你发', ['ship if']],
    // Self: the shop commits.
    ['付款后我们48小时内发货', ['ship if']],
    ['If you order before 4pm we ship it the same day', ['ship 2026-11-24 if']],
    // A named day, nobody named.
    ['下单后明天发货', ['ship 2026-11-25 if']],
    ['Orders placed today ship Monday', ['ship 2026-11-30']],
  ]);
  it('an addressee in the words (yours) is one', () => {
    expect(read('yours ships tomorrow')).toEqual(['ship 2026-11-25']);
  });
});

describe('a relayed commitment is the merchant’s; a relayed arrival is a forecast', () => {
  check([
    ['师傅说他明天上午过去', ['visit 2026-11-25']],
    ['主管说可以给您退20块', ['refund']],
    ['the warehouse said they will send it Monday', ['ship 2026-11-30']],
    ['快递那边说是路上堵了 后天一定送到', []],
    ['the courier said it will arrive tomorrow', []],
  ]);
  it('the merchant’s own arrival commitment stays one', () => {
    expect(read('明天一定给您送到')).toEqual(['ship 2026-11-25']);
  });
});
