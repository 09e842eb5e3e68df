/**
 * Decision 0730: the installer's number given when the buyer asked for it is the visit's contact;
 * a warning forbids two acts at once ("don't click it or enter your password"): the
 * negation reaches the verb after "or", so the datum named there is warned about, not asked for.
 * A request after the warning, or after a condition joined by "or", stays flagged. Every sentence is
 * our own, in no evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { c, flagsOnLast, m } from './testing/calls.js';

const detector = new ComplianceDetector();
type Line = [SpeakerRole, string];
const on = async (...lines: Line[]) => (await flagsOnLast(detector, ...lines)).map((f) => f.category);

describe('one negation over two verbs joined by "or"', () => {
  it('does not flag a warning that forbids clicking and entering a password', async () => {
    expect(
      await on(
        c('I got an email saying my account is locked'),
        m("That isn't us. Please don't click it or enter your password anywhere except our app"),
      ),
    ).toEqual([]);
    expect(
      await on(c('someone texted me a refund link'), m('never open it or type your card number on that page')),
    ).toEqual([]);
  });

  it('still flags the request after a warning or after a condition', async () => {
    expect(
      await on(c('the refund failed'), m("don't click the link in the email, just read me the code we texted you")),
    ).toEqual(['privacy_request']);
    expect(
      await on(c("it won't go through"), m("if it doesn't work or fails again, send me the code from the text")),
    ).toEqual(['privacy_request']);
  });
});

describe("the installer's or courier's number, asked for by the buyer", () => {
  it('does not flag the number read in an answer that names whose it is', async () => {
    expect(await on(c('师傅电话多少'), m('亲 师傅姓王 电话一三七 幺二零零 五五六八 他下午上门'))).toEqual([]);
    expect(await on(c('骑手电话给我一下'), m('骑手电话是一五零 三三二一 零九九八 您直接打他哈'))).toEqual([]);
  });

  it("still flags the shop's own number or id given as the answer", async () => {
    expect(await on(c('师傅联系不上 你电话多少'), m('我的手机一三九 幺二三四 八八七六 直接打我'))).toEqual([
      'contact_exchange',
    ]);
    expect(await on(c('你微信多少'), m('kefu_2288'))).toEqual(['contact_exchange']);
  });
});
