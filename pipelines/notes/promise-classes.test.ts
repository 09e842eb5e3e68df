/**
 * The action classes and frames of decision 0210, on phrasings written for these tests (none is in
 * an eval set): how JD/Taobao/PDD and English support agents commit, and what only looks like it.
 */
import { describe, expect, it } from 'vitest';
import type { PromiseNote } from '../../core/analysis.js';
import type { SpeakerRole } from '../../core/domain.js';
import { findPromises, findPromisesInLine } from './promises.js';

// Tuesday 2026-11-24, 10:00 in Shanghai.
const ctx = { startedAt: new Date('2026-11-24T02:00:00Z'), timeZone: 'Asia/Shanghai' };
const read = (text: string, speaker: SpeakerRole = 'merchant') =>
  findPromisesInLine({ speaker, text, startMs: 0, endMs: 1000 }, 0, ctx).map(
    ({ action, deadline, conditional }) => `${action}${deadline ? ` ${deadline}` : ''}${conditional ? ' if' : ''}`,
  );
type Case = [string, string[]];
const check = (cases: Case[], speaker: SpeakerRole = 'merchant') =>
  it.each(cases)('%s', (text, expected) => expect(read(text, speaker)).toEqual(expected));

describe('escalate: the case handed to anyone who can act on it', () => {
  check([
    ['我这边把这个情况反馈给品控部门', ['escalate']],
    ['小妹会跟物流那边的负责人反映一下', ['escalate']],
    ["I'll raise a ticket with our logistics partner", ['escalate']],
    ["We'll loop in our returns specialist", ['escalate']],
    ["I'm going to report this seller account to our trust team", ['escalate']],
    // Feedback to the buyer is a reply, not an escalation.
    ['明天小妹反馈给您', ['callback 2026-11-25']],
  ]);
});

describe('follow_up: checking, asking or watching, then coming back', () => {
  check([
    ['小妹帮您盯着物流 有新情况马上告诉您', ['follow_up', 'callback']],
    ['我去问下我们仓储那边的主管 晚点回复您', ['follow_up 2026-11-24', 'callback 2026-11-24']],
    ['Let me talk to our depot and get back to you by Friday', ['follow_up 2026-11-27', 'callback 2026-11-27']],
    ["We'll keep an eye on the shipment for you", ['follow_up']],
    // The question the agent will put to the maker is not one put to the buyer.
    ['我帮您问一下厂家还有没有这个颜色 明天答复您', ['follow_up 2026-11-25', 'callback 2026-11-25']],
    // …and the act it asks about is not promised.
    ['我先跟仓库确认一下能不能加急发', ['follow_up']],
  ]);
});

describe('ship, compensate and other: broader membership', () => {
  check([
    ['少的那只袜子小妹给您补寄', ['ship']],
    ['明天上午发', ['ship 2026-11-25']],
    ['这边给您寄个新的', ['ship']],
    ['这边送您一张10元无门槛券作为补偿', ['compensate']],
    ["I'll put a $15 credit on your account", ['compensate']],
    ["I'll send over a 20% off code for the trouble", ['compensate']],
    // Sending information is its own act, even when it names a shipment.
    ['补发的快递单号稍后发您', ['callback 2026-11-24']],
    ["I'll text you the tracking link tonight", ['callback 2026-11-24']],
    // A note said alone and undated is written down in the call: no promise (0735, C–P 9 to ~25).
    ['小妹给您记录一下 下次优先处理', []],
    // Noting the time of a visit is a step of the visit.
    ['这边给您备注周六上午 师傅周六上门', ['visit 2026-11-28']],
    // Two acts in one unpunctuated clause, each with its own commitment.
    ['安排师傅周四下午上门到之前会给您打个电话', ['visit 2026-11-26', 'callback 2026-11-26']],
  ]);
});

describe('a telephone call back beside a check, and questions inside a promise', () => {
  check([
    ['我先找仓库同事核对一下 今晚八点前给您回个电话', ['follow_up 2026-11-24', 'callback 2026-11-24']],
    // A written reply is the check's own end.
    ['我先找仓库同事核对一下 今晚八点前给您回复', ['follow_up 2026-11-24', 'callback 2026-11-24']],
    // "哪天" is what the call will tell, not a question to the buyer.
    ['我这边明天给您回电话告诉您哪天能到', ['callback 2026-11-25']],
    ['稍后给您发一下安装示意图', ['other 2026-11-24']],
    // A pickup is an errand, not a technician's visit nor a shipment.
    ['新的明天给您寄 旧的我们安排快递上门取件', ['ship 2026-11-25', 'visit']],
    ['您申请一下仅退款 小妹这边马上同意', ['refund']],
  ]);
});

