/**
 * Decision 0595: a confirming negative question (那个不是验证码吗, 不就是换个新的嘛, 难道不能退吗,
 * "isn't that the code?") asserts what follows its 不是 / n't; its cue is a question mark and the
 * negation cue it covers is no negation. A negation inside the content keeps its scope, and 不是
 * that really denies (不是我们的问题, 不是不给您退, 是不是…) is untouched. Phrasings written for
 * these tests; none comes from an evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { analyzeLine } from './index.js';

/** Each clause as "text: marks": a negation with its scope in brackets, confirm for a confirming question, q for a question. */
const read = (text: string): string[] => {
  const a = analyzeLine(text);
  return a.clauses.map((c) => {
    const marks = c.marks
      .filter((m) => m.kind === 'negation' || m.kind === 'question' || m.kind === 'confirming')
      .map((m) =>
        m.kind === 'negation' ? `neg(${a.text.slice(...m.scope!.span)})` : m.kind === 'confirming' ? 'confirm' : 'q',
      );
    return `${a.text.slice(...c.nspan)}: ${[...new Set(marks)].sort().join(' ')}`;
  });
};

const negatedWords = (text: string): string[] => {
  const a = analyzeLine(text);
  return a.clauses.flatMap((c) => c.marks.filter((m) => m.kind === 'negation').map((m) => a.text.slice(...m.span)));
};

describe('a confirming negative question asserts its content', () => {
  eachMapsTo('%s → %j', read, [
    ['刚收到的那串数字不是取件码吗', ['刚收到的那串数字不是取件码吗: confirm q']],
    ['咱们之前不是讲好周三发出吗', ['咱们之前不是讲好周三发出吗: confirm q']],
    ['你家不是满99包邮么', ['你家不是满99包邮么: confirm q']],
    ['这样不也是挺方便的嘛', ['这样不也是挺方便的嘛: confirm q']],
    ['不就是补个差价吗', ['不就是补个差价吗: confirm q']],
    ['难道连换货都不行吗', ['难道连换货都不行吗: confirm q']],
    ['退款不是回 PayPal 的吗', ['退款不是回 PayPal 的吗: confirm q']],
    ['尺码表不是 S 码吗？', ['尺码表不是 S 码吗: confirm q']],
    // an unpunctuated line: the pause ends the question, and the next clause is its own
    ['你们不是送运费险吗 那我先寄回去', ['你们不是送运费险吗: confirm q', '那我先寄回去: ']],
    ["Isn't that the pickup code?", ["Isn't that the pickup code: confirm q"]],
    ["ok, didn't you say it ships Monday?", ['ok: ', "didn't you say it ships Monday: confirm q"]],
    ["Doesn't the warranty cover this?", ["Doesn't the warranty cover this: confirm q"]],
  ]);

  it('a negation inside the confirmed content keeps its own scope', () => {
    expect(read('这个码不是说不可以给别人看吗')).toEqual([
      '这个码不是说不可以给别人看吗: confirm neg(可以给别人看吗) q',
    ]);
    expect(negatedWords('密码不是不能外泄吗')).toEqual(['不']);
    expect(read('密码不是不能外泄吗')).toEqual(['密码不是不能外泄吗: confirm neg(能外泄吗) q']);
  });
});

describe('look-alikes: 不是 / n’t that really denies stays a negation', () => {
  eachMapsTo('%s → %j', read, [
    ['不是咱们这边的问题', ['不是咱们这边的问题: neg(是咱们这边的问题)']],
    ['这个不是质量问题', ['这个不是质量问题: neg(是质量问题)']],
    ['不是不给您退', ['不是不给您退: neg(是不给您退) neg(给您退)']],
    // a speculation (…吧) is no confirming question
    ['应该不是质量问题吧', ['应该不是质量问题吧: neg(是质量问题吧)']],
    // 么 of 什么 / 怎么 closes nothing
    ['这不是什么大毛病', ['这不是什么大毛病: neg(是什么大毛病) q']],
    // an A-not-A question asks; nothing is negated and nothing confirmed
    ['是不是发错颜色了', ['是不是发错颜色了: q']],
    ['你是不是没收到吗', ['你是不是没收到吗: neg(收到吗) q']],
    // a negative question that asks for an act, not a confirmation
    ["Can't you just send a new one?", ["Can't you just send a new one: neg(you just send a new one) q"]],
    ["It isn't the code.", ["It isn't the code: neg(the code)"]],
    // not at its clause's start: no confirmation read into the middle of a statement
    ["I said it isn't covered?", ["I said it isn't covered: neg(covered) q"]],
    // no question mark: a statement
    ["Didn't arrive yet", ["Didn't arrive yet: neg(arrive yet)"]],
  ]);
});
