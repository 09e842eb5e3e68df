/**
 * Decision 0440: lines that name a violation without committing it — words quoted on after their
 * cue, a message or a phrase someone learned reported, a claim talked about as words, a number the
 * courier owns, a code the buyer enters themselves, a refusal with another remedy offered. Each with the act itself beside it. Every
 * phrasing is our own and appears in no eval set.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { c, flagsOnLast, m } from './testing/calls.js';

const detector = new ComplianceDetector();
const on = async (...lines: [SpeakerRole, string][]) =>
  (await flagsOnLast(detector, ...lines)).map((f) => f.category).sort();

describe('whose words: the quote runs on after a cue that nothing of the speaker follows', () => {
  it('reads the words after 写的是 in the next clauses as the quote', async () => {
    expect(await on(m('那条评论写的是黑心商家 垃圾 我们正在处理'))).toEqual([]);
    expect(await on(c('留言里写的是 滚 你个废物 我都看傻了'))).toEqual([]);
  });

  it('still hears the insult when the speaker says it after their own words', async () => {
    expect(await on(m('评价我看了 你个废物 还好意思给差评'))).toEqual(['abuse']);
  });
});

describe('reported: a message saying, a phrase learned or heard', () => {
  it('does not flag the words a message or a phrase carried', async () => {
    expect(await on(c('my sister got a text saying I know where you live from some shop, so weird'))).toEqual([]);
    expect(await on(c('我儿子在学校学会了一句你是笨蛋吗 天天挂嘴上'))).toEqual([]);
  });

  it('flags the same words said to the listener', async () => {
    expect(await on(m('I know where you live, so watch it'))).toEqual(['abuse']);
    expect(await on(c('你是笨蛋吗 说了三遍了'))).toEqual(['abuse']);
  });
});

describe('a claim talked about as words is not made', () => {
  it('does not flag a superlative named as a phrase', async () => {
    expect(await on(m('亲 全网最低这种说法平台不让用 我们详情页已经删了'))).toEqual([]);
    expect(await on(m('Sorry, the phrase "best on the market" was taken off the listing'))).toEqual([]);
  });

  it('flags the superlative used', async () => {
    expect(await on(m('亲 我们这款全网最低 放心拍'))).toEqual(['prohibited_claim']);
  });
});

describe("the courier's number and the platform's own code", () => {
  it("does not read the courier company's number as the shop's contact", async () => {
    expect(await on(c('快递不动了 有电话吗'), m('圆通那边网点电话 0755 三六二八 七七一九 您打过去问问'))).toEqual([]);
  });

  it("reads the shop's own number beside the courier as a contact", async () => {
    expect(await on(m('小妹私人电话 0755 三六二八 七七一九 有事直接打'))).toEqual(['contact_exchange']);
  });

  it('does not read a code the buyer enters themselves as asked for', async () => {
    expect(await on(m('验证码系统会发到您手机上 您自己输入就行 不用告诉别人'))).toEqual([]);
    expect(await on(m('平台会发个验证码给您 您自己填一下就行'))).toEqual([]);
  });

  it('flags the code asked to be handed over', async () => {
    expect(await on(m('验证码收到了吗 您发小妹一下'))).toEqual(['privacy_request']);
  });
});

describe('a refusal with another remedy offered is a choice of remedy', () => {
  it('does not flag the refusal beside the remedy offered', async () => {
    expect(await on(m("We won't refund it, but we can send you a replacement today"))).toEqual([]);
    expect(await on(m('这个我们不退款的 可以帮您换个新的'))).toEqual([]);
  });

  it('flags the flat refusal, and "only an exchange"', async () => {
    expect(await on(m("We won't refund it, end of story"))).toEqual(['refund_obstruction']);
    expect(await on(m('这个我们不退款的 只能换个新的'))).toEqual(['refund_obstruction']);
  });
});
