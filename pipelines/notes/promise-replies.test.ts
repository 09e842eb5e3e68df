/**
 * Decision 0330: a check answered later, a subject carried on, what is sent, and acts that wait on
 * what the buyer sends. Phrasings written for these tests (none is in an eval set), each beside a
 * look-alike that must read differently.
 */
import { describe, expect, it } from 'vitest';
import { check, read } from './testing/promise-lines.js';

describe('a check whose answer is promised after it is a follow-up, not an in-call act', () => {
  check([
    ['Let me check with the supplier and get back to you tomorrow.', ['follow_up 2026-11-25', 'callback 2026-11-25']],
    [
      'Let me look into it with the depot and get back to you by Thursday.',
      ['follow_up 2026-11-26', 'callback 2026-11-26'],
    ],
    // Said as done, the answer is still owed.
    ["We've contacted the courier and will get back to you tomorrow.", ['follow_up 2026-11-25', 'callback 2026-11-25']],
    ['小妹先联系物业核实 今天下班前给您回复哈', ['callback 2026-11-24', 'follow_up 2026-11-24']],
    ['小妹问一下工厂 半小时内给您准确答复哈', ['callback 2026-11-24', 'follow_up 2026-11-24']],
  ]);
  it('with no answer promised, a check is done in the call', () => {
    expect(read('Let me check with the supplier.')).toEqual([]);
    expect(read('稍等 这边查一下')).toEqual([]);
  });
  it('a technician’s call is not the answer to a check the speaker made', () => {
    expect(read('这边已经帮您加急了 师傅明天上午联系您上门')).not.toContain('follow_up');
  });
});

describe('a clause naming no one carries the commitment of the clause before it', () => {
  check([['那小妹帮您看看工单 问一下主管能不能通融 明天给您答复', ['callback 2026-11-25', 'follow_up 2026-11-25']]]);
  it('a clause with its own subject does not', () => {
    expect(read('小妹帮您登记好了 快递员会联系您')).toEqual([]);
  });
});

describe('what is sent decides the act', () => {
  check([
    ["I'll mail you a spare charger cable today.", ['ship 2026-11-24']],
    ["I'll send the blue one tomorrow and you can keep the grey one.", ['ship 2026-11-25']],
    ["I'll reissue the receipt within the hour.", ['other 2026-11-24']],
    ["I'll set up a new quote for you by tonight.", ['other 2026-11-24']],
    ['we can redeliver on thursday', ['ship 2026-11-26']],
    ['今天就 send 两盒 给你', ['ship 2026-11-24']],
    ['发票我周四前重开给你', ['other 2026-11-26']],
    // a carrier claim is an errand (0685)
    ['ill file a claim with the courier for the broken lid', ['other']],
  ]);
  it('a message, a review, an account or a draft sent is no shipment', () => {
    expect(read("I'll send you the design drafts")).not.toContain('ship');
    expect(read("I'll post a review after it arrives", 'customer')).toEqual([]);
    expect(read("If you open a dispute we'll send your account to collections")).toEqual([]);
    expect(read('我 send 在群里 你看一下')).toEqual([]);
  });
  it('feeling ill commits nobody', () => {
    expect(read("i'm ill today so the parcel will be late", 'customer')).toEqual([]);
  });
  it('a request before the act still refuses it', () => {
    expect(read('You can send it back and get a new one.')).toEqual([]);
  });
});

describe('an act waiting on what the buyer sends is conditional', () => {
  check([
    ['您寄回来 我们收到就给您换新的发出', ['ship if']],
    ['您拍个视频发过来 我看了以后给您补寄一个', ['ship if']],
    ['您在订单里申请仅退款 小妹看到就同意', ['refund if']],
    ['你 apply 一下 我们收到后 refund 你', ['refund if']],
  ]);
  it('an act with nothing to wait on stays firm', () => {
    expect(read('我们今天就给您换新的发出')).toEqual(['ship 2026-11-24']);
  });
});

describe('a status read out from the tracking or the system is no promise', () => {
  check([
    ['快递信息显示后天送到', []],
    ['The tracking shows it arriving on Thursday.', []],
  ]);
  it('an act promised beside the status still is', () => {
    expect(read('系统显示还没出库 小妹问下仓库 明天给您答复')).toEqual(['callback 2026-11-25', 'follow_up 2026-11-25']);
    expect(read('我们后天给您送到')).toEqual(['ship 2026-11-26']);
  });
});
