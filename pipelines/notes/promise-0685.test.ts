/**
 * Decision 0685: promise mechanisms behind blind set P's errors and three label conventions, on
 * phrasings written for these tests (none is in an eval set). The call starts 2026-11-24 10:00
 * Asia/Shanghai (a Tuesday).
 */
import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../core/domain.js';
import { findPromises } from './promises.js';
import { check, ctx, read } from './testing/promise-lines.js';

describe('a line naming several acts dates the act its time follows', () => {
  check([
    [
      "I've opened an investigation with the courier and I'll send a replacement Friday, you'll get the tracking by email",
      ['ship 2026-11-27', 'callback', 'follow_up'],
    ],
    ["I'll file a claim with the courier and send you another that ships tomorrow", ['other', 'ship 2026-11-25']],
    // a Chinese time dates the act after it
    ['小妹先给您提交到品控明天下午技术给您回电话', ['callback 2026-11-25', 'escalate']],
    // a time said before every act dates them all
    ['明天给您退款并补发', ['refund 2026-11-25', 'ship 2026-11-25']],
  ]);
});

describe('passing a case up now leaves its outcome undated', () => {
  check([
    ["I'm sending this to our safety team right now", ['escalate']],
    ['小妹现在就给您上报品控', ['escalate']],
    // a day named for the passing up holds it
    ["I'll report the seller to our trust team today", ['escalate 2026-11-24']],
  ]);
});

describe('a neighbour lends its time only within the sentence', () => {
  check([
    [
      "The fitter will come Friday. I'm also adding a $20 credit, it'll show within 24 hours",
      ['visit 2026-11-27', 'compensate 2026-11-25'],
    ],
  ]);
});

describe('applying to a superior passes the case up; upgrading the shipping does not', () => {
  check([
    ['这个小妹做不了主 帮您向店长请示一下', ['escalate']],
    ['小妹给您升级成京东快递 明天发出', ['ship 2026-11-25']],
    ['这边帮您升级处理', ['escalate']],
  ]);
});

describe('chasing, relaying and handing to the brand are follow-ups', () => {
  check([
    ['小妹这边给您发起催件哈', ['follow_up']],
    ['小妹通知一下仓库 按新地址给您发', ['follow_up']],
    ['我这边跟师傅说一声 让他带梯子', ['follow_up']],
    ['这边帮您转给厂家的售后那边', ['follow_up']],
    // an act told with its own time stays the shop's promise
    ['小妹跟仓库说一声 明天给您发出', ['ship 2026-11-25', 'follow_up']],
  ]);
});

describe('restock, interception and repair are events a promise waits on', () => {
  check([
    ['有货了小妹第一时间在这里告诉您', ['callback if']],
    ['拦回来以后 马上给您退款', ['refund if']],
    ['拦截成功了给您退款', ['refund if']],
    // the shop's own stock-up on a named day is no event
    ['我们今天补货 明天给您发出', ['ship 2026-11-25']],
  ]);
});

describe('what the shop can do, or either of two acts, is offered, not promised', () => {
  check([
    ['这个我们也可以给您换一双', []],
    ['要是确认丢了 给您补寄一个 或者退全款', []],
    // a time for it makes it a promise
    ['可以给您换一双 后天寄出', ['ship 2026-11-26']],
    ['小妹可以给您申请一张十元的券 下次能用 今天就发到您账户', ['compensate']],
  ]);
  it('a refusal stays no promise', () => {
    expect(read('这个不能给您换哦')).toEqual([]);
  });
});

describe('what the technician does once there is no visit of its own, in Cantonese too', () => {
  check([
    ['師傅到咗會同你講價錢', []],
    ['師傅聽日上門', ['visit 2026-11-25']],
  ]);
});

describe('a carrier claim is an errand, a trace a follow-up', () => {
  check([
    ["we'll lodge a claim with the carrier for the broken lid", ['other']],
    ["I'll open a trace with the courier", ['follow_up']],
  ]);
});

const call = (texts: string[]): string[] => {
  const lines = texts.map(
    (text, i): TranscriptLine => ({
      speaker: i % 2 ? 'customer' : 'merchant',
      text,
      startMs: i * 4000,
      endMs: i * 4000 + 3000,
    }),
  );
  return findPromises(lines, ctx).map(
    (p) => `${p.utterance} ${p.action}${p.deadline ? ` ${p.deadline}` : ''}${p.conditional ? ' if' : ''}`,
  );
};

describe('a booking confirms the act proposed before it, on its own line and time', () => {
  it('moves a proposed visit to the booking and dates the call before it', () => {
    expect(
      call([
        'I can have a fitter out Thursday morning, would that suit?',
        'thursday is bad, friday?',
        "No problem, you're booked for Friday 9 to 12 and he'll ring you 20 minutes ahead",
      ]),
    ).toEqual(['2 visit 2026-11-27', '2 callback 2026-11-27']);
  });
  it('a booking naming its act in the next clause promises that act', () => {
    expect(call(['好的 给您排了周五下午 两点到五点送到', '好', '送货前一天师傅会给您打电话'])).toEqual([
      '0 ship 2026-11-27',
      '2 callback 2026-11-26',
    ]);
  });
  it('a booking with nothing to confirm promises nothing', () => {
    expect(call(["you're all set for Friday", 'ok'])).toEqual([]);
  });
});
