/**
 * Decision 0855: mechanisms read from development set lookalike-v's promise failures. Phrasings
 * written for these tests (none is in an eval set), each beside a look-alike.
 */
import { describe } from 'vitest';
import { check } from './testing/promise-lines.js';

describe('an act offered as one way (也行, 都可以, if you would rather) is not promised', () => {
  check([
    ['您不方便取的话我给您寄过去也行', []],
    ['可以给您换到周五送，或者您自己来店里拿，都可以的', []],
    ["I can post it to you instead if you'd rather", []],
    // Agreeing first to the buyer's way: the act after it stands.
    ['也行 那您拍下 小妹今天下午就给您寄出', ['ship 2026-11-24 if']],
    // The buyer's choice said with 都行, the shop's act in its own clause.
    ['给您退二十块 杯子您留着或者送人都行', ['refund']],
  ]);
});

describe('a fix for any fault to come in a period is the warranty, not a promise', () => {
  check([
    ["If anything breaks within two years, we'll fix it or send a new one.", []],
    ['Next time if the colour not nice can message us within 7 days we change', []],
    ['以后有质量问题的话，我们给您免费换新', []],
    // A fault the buyer has now: a promise.
    ["If the new one leaks too, we'll send you a replacement.", ['ship if']],
  ]);
});

describe('the buyer’s case passed on for them, the party implied, is escalated', () => {
  check([
    ['这个小妹帮您反馈一下', ['escalate']],
    ['我这边给您申报一下 看能不能补偿', ['escalate']],
    ["I'll lodge a warranty claim with the manufacturer today", ['escalate 2026-11-24']],
    // The buyer's own right, a customer's report, a reply to the buyer: none.
    ['您也可以向平台反馈的', []],
    ['很多客户反馈这款偏小', []],
  ]);
});

describe('a trailing condition hangs on its own act; one timed before it stands', () => {
  check([
    ["I'll email you the return label right now and refund you once the parcel is scanned", ['other', 'refund if']],
    // No time of its own: both wait.
    ["I'll refund you and send a new one if the courier confirms it's lost", ['refund if', 'ship if']],
  ]);
});

describe('a 的话 condition closed in its own clause conditions nothing after it', () => {
  check([
    ['我问下仓库 换颜色的话可能要多收十块 下午给您回复', ['follow_up 2026-11-24', 'callback 2026-11-24']],
    // A bare 的话 clause still conditions the next.
    ['没货的话 下午给您回复', ['callback 2026-11-24 if']],
  ]);
});

describe('the shop’s check as the event is not a follow-up', () => {
  check([
    ['仓库验完就给您退款', ['refund if']],
    // A check answered by a reply is.
    ['我核实完给您回复', ['callback', 'follow_up']],
  ]);
});

describe('an act said delivered in the next clause was done in the call', () => {
  check([
    ['给您补了一张10元券，已经到您账户了', []],
    ['给您补一张10元券 明天发到您账户', ['compensate 2026-11-25']],
  ]);
});

describe('goods leaving: 出库, it’ll go out; a verification text is no goods', () => {
  check([
    ['今天下午安排出库', ['ship 2026-11-24']],
    ['已经出库了', []],
    ["It'll go out Thursday", ['ship 2026-11-26']],
    ["I'm going to send a verification to the phone on file, just enter it in the app", []],
    ["You'll get an email confirming the cancellation", ['callback']],
  ]);
});

describe('a call to arrange a pickup is the call; a booked collection is a visit', () => {
  check([
    ['the service centre will call you within 2 working days to arrange collection', ['callback 2026-11-26']],
    ["I've booked collection for Friday between 9 and 1", ['visit 2026-11-27']],
    ['Check out our new collection', []],
  ]);
});
