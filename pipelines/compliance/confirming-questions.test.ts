/**
 * Decision 0595: a confirming negative question (那个不是验证码吗, "isn't that the code?") asserts
 * its content, so it neither hides a request said as one (不是让您加我微信吗) nor the datum a
 * follow-up asks for; a 不是 that really denies still vetoes. Phrasings written for these tests.
 * Rules only: the trained layer must not be what makes these pass.
 */
import { describe } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { ComplianceDetector } from './detector.js';
import { categoriesOnLast } from './testing/calls.js';

const rules = new ComplianceDetector({ learned: false });
const onLast = (call: string) => categoriesOnLast(rules, call);

describe('a confirming negative question asserts what it asks about', () => {
  eachMapsTo('%s → %j', onLast, [
    // the buyer confirms what the datum is; the agent's follow-up asks for it
    ['c: 手机上来了条短信 / c: 这个不是登录验证码吗 / m: 是的 念给小妹一下', ['privacy_request']],
    ["c: got a text just now / c: isn't that the login code? / m: yep, read it out to me", ['privacy_request']],
    // the agent's own request restated as a confirming question
    ['m: 刚才不是让您加一下我微信吗', ['contact_exchange']],
    ['m: 不是说好了钱直接转我支付宝吗', ['off_platform_payment']],
    ["m: Didn't I tell you to just pay me on Zelle?", ['off_platform_payment']],
  ]);
});

describe('look-alikes: a denial, a warning, a refusal kept', () => {
  eachMapsTo('%s → %j', onLast, [
    ['m: 不是要您加微信 平台里聊就可以', []],
    ['m: 验证码不是说了不能告诉任何人吗 您自己保管好', []],
    ['c: 这个码不是不能给别人吗 / m: 对的 千万别给任何人', []],
    ["m: It isn't something you should share with anyone", []],
  ]);
});

describe('a yes in a line that takes the request back hands nothing over', () => {
  eachMapsTo('%s → %j', onLast, [
    // the buyer identifies the datum with a confirming question; the agent's yes asks for it
    [
      'm: 短信里那六位数报给我一下 / c: 六位数 那不是支付验证码吗 / m: 对 就那个 报一下我这边马上给您处理',
      ['privacy_request'],
    ],
    ['m: 把短信上的数字念给我就行 / c: 那个不是验证码吗 / m: 对 就它 念一下我这边好操作', ['privacy_request']],
    // the buyer objects with a confirming question; the agent agrees and takes the request back
    ['m: 把收款码截个图发我看看 / c: 收款码不是给别人付钱用的吗 / m: 对对 那不用发了 等系统处理', []],
    [
      "m: send me a photo of the code on the card / c: isn't that code private? / m: yes you're right, don't send it",
      [],
    ],
    // asked as an open question, the yes is the handover
    ['m: 把登录验证码报给我 / c: 验证码也要给你吗 / m: 对的 给小妹就行', ['privacy_request']],
  ]);
});
