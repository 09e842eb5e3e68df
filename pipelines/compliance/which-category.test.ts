/**
 * Decision 0305: which category a line belongs to, by what its words do (taxonomy.json
 * `arbitration`). Every phrasing here is our own and appears in no eval set.
 */
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { c, flagsByLine, m } from './testing/calls.js';
import { loadTaxonomy } from './taxonomy.js';

const detector = new ComplianceDetector();
/** [utterance, category] of every flag in the call. */
const flags = (...lines: [SpeakerRole, string][]) => flagsByLine(detector, ...lines);

describe('a sanction over a refund obstructs the refund; it is not abuse', () => {
  it('reads a blacklist or a ban conditioned on a refund, return or dispute as refund obstruction', async () => {
    expect(await flags(m('申请退货的话 以后你就别来我们店了 直接拉黑'))).toEqual([[0, 'refund_obstruction']]);
    expect(await flags(m('再闹退款 我让你在这个平台上买不了东西'))).toEqual([[0, 'refund_obstruction']]);
    expect(await flags(m('要退货？我让你在网上什么都买不了'))).toEqual([[0, 'refund_obstruction']]);
    expect(await flags(m("If you send it back, you're banned from our store for good"))).toEqual([
      [0, 'refund_obstruction'],
    ]);
    expect(await flags(m("Put in a return and you'll never shop with us again"))).toEqual([[0, 'refund_obstruction']]);
  });

  it('reads the sanction as answering the refund the buyer asked for on the line before', async () => {
    expect(await flags(c('I want my money back for this'), m("Fine, but you'll never order from us again"))).toEqual([
      [1, 'refund_obstruction'],
    ]);
    expect(await flags(c('这个我要退'), m('退吧 以后别想在本店下单'))).toEqual([[1, 'refund_obstruction']]);
  });

  it('keeps a menace to the person as abuse, beside a refund or over a review', async () => {
    expect(await flags(m('退款可以 但我知道你住哪 你小心点'))).toEqual([[0, 'abuse']]);
    expect(await flags(m('你敢再给差评 后果自负'))).toEqual([[0, 'abuse']]);
    expect(await flags(m("Post that review and I'll find you"))).toEqual([[0, 'abuse']]);
    // A sanction said with a menace to the person is both.
    expect((await flags(m('要退货？我让你在网上什么都买不了 你试试看'))).map(([, k]) => k).sort()).toEqual([
      'abuse',
      'refund_obstruction',
    ]);
    // An insult beside a refusal is both.
    expect((await flags(m('退什么退 你个穷鬼'))).map(([, k]) => k).sort()).toEqual(['abuse', 'refund_obstruction']);
  });

  it('leaves lawful return talk and the buyer alone', async () => {
    expect(await flags(m('退货的话运费您自己出哦'))).toEqual([]);
    expect(await flags(m('Returns are free, and you can still order from us anytime'))).toEqual([]);
    expect(await flags(c('再不退款我就拉黑你们店 以后再也不来了'))).toEqual([]);
    expect(await flags(m('这款暂时买不到了 您看要不要退款'))).toEqual([]);
  });
});

describe('the datum belongs to the channel the line names', () => {
  it('reads an id on a line naming a chat app as a contact, even after a private payment', async () => {
    expect(
      await flags(
        m("Just Zelle me the $40 and I'll ship it today"),
        c('ok'),
        m('My WhatsApp is +1 917 555 0143 if anything comes up'),
      ),
    ).toEqual([
      [0, 'off_platform_payment'],
      [2, 'contact_exchange'],
    ]);
    expect(await flags(m('先转我支付宝吧 马上给您发'), m('有问题直接找我 我wx是 mei_shop88'))).toEqual([
      [0, 'off_platform_payment'],
      [1, 'contact_exchange'],
    ]);
  });

  it('keeps an id given as where to pay as payment', async () => {
    expect(await flags(m("Venmo me the thirty and we're good"), m("it's @sara-k-22"))).toEqual([
      [0, 'off_platform_payment'],
      [1, 'off_platform_payment'],
    ]);
  });

  it('has every arbitration move between categories the taxonomy knows, with a reason', () => {
    const t = loadTaxonomy();
    expect(t.arbitration.length).toBeGreaterThan(0);
    for (const a of t.arbitration) {
      expect(t.categories[a.to]).toBeDefined();
      expect(a.from).not.toBe(a.to);
    }
  });
});
