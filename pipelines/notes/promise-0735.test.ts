/**
 * Decision 0735: a refund said done still owes its payout when the payout is forecast with "should"
 * (not with "usually" or a doubt), also inside one unpunctuated clause; reversing or voiding a
 * charge is a refund; "What I can do is …" states the act (a promise when timed, an offer when not);
 * a note said alone and undated is no promise. Phrasings written for these tests (none is in an eval set). The call starts
 * 2026-11-24 10:00 Asia/Shanghai (a Tuesday).
 */
import { describe } from 'vitest';
import { check } from './testing/promise-lines.js';

describe('a refund said done owes its payout, forecast with should', () => {
  check([
    ["I've put the $18 back on your card, it should show within 3 business days", ['refund 2026-11-27']],
    ['ok so that one has been refunded already you should see it back within five days', ['refund 2026-11-29']],
    ['The refund has gone through and should reach your card in 2 to 4 business days', ['refund 2026-11-30']],
    ['好的亲 已经给您退了二十块 两个工作日内到账哈', ['refund 2026-11-26']],
    // a usual duration or a doubt owes nothing
    ["I've refunded the $18. It usually takes 3 to 5 business days to post.", []],
    ["I've refunded the $18, it might take a week to show", []],
  ]);
});

describe('reversing or voiding a charge is a refund', () => {
  check([
    ["I'll reverse the late fee by tomorrow", ['refund 2026-11-25']],
    ['ill void that duplicate payment today', ['refund 2026-11-24']],
    // not a charge
    ["I'll reverse the order of the steps in the guide", []],
  ]);
});

describe('"What I can do is …": timed, a promise; untimed or asked, an offer', () => {
  check([
    ['What I can do is send you a replacement cable tomorrow', ['ship 2026-11-25']],
    ['What we can do is knock $20 off and credit it to your account by Friday', ['compensate 2026-11-27']],
    ['What I can do is send you a return label', []],
    // a timed proposal is read as the act, which a booking later confirms (0685)
    ['so what i can do is get a fitter out to you would thursday work for you', ['visit 2026-11-26']],
  ]);
});

describe('a note said alone and undated is no promise', () => {
  check([
    ['好的 小妹给您登记一下尺码', []],
    ['这边帮您备注一下 要白色的', []],
    ["Sure, I'll put a note on the account.", []],
    // with its own time, or with the act it is for
    ['今天下班前小妹把您的要求给仓库备注上', ['other 2026-11-24']],
    ['给您备注一下 明天一早给您补发', ['ship 2026-11-25']],
  ]);
});
