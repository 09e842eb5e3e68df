/**
 * Decision 0525: the mechanisms behind blind set L's promise misses, on phrasings written for these
 * tests (none is in an eval set): a verb parted from 给您 by what it moves, a filing that is the act
 * its line names, a refund said done whose payout is still owed, information sent into the buyer's
 * chat, a third party as the object of a check, someone the shop sends, a reason's own negation,
 * and the buyer's act inside a condition. Each mechanism sits beside a look-alike that stays apart.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { findPromises } from './promises.js';
import { ctx, read, show } from './testing/promise-lines.js';

describe('a verb parted from 给您 by a 把-object or an 按-adverbial is one act', () => {
  eachMapsTo('%s → %j', read, [
    ['小妹明天给您把多付的运费退了', ['refund 2026-11-25']],
    ['这边给您按实付金额退哈', ['refund']],
    ['我下午给您把配件寄出去', ['ship 2026-11-24']],
    ['仓库收到退货后给您把钱退了', ['refund if']],
    // Said as done, with nothing left to wait on: no promise.
    ['上周已经给您把钱退了', []],
  ]);
});

describe('a filing is the act its line names, dated by the filing', () => {
  eachMapsTo('%s → %j', read, [
    ['今天下班前我这边提交 款项原路退回', ['refund 2026-11-24']],
    ['小妹给您申请一个新的激活码 晚点发到您订单里', ['ship 2026-11-24']],
    ['我帮您提交一下 您等通知就行', ['other']],
  ]);
});

describe('a refund said done is still owed until the money shows', () => {
  eachMapsTo('%s → %j', read, [
    ["I've issued the refund, it'll show on your statement within 3 business days", ['refund 2026-11-27']],
    ['退款已经给您提交了 周五之前会到您支付宝', ['refund 2026-11-27']],
    // No time to come, or a forecast of the bank's: nothing owed here.
    ["I've issued the refund already", []],
    ['退款已经提交了 一般三到五天到账', []],
  ]);
});

describe('information sent into the buyer’s chat is a callback; a paper or a code keeps its class', () => {
  eachMapsTo('%s → %j', read, [
    ['安装尺寸我量好 今晚发到您聊天框里', ['callback 2026-11-24']],
    ['有结果了我再跟您确认', ['callback']],
    ['检测视频我拍好 明天发到这个聊天窗口', ['other 2026-11-25']],
    ["I'll go through the logs tonight and reply by Friday", ['callback 2026-11-27']],
    // Confirming something now, in the call.
    ['我跟您确认一下收货地址', []],
  ]);
});

describe('a third party as the object of a check or a chase', () => {
  eachMapsTo('%s → %j', read, [
    ['小妹马上给配送站打电话催一下', ['follow_up']],
    ['我把照片发给厂家 问一下能不能修', ['follow_up']],
    ["I'll confirm with the installer tomorrow", ['follow_up 2026-11-25']],
  ]);
});

describe('someone the shop sends comes; goods are shipped', () => {
  eachMapsTo('%s → %j', read, [
    ['we can get an electrician out to you on Thursday', ['visit 2026-11-26']],
    ["we'll get the replacement out to you on Thursday", ['ship 2026-11-26']],
    ['聽日下晝師傅上嚟整', ['visit 2026-11-25']],
    ["no problem, we'll swap it for a new one", ['ship']],
    ['the installer will set it up for you on Friday', ['visit 2026-11-27']],
  ]);
});

describe('a reason said after the act keeps its own negation', () => {
  eachMapsTo('%s → %j', read, [
    ["i'll refund the install fee since the crew didn't turn up", ['refund']],
    ["i won't refund the fee since the crew came", []],
  ]);
});

describe('the buyer’s act inside a condition is not promised with the reply', () => {
  eachMapsTo('%s → %j', read, [["Send me the photos then and I'll reply by tomorrow", ['callback 2026-11-25 if']]]);
});

const call = (texts: readonly string[]) =>
  findPromises(
    texts.map((text, i) => ({ speaker: 'merchant' as const, text, startMs: i * 5000, endMs: i * 5000 + 4000 })),
    ctx,
  ).map((p) => `@${p.utterance} ${show(p)}`);

describe('a promise said again without its sum is the promise that named it', () => {
  eachMapsTo('%j → %j', call, [
    [['今天给您把三百二退了', '好的', '我们今天就操作退款'], ['@0 refund 2026-11-24']],
    // A different sum is a different promise.
    [
      ['今天给您把三百二退了', '好的', '运费十二块今天也退给您'],
      ['@0 refund 2026-11-24', '@2 refund 2026-11-24'],
    ],
  ]);
});
