/**
 * Decision 0385: a clause that only says the act will be finished dates the promise before it; the
 * shop's technician contacting the buyer is a call back; a choice a reply will settle is no option
 * offered; nouns that name no act (shipping partner, 退货地址, a platform pop-up). Phrasings written
 * for these tests (none is in an eval set), each beside a look-alike that must read differently.
 */
import { describe, expect, it } from 'vitest';
import { check, read } from './testing/promise-lines.js';

describe('a clause that only finishes the act before it gives that act its date', () => {
  check([
    ['在平台给您退款，明天之前处理好', ['refund 2026-11-25']],
    ['给您补发一个 今天处理', ['ship 2026-11-24']],
    // Alone, a dated completion still holds the merchant to something (the vague rule's exception).
    ['今天给您处理好', ['other 2026-11-24']],
  ]);
});

describe("the shop's technician contacting the buyer is a call back", () => {
  check([
    ['售后师傅会在二十四小时内跟您联系 安排上门检测', ['callback 2026-11-25', 'visit']],
    ['师傅上门前会打您留的那个手机号', ['callback']],
    ['师傅那边 呃 提前一天会给您 call 一下确认', ['callback 2026-11-25']],
  ]);
  it('the buyer told to contact the shop, or a number read out, is none', () => {
    expect(read('有问题您随时跟小妹联系哈')).toEqual([]);
    expect(read('师傅的电话是尾号8874')).toEqual([]);
  });
});

describe('a choice after a check or a reply is the one it will settle, not options offered', () => {
  check([
    ['技术那边48小时内会给您回电 看是远程处理还是寄修', ['callback 2026-11-26']],
    ['小妹问下仓库 看是补发还是退款', ['follow_up']],
  ]);
  it('the same choice put to the buyer is still an offer', () => {
    expect(read('您看是远程处理还是寄修呢')).toEqual([]);
    expect(read('我们可以给您补发，或者全额退款')).toEqual([]);
  });
});

describe('nouns that name no act', () => {
  check([
    ["I'll check with our shipping partner and get back to you", ['follow_up', 'callback']],
    ['退货地址在订单详情里可以看到哦', []],
    ['您会收到平台的确认弹窗', []],
  ]);
  it('the act itself still reads', () => {
    expect(read("I'll ship the replacement tomorrow")).toEqual(['ship 2026-11-25']);
    expect(read('您会收到一个包裹')).toEqual(['ship']);
  });
});
