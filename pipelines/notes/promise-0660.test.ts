/**
 * Decision 0660: promise mechanisms behind blind set O's and the development sets' errors, on
 * phrasings written for these tests (none is in an eval set): a payout route after a compensation
 * is its payout (its date, not a refund), a payout after an act that carries no money is the refund
 * it names, a price difference paid back is a refund, and a department of the shop commits as the
 * shop does. The call starts 2026-11-24 10:00 Asia/Shanghai (a Tuesday).
 */
import { describe } from 'vitest';
import { check } from './testing/promise-lines.js';

describe('a payout route after a compensation is the compensation’s payout', () => {
  check([
    ['小妹给您申请五十元补偿 原路退回到您的支付账户 两个工作日内到账', ['compensate 2026-11-26']],
    ['给您补三十块运费，原路退回，明天到账', ['compensate 2026-11-25']],
    // a refund keeps its route
    ['小妹今天给您退款 原路退回哈', ['refund 2026-11-24']],
  ]);
});

describe('a payout after an act that carries no money is the refund it names', () => {
  check([['好的 三十块小妹现在提交 一个小时内原路退回', ['refund 2026-11-24']]]);
});

describe('a price difference paid back is a refund', () => {
  check([['核实了 可以给您补八十元差价 两个工作日内原路退回', ['refund 2026-11-26']]]);
});

describe('a department of the shop commits as the shop does', () => {
  check([
    ['the accounts department will give you a ring about the double charge', ['callback']],
    ['our returns team will reach out by phone tomorrow', ['callback 2026-11-25']],
    // the platform acting by itself still binds nobody
    ['the platform will notify you when it ships', []],
  ]);
});

describe('an email or a text that comes is no visit', () => {
  check([
    ["we'll ship a new one tomorrow, the tracking will come by email", ['ship 2026-11-25']],
    ['a technician will come by on Thursday', ['visit 2026-11-26']],
  ]);
});

describe('the 下 of 一下 before 下周 is not the week after next', () => {
  check([
    ['好的 我给您约一下 下周四 上午 师傅上门', ['visit 2026-12-03']],
    ['下下周四师傅上门', ['visit 2026-12-10']],
  ]);
});

describe('what the technician does at a visit is no visit of its own', () => {
  check([
    ['墙面不平的话师傅到了会判断', []],
    ['要不要加管子师傅会跟您确认的', []],
    // the visit itself, and the call announcing it (its label differs between sets, 0615), stay
    ['明天下午师傅上门给您看看', ['visit 2026-11-25']],
    ['师傅明天过来给您装', ['visit 2026-11-25']],
  ]);
});