describe('negations that refuse, and those that only say what is not needed', () => {
  check([
    ['可以直接给您换新的不用寄回', ['ship']],
    ["I'll add a $20 credit without any paperwork", ['compensate']],
    ['不能退款只能换货', []],
  ]);
});

describe('what only looks like a promise', () => {
  check([
    // Forecasts nobody in the call makes.
    ['you should see the credit within 3 business days', []],
    ['快递一般两天左右送到', []],
    ['你等下手机会收到一个6位的码', []],
  ]);
  check([
    // A sale described, not a coupon given.
    ['店里现在有满300减30的券', []],
    // A property of the goods, not a refund.
    ['Sorry, that fare is non-refundable', []],
    // Options offered, the choice in the next sentence or in 还是…呢.
    ['Either we ship a new one or we refund you. Which works better for you?', []],
    ['给您补发一个 还是直接退款呢', []],
    // Bait in a line asking for a code: the violation, not an obligation.
    ['把短信验证码发我 我帮您加急退款', []],
  ]);
});

describe('an event the agent does not control conditions the act after it', () => {
  check([
    ['您付款后小妹马上安排发货', ['ship if']],
    // The span counts from the event, whose date is unknown.
    ['仓库收到退货后三天内给您退款', ['refund if']],
    ['您寄回来签收以后两天内给您处理', ['other if']],
  ]);
});

describe('the buyer promises only what the buyer does', () => {
  check(
    [
      ["I'll take the store credit", []],
      ["I'll send you the receipt tomorrow", ['other 2026-11-25']],
      ['been waiting for my refund since last week', []],
      // Sending the goods back is the buyer's part of the return, not a promise (0820).
      ['我后天把坏的寄回去', []],
    ],
    'customer',
  );
});

it('a firm restatement on the same day replaces the conditional promise', () => {
  const lines = ['收到照片后我们明天给您答复', '好的', '明天下午三点前给您回电话'].map((text, i) => ({
    speaker: (i === 1 ? 'customer' : 'merchant') as SpeakerRole,
    text,
    startMs: i * 1000,
    endMs: i * 1000 + 900,
  }));
  const kept: Pick<PromiseNote, 'action' | 'conditional' | 'utterance'>[] = findPromises(lines, ctx).map(
    ({ action, conditional, utterance }) => ({ action, conditional, utterance }),
  );
  expect(kept).toEqual([{ action: 'callback', conditional: false, utterance: 2 }]);
});

describe('the reader cues are layer classes, read at the clause they belong to', () => {
  check([
    // An event opening a clause after a pause (no comma) still conditions the act.
    ['那您先拿去快递点寄 寄到了就给您补发', ['ship if']],
    // A leading time after a pause names when; the callback is its own promise.
    ['周四安排师傅过去安装 到之前师傅会给您打个电话', ['visit 2026-11-26', 'callback']],
    // A platform acting after an event is not the speaker's promise.
    ['tracking 号生成后平台会自动通知您', []],
    // A past act is no promise; a future one beside it outweighs it.
    ['退款已经给您退了', []],
    ['已经帮您登记了 明天会给您补寄', ['ship 2026-11-25']],
  ]);
});

describe('the register: 亲 as the buyer, code-switched verbs, papers, results awaited', () => {
  check([
    ['明天一早帮亲补发一件', ['ship 2026-11-25']],
    ['差价这边直接退给亲', ['refund']],
    ['我 follow up 一下 courier 下午 update 你', ['callback 2026-11-24', 'follow_up 2026-11-24']],
    ['技术员明天上午 call 你 back', ['callback 2026-11-25']],
    ['保修卡漏寄了 小妹明天给您补寄保修卡', ['other 2026-11-25']],
    ["You'll also receive a return label by email", ['other']],
    ['厂家那边有消息了第一时间给您回复', ['callback', 'follow_up']],
    ['少的那盒后天给您补送', ['ship 2026-11-26']],
    ['这个问题我这边报给质检部门', ['escalate']],
  ]);
});

describe('what will exist and what is bought with a withdrawn request', () => {
  check([
    ['付款后会有短信通知的', []],
    ['下个月会有满减活动哦', []],
    ['您把退货申请关了 我私下补您十块', []],
  ]);
});
