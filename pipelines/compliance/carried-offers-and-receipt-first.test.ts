/**
 * Decision 0755: a flagged review offer carried on by its speaker (the review to edit, the proof,
 * the stars or length it must have), a free gift as the reward, receipt confirmed as the condition
 * of a refund, a name ending a spoken line as its address, talking down after one's own flagged
 * contempt, and a product said to beat medicine. Every phrasing here is our own and appears in no
 * eval set.
 */
import { describe, expect, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { c, flagsByLine, m } from './testing/calls.js';

const detector = new ComplianceDetector();

describe('a review offer carried on after the rule flagged it', () => {
  it('flags the follow-up that names the edit, the proof or the terms, in zh and en', async () => {
    expect(
      await flagsByLine(
        detector,
        m('亲 那条中评改成好评的话 小妹返您6元红包'),
        c('怎么改'),
        m('您改完截个图发过来就行'),
      ),
    ).toEqual([
      [0, 'review_manipulation'],
      [2, 'review_manipulation'],
    ]);
    expect(
      await flagsByLine(
        detector,
        m('post a five star review and I will send you a $10 gift card'),
        c('ok'),
        m('and four stars won’t count, it has to be five'),
      ),
    ).toEqual([
      [0, 'review_manipulation'],
      [2, 'review_manipulation'],
    ]);
    expect(
      await flagsByLine(detector, m('好评带图截图给小妹 返您3块'), c('好'), m('至少写五十个字哦 不然领不了')),
    ).toEqual([
      [0, 'review_manipulation'],
      [2, 'review_manipulation'],
    ]);
  });

  it('flags nothing after a review asked for with no reward', async () => {
    expect(
      await flagsByLine(detector, m('用得满意的话 方便给个好评哈'), c('好的'), m('评价写多写少都可以 按真实感受来')),
    ).toEqual([]);
    expect(
      await flagsByLine(
        detector,
        m('if you have a minute, an honest review helps'),
        c('sure'),
        m('you can edit it later too'),
      ),
    ).toEqual([]);
  });

  it('reads a free gift after a giving verb as the reward, not a replacement sent', async () => {
    expect(await flagsByLine(detector, m('晒图好评 下次给您寄一份护手霜小样'))).toEqual([[0, 'review_manipulation']]);
    expect(await flagsByLine(detector, m('坏了的话给您寄个新的 用得满意给个好评哈'))).toEqual([]);
  });
});

describe('a refund made to wait for the buyer to confirm receipt', () => {
  it('flags the condition, on the line and after the refund was named', async () => {
    expect(await flagsByLine(detector, c('东西漏液了 我要退款'), m('您要先去点确认收货 确认了这边才能给您退'))).toEqual(
      [[1, 'refund_obstruction']],
    );
    expect(await flagsByLine(detector, c('我要退款'), m('不确认收货的话我们这边没办法'))).toEqual([
      [1, 'refund_obstruction'],
    ]);
    expect(
      await flagsByLine(
        detector,
        c('it never came, I want a refund'),
        m('you have to mark it as delivered first, then I can refund you'),
      ),
    ).toEqual([[1, 'refund_obstruction']]);
  });

  it('flags no advice not to confirm, nor a refund already made', async () => {
    expect(await flagsByLine(detector, c('还没收到 要退款'), m('您先别点确认收货 直接申请仅退款就行'))).toEqual([]);
    expect(await flagsByLine(detector, c('退款了吗'), m('已经给您退款了 您方便的时候确认收货就好'))).toEqual([]);
    expect(await flagsByLine(detector, c('我要退款'), m('您先确认一下收货地址 我看下物流'))).toEqual([]);
    expect(
      await flagsByLine(detector, c('refund please'), m("don't mark it as received, I'll refund you today")),
    ).toEqual([]);
  });
});

describe('abuse addressed by position or carried on', () => {
  it('flags a name that ends a spoken line, not one after an article or a copula', async () => {
    expect(await flagsByLine(detector, c('put me through to your manager already idiot'))).toEqual([[0, 'abuse']]);
    expect(await flagsByLine(detector, c('i felt like an idiot setting it up'))).toEqual([]);
    expect(await flagsByLine(detector, c('my neighbour is a total moron'))).toEqual([]);
    expect(await flagsByLine(detector, c('that courier company is run by clowns'))).toEqual([]);
    expect(await flagsByLine(detector, m('Some buyers call us idiots, we still help them.'))).toEqual([]);
  });

  it('flags talking down only after the speaker’s own flagged contempt', async () => {
    expect(
      await flagsByLine(
        detector,
        m('did you even read the size chart'),
        c('what?'),
        m("it's not rocket science, order the right one next time"),
      ),
    ).toEqual([
      [0, 'abuse'],
      [2, 'abuse'],
    ]);
    expect(
      await flagsByLine(
        detector,
        c('how do I pair it'),
        m("don't worry, it's not complicated, I'll walk you through it"),
      ),
    ).toEqual([]);
  });
});

describe('a product said to beat medicine', () => {
  it('flags the comparison, not a warning that it is no medicine', async () => {
    expect(await flagsByLine(detector, m('这个酵素比药还管用 天天喝就行'))).toEqual([[0, 'prohibited_claim']]);
    expect(await flagsByLine(detector, m('honestly this tea works better than your meds'))).toEqual([
      [0, 'prohibited_claim'],
    ]);
    expect(await flagsByLine(detector, m('这个是普通食品 不能代替药物 有病还是要看医生'))).toEqual([]);
  });
});
