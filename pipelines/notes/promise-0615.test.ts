/**
 * Decision 0615: promise mechanisms behind blind set O's false promises, on phrasings written for
 * these tests (none is in an eval set): a link or a changed price sent into the chat, a notice the
 * platform sends by itself, a note recorded as urgent, something the buyer is asked to watch, a
 * shop's dispatch rule for every order, and a visit to look at the item. The call starts
 * 2026-11-24 10:00 Asia/Shanghai (a Tuesday).
 */
import { describe } from 'vitest';
import { check } from './testing/promise-lines.js';

describe('a link or a changed price sent into the chat is done in the call', () => {
  check([
    ['小妹给您发个补运费的链接 您拍一下就行', []],
    ['亲 安装视频教程 [链接] 您先看看', []],
    ['好的 小妹给您改价到二百六 您再付款', []],
    ['小妹改一下价格 您直接拍', []],
    ["here's the link for the return label, print it whenever", []],
    // promised for later, it stays a promise
    ['小妹明天给您发安装视频', ['other 2026-11-25']],
  ]);
});

describe('a notice the platform sends by itself is nobody’s promise', () => {
  check([
    ['退款到账后会有短信提醒的', []],
    ['寄出后订单里会自动更新物流哦', []],
    ['发票开好会自动发到您邮箱', []],
    ['the voucher code gets emailed to you automatically', []],
    // given by the agent it stays a callback
    ['发货后我会短信通知您', ['callback']],
    ['改好了给您发短信通知', ['callback']],
  ]);
});

describe('a note recorded, a watch asked of the buyer, a shop rule, a visit to look', () => {
  check([
    ['小妹已经给您备注加急了', []],
    ['您留意一下快递电话哈', []],
    ['小妹帮您加急处理', ['follow_up']],
    ['本店下午三点前下单当天发货的哦', []],
    ['每天六点前付款的订单都是当天发出', []],
    ['orders placed before 2pm ship the same day', []],
    ['小妹后天安排师傅上门给您看看', ['visit 2026-11-26']],
  ]);
});

describe('a trace or claim opened with the carrier is a follow-up, owed even when said done', () => {
  check([
    ["I've put in a trace with the courier", ['follow_up']],
    [
      "we're opening an investigation with the carrier and I'll text you what they say tomorrow",
      ['callback 2026-11-25', 'follow_up 2026-11-25'],
    ],
    // a damage claim filed with the carrier is an errand (decision 0685's convention: 7 lines to 3)
    ["I'll file a damage claim with the courier for the dented box", ['other']],
    // with the shop's own team it is an escalation
    ["I've opened a ticket with our billing team", ['escalate']],
  ]);
});

describe('a visit said as the time of another act is no visit of its own', () => {
  check([
    ['师傅安装之前会先打个电话给您', ['callback']],
    ['上门以前师傅会给您打个电话', ['callback']],
    // the visit itself
    ['周五给您上门安装', ['visit 2026-11-27']],
  ]);
});
