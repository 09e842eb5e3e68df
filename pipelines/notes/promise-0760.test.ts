/**
 * Decision 0760: the call before a visit said in more ways (text you the day before, 打您留的这个号码,
 * 打電話俾你); a trace with a carrier named by its brand; checking with a party named without an
 * article; "come back to you"; a party told to call (让物流公司…给您回电话) is a callback, not the
 * party's trade; the buyer's returned goods received as the event; a purpose after the act (so
 * you're not waiting) refuses nothing; "we'd" under an if; a $15 code, popping a credit on the
 * account; "it should be back on your card" as a payout. Phrasings written for these tests (none is
 * in an eval set). The call starts 2026-11-24 10:00 Asia/Shanghai (a Tuesday).
 */
import { describe } from 'vitest';
import { check } from './testing/promise-lines.js';

describe('the call before the visit, said by the one who comes', () => {
  check([
    ['The fitter will text you the night before with a time window', ['callback']],
    ['好的 师傅出门前会打您留的这个号码', ['callback']],
    ['師傅去之前會打電話俾你', ['callback']],
    // waiting for the technician's check is the condition of a remedy, no visit of its own
    ['等师父检测完 确认是质量问题 我们给您换新', ['ship if']],
  ]);
});

describe('checks and traces with a party named any way', () => {
  check([
    [
      "I'll raise a trace with Parcelforce and come back to you by Thursday",
      ['follow_up 2026-11-26', 'callback 2026-11-26'],
    ],
    ["I'll check with DPD and update you tomorrow", ['follow_up 2026-11-25', 'callback 2026-11-25']],
    ['小妹帮您跟顺丰那边核实 有结果马上告诉您', ['follow_up', 'callback']],
    // the buyer asked to check is no promise
    ['Please check with your bank first', []],
  ]);
});

describe('a party told to call back is a callback', () => {
  check([['亲 小妹让物流公司明天上午给您回电话 约一下送货时间', ['callback 2026-11-25']]]);
});

describe("the buyer's goods received, the event an act waits on", () => {
  check([
    ['仓库收到您退回的鞋子 三个工作日内给您退款', ['refund if']],
    ['快递取走之后 我们当天给您把新的寄出', ['ship if']],
    // a message received is no event
    ['收到您的照片了 明天给您补发', ['ship 2026-11-25']],
  ]);
});

describe('a purpose after the act refuses nothing; "we\'d" under an if', () => {
  check([
    ["I'll send out a new blender today so you're not stuck waiting on the refund", ['ship 2026-11-24']],
    ["If the courier can't find it by Friday, we'd reship it at no charge", ['ship if']],
    // the shop's terms over purchases stay a policy
    ["If the price drops within 30 days of your purchase, we'd refund the difference", []],
  ]);
});

describe('codes and credits given, payouts on the card', () => {
  check([
    ["I'll email you a $15 code for next time today", ['compensate 2026-11-24']],
    ["I'll pop a $5 credit on your account", ['compensate']],
    [
      "I've put through the refund for the extra $9.99, it should be back on your card within 2 business days",
      ['refund 2026-11-26'],
    ],
  ]);
});
