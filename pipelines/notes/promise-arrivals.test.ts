/**
 * Decision 0485: the mechanisms behind blind set K's promise misses, on phrasings written for these
 * tests (none is in an eval set): someone the shop sends arriving (an assembler at your place, the
 * lorry coming), a notice the buyer will get, an arrangement already made for a time to come,
 * Cantonese and code-switched service verbs, a paper or a time named before it is sent, passing a
 * case up *to* a department, a gift, and 这样的话 as a back-reference rather than a condition.
 * Each beside a look-alike that must read differently.
 */
import { describe, expect, it } from 'vitest';
import { check, read } from './testing/promise-lines.js';

describe('blind-k mechanisms, other wordings', () => {
  check([
    // Someone the shop sends arrives: a visit; the delivery vehicle: shipping; taking the old one away: a pickup.
    ['the fitting crew will come Thursday between 9 and 12', ['visit 2026-11-26']],
    ['a plumber will be at your place tomorrow morning', ['visit 2026-11-25']],
    ['the delivery van will arrive Friday afternoon', ['ship 2026-11-27']],
    ['they will haul the old sofa away on Friday', ['visit 2026-11-27']],
    // A notice the buyer will get.
    ['our courier will whatsapp you tomorrow with the slot', ['callback 2026-11-25']],
    ["you'll get a reminder text the evening before", ['callback']],
    // An arrangement already made for a time to come leaves the act owed.
    ["I've arranged for a replacement to go out tomorrow", ['ship 2026-11-25']],
    ["I've rescheduled your delivery to Friday", ['ship 2026-11-27']],
    ['已经给您约了周四上门', ['visit 2026-11-26']],
    // Cantonese and code-switched service verbs.
    ['我聽日覆你', ['callback 2026-11-25']],
    ['今晚打俾你', ['callback 2026-11-24']],
    ['聽日寄嚟俾你', ['ship 2026-11-25']],
    ['安排師傅聽日上門', ['visit 2026-11-25']],
    ['我 chase 一下 warehouse 明天回你', ['callback 2026-11-25', 'follow_up 2026-11-25']],
    // A paper or a time named first and sent later in the line.
    ['保修卡是电子版的 小妹明天发到您邮箱', ['other 2026-11-25']],
    ['送货的时间小妹下午在这里发您', ['callback 2026-11-24']],
    ['明天给您准确的上门时间', ['callback 2026-11-25']],
    // Up to a department; a gift for the trouble.
    ['这边给您提交到品控 明天给您答复', ['escalate', 'callback 2026-11-25']],
    ['这次额外赠送您一袋 今天随单发出', ['compensate', 'ship 2026-11-24']],
    // 这样的话 refers back; 如果…的话 still supposes.
    ['那这样的话 我帮您申请补发', ['ship']],
    ['如果没货的话就给您退款', ['refund if']],
  ]);
  it('the same words as a habit, a past act, an opener or a forecast are none', () => {
    expect(read("I've booked it yesterday")).toEqual([]);
    expect(read('能 我跟您说 这款就是专门给老人用的')).toEqual([]);
    expect(read('the technician usually calls before he comes')).toEqual([]);
    expect(read('本店下单赠送小礼品')).toEqual([]);
    // Free is how an act is done, not a gift: a free reship is a shipment.
    expect(read('这边免费给您补寄一个')).toEqual(['ship']);
  });
});
