/**
 * Decision 0910: privacy / contact / payment by mechanism after lookalike-x was opened. A handover
 * passed on to a third party is no request; 电话 as the act of calling asks for no number; a
 * yes to the buyer sharing the shop's link into their own chats invites nothing; the buyer's bare
 * account asked beside an identity datum is the privacy request's, not a private refund; a wallet used
 * as a verb with a sum, and a transfer into my wallet named by brand, are payments. A slot's
 * alternatives are all its fillers, so a negated question balks whichever is written first. Every
 * phrasing is our own (no set's line, nor eval/pcpx-probe-19's). Rules only: the trained layer is off.
 */
import { describe, expect, it } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { analyzeLine } from '../language/index.js';
import { ComplianceDetector } from './detector.js';
import { filledIn, parseSlot } from './frames.js';
import { categoriesOnLast } from './testing/calls.js';

const rules = new ComplianceDetector({ learned: false });
const onLast = (call: string) => categoriesOnLast(rules, call);

describe('a negated question fills a slot of question and negation in either order', () => {
  const balk = (text: string, slot: string) => filledIn(analyzeLine(text), [parseSlot(slot)]);
  it('reads 不…吗 as the question it is', () => {
    for (const slot of ['mark:question|mark:negation', 'mark:negation|mark:question']) {
      expect(balk('不能走店里的链接吗', slot)).toBe(true);
      expect(balk('能走店里的链接吗', slot)).toBe(true);
    }
    // a question alone inside a negated stretch is still negated
    expect(balk('不能走店里的链接吗', 'mark:question')).toBe(false);
  });
});

describe('a refusal of a private channel stays negated where no slot reads a negation', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 有问题随时在这个对话框里找我，别加什么私人微信，平台外的我们一概不认', []],
    ["m: just message me here, don't add me on some personal WhatsApp, we can't help off the platform", []],
    ['m: 平台里回复慢的话 加我私人微信 138****5678', ['contact_exchange']],
  ]);
});

describe("the speaker's own handover, and calling as an act", () => {
  eachMapsTo('%s → %j', onLast, [
    [
      "m: can you tell me the one-time code? / c: um I'd rather not / m: okay then I'll pass it on to our billing team and they'll sort it",
      [],
    ],
    ['m: the code on your phone, read it out to me', ['privacy_request']],
    ['m: 师傅上门要是收您材料费 您别给 直接给我们打个电话就行', []],
    ['m: 麻烦您留个常用电话 方便师傅联系', ['contact_exchange']],
  ]);
});

describe("a yes to the buyer sharing the shop's link into their own chats", () => {
  eachMapsTo('%s → %j', onLast, [
    ['c: 这个砍价链接能转发到家人群吗 / m: 可以的亲 转发给谁都行', []],
    ['c: 能加你微信吗 / m: 可以的', ['contact_exchange']],
  ]);
});

describe("the buyer's account beside an identity datum, and a private refund's own account", () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 您把姓名 身份证号和支付宝账号都发给小妹 我们去后台给您登记', ['privacy_request']],
    ['m: 不用等平台了 您把支付宝收款码发我 小妹直接退给您', ['off_platform_payment']],
  ]);
});

describe('a wallet as a verb with a sum, a transfer into my wallet by brand', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: just paylah the 45 to this number and I send tonight', ['off_platform_payment']],
    ['m: can bank in to my duitnow, faster than waiting for the app', ['off_platform_payment']],
    ['m: we refunded the 45 to your GrabPay wallet this morning', []],
    ['m: at checkout you can choose GCash or a card', []],
    // the speaker paying out (a reward, a refund) is no payment to the speaker
    ['m: leave us a photo review and I gcash 20 to you after', []],
  ]);
});
