/**
 * Decision 0265: the mechanisms behind promises on text nobody on the team wrote, on phrasings
 * written for these tests (none is in an eval set): times counted from another act, spans with no
 * date, non-promises (forecasts, pledges, policy, side deals, options listed) and the register's
 * commitments (a courier the agent sends, a bare 我, code switching).
 */
import { describe, expect, it } from 'vitest';
import { findPromises } from './promises.js';
import { check, ctx, read, show } from './testing/promise-lines.js';

const call = (...texts: string[]) =>
  findPromises(
    texts.map((text, i) => ({ speaker: 'merchant' as const, text, startMs: i * 5000, endMs: i * 5000 + 4000 })),
    ctx,
  ).map((p) => `@${p.utterance} ${show(p)}`);

describe('a time counted from another act falls on that act’s day', () => {
  it('a call before the technician comes is due on the visit’s day', () => {
    expect(call('小妹给您约了周五下午师傅上门', '师傅出门前会提前一个小时给您打电话')).toEqual([
      '@0 visit 2026-11-27',
      '@1 callback 2026-11-27',
    ]);
    expect(
      call('Our technician can come out Thursday morning', "He'll ring you about an hour before he arrives"),
    ).toEqual(['@0 visit 2026-11-26', '@1 callback 2026-11-26']);
  });
  it('the day before is one day earlier; with no dated act, a lead time has no date', () => {
    expect(call('窗帘月底前给您上门安装', '安装前一天会电话通知您')).toEqual([
      '@0 visit 2026-11-30',
      '@1 callback 2026-11-29',
    ]);
    expect(call('送货前半小时会给您打电话')).toEqual(['@0 callback']);
  });
  it('the act itself keeps its own day', () => {
    expect(call('师傅周四上午上门 上门前半小时先给您打电话')).toEqual([
      '@0 visit 2026-11-26',
      '@0 callback 2026-11-26',
    ]);
  });
});

describe('spans with no date of their own', () => {
  check([
    // Business days counted from now are dated (decision 0445): the span's last business day.
    ['两个工作日内给您寄出', ['ship 2026-11-26']],
    ["I'll refund you within 4 business days", ['refund 2026-11-30']],
    // The same day as an event the buyer causes: conditional, no date.
    ['您寄回的货我们签收当天就给您退款', ['refund if']],
    ['仓库收到退货三小时内给您退款', ['refund if']],
    // The same day as the shop's own work: not conditional, still no date.
    ['做好当天给您发出', ['ship']],
    // Hours still give a date.
    ['电子发票两个小时内发您邮箱', ['other 2026-11-24']],
    // Time gone by is how long, not by when.
    ['都一个多月了 小妹这边给您补发', ['ship']],
    ["It's been two weeks already, so I'll send a new one", ['ship']],
    ["I'll hold it for 3 days", ['other 2026-11-27']],
  ]);
});

describe('what only looks like a promise', () => {
  check([
    // Side deals out of the platform's sight are violations.
    ['这个小妹私下再多送您一个', []],
    ['等您追评完小妹再返您五块', []],
    // Forecasts of arrival, and the time of a forecast beside an act.
    ['快递正常明天就能送到', []],
    // Pledges and suggestions owe nothing on this order.
    ['以后打包我们一定注意', []],
    ['下回换个尺码试试哈', []],
    ["Going forward we'll be more careful with the packing", []],
    // Policy said of everything, not of this buyer.
    ['过了质保期也是可以付费维修的', []],
    ['Store credit takes 2 days to appear', []],
    ['Refunds go back to the card you paid with', []],
    // The insurer pays, not the shop; the platform acts by itself.
    ['退货险会补您十块运费的', []],
    ['平台会短信通知您', []],
    // Options listed one by one, not chosen.
    ['方案一给您换新 方案二给您退款', []],
    ['很高兴为您服务', []],
    ['刚联系了仓库那边', []],
  ]);
  it('a forecast lends no time to the act beside it', () => {
    expect(read('正常三四天能到 物流单号小妹晚点发您')).toEqual(['callback 2026-11-24']);
    expect(read('一般三四天能到 单号出来小妹发您')).toEqual(['callback']);
  });
});

describe('commitments in the register', () => {
  check([
    // A courier or a technician the agent sends acts for the agent.
    ['配送师傅会先打您手机', ['callback']],
    ['the courier will collect it Monday', ['visit 2026-11-30']],
    // A bare 我 with a verb for the buyer or a party.
    ['我把电子保修卡发您', ['other']],
    ['我报给售后主管', ['escalate']],
    ['这边交给质检部门处理', ['escalate']],
    // Code switching.
    ['我 check 下 supplier 那边 明天 update 你', ['callback 2026-11-25', 'follow_up 2026-11-25']],
    ["I'm also putting a $10 credit on your account", ['compensate']],
    ["I'll hold the blue one for you until Friday", ['other 2026-11-27']],
    ["I'll email you the setup guide tonight", ['other 2026-11-24']],
    ['可以 给您改到下周三', ['visit 2026-12-02']],
    // Delivering to the buyer is a shipment; a call the agent has someone make stays a call.
    ['您付款后我们安排周五前给您寄到', ['ship 2026-11-27 if']],
    ['我这边帮您加急 下午让售后师傅联系您', ['follow_up 2026-11-24', 'callback 2026-11-24']],
  ]);
  it('an answer that settles a proposal replaces it, even said the same way', () => {
    expect(call('给您退八块可以吗', '好的 这就给您操作退款八块')).toEqual(['@1 refund']);
  });
});
