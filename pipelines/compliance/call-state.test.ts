/**
 * Decision 0430: the call's carried state of open acts. The phrasings are our own and appear in no
 * eval set.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvidenceLineSchema } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { ComplianceDetector } from './detector.js';
import { c, call, flagsByLine, m } from './testing/calls.js';

const detector = new ComplianceDetector();

describe('the carried state of open acts', () => {
  it('keeps the line that opened the act as evidence, with its words, span and time', async () => {
    const t = call(m('亲 退款这边是退到您的银行卡号上'), c('嗯'), m('发给小妹就行'));
    const flag = (await detector.detect(t)).find((f) => f.utterance === 2);
    expect(flag?.category).toBe('privacy_request');
    const earlier = EvidenceLineSchema.parse(flag!.verdicts[0]!.detail.earlier);
    expect(earlier.utterance).toBe(0);
    expect(earlier.evidence).toBe(t[0]!.text.slice(...earlier.span));
    expect(earlier.evidence).toContain('银行卡');
    expect([earlier.startMs, earlier.endMs]).toEqual([t[0]!.startMs, t[0]!.endMs]);
  });

  it('a flag on its own line names no earlier line', async () => {
    const flags = await detector.detect(call(m('亲 您的银行卡号发一下给小妹')));
    expect(flags.map((f) => f.category)).toEqual(['privacy_request']);
    expect(flags[0]!.verdicts[0]!.detail.earlier).toBeUndefined();
  });

  it('reads a line edited in place afresh, not from the state of the old text', async () => {
    const t = call(m('亲 退款这边是退到您的银行卡号上'), c('嗯'), m('发给小妹就行'));
    expect((await detector.detectUtterance(t, 2)).map((f) => f.category)).toEqual(['privacy_request']);
    t[0] = { ...t[0]!, text: '亲 退款会原路退回哈' };
    expect(await detector.detectUtterance(t, 2)).toEqual([]);
  });

  it('keeps an act open over the other party’s turn, however many lines it takes, and no further', async () => {
    const named = m('您的身份证号码');
    const ask = m('发给小妹就行');
    expect(await flagsByLine(detector, named, c('身份证？'), c('要这个干嘛'), ask)).toContainEqual([
      3,
      'privacy_request',
    ]);
    expect(await flagsByLine(detector, named, c('身份证？'), m('您的订单已经到了'), c('嗯'), ask)).not.toContainEqual([
      4,
      'privacy_request',
    ]);
  });

  it('gives a number to the act opened last: a chat app asked about after a private deal takes it', async () => {
    const deal = m('量大的话 您直接转账给小妹就行');
    const number = m('三七六 五五一 二零九八');
    expect(await flagsByLine(detector, deal, c('嗯'), number)).toContainEqual([2, 'off_platform_payment']);
    const lines = await flagsByLine(detector, deal, m('细节您加下我们经理的扣扣'), c('扣扣号多少'), number);
    expect(lines.filter(([u]) => u === 3)).toEqual([[3, 'contact_exchange']]);
  });

  it('reads a payout after the speaker’s private chat app as paid there, and a coupon as the platform’s', async () => {
    const offer = m('您方便的话加一下小妹的绿色软件');
    const why = c('为啥要加');
    expect(await flagsByLine(detector, offer, why, m('加上了小妹直接给您发个红包补偿'))).toContainEqual([
      2,
      'off_platform_payment',
    ]);
    expect(
      await flagsByLine(
        detector,
        m('Easier if you add me on WhatsApp'),
        c('why?'),
        m("once you're on there I'll send you the $10 myself"),
      ),
    ).toContainEqual([2, 'off_platform_payment']);
    const none = [
      await flagsByLine(detector, offer, why, m('小妹在平台上给您发个店铺红包补偿')),
      await flagsByLine(
        detector,
        m('Easier if you add me on WhatsApp'),
        c('why?'),
        m("I'll send you a 10 dollar coupon tonight"),
      ),
      await flagsByLine(
        detector,
        m('加一下小妹的绿色软件'),
        c('好'),
        m('这边给您退款'),
        c('嗯'),
        m('小妹稍后给您发个红包'),
      ),
    ];
    expect(none.map((f) => f.filter(([, cat]) => cat === 'off_platform_payment'))).toEqual([[], [], []]);
  });

  const MERCHANT = [
    '亲 退款这边需要您的银行卡号哈',
    '方便的话发一下给小妹',
    '加一下小妹的微信吧 售后快',
    '微信号 kefu8899',
    '私下转给小妹就行 比走平台快多了',
    'We just need the card number on file',
    'Do you have the green app? add me there',
    "that's faster than the marketplace",
    '好的亲 给您补发',
  ];
  const CUSTOMER = ['好的', 'ok', '微信？', '哪个软件', '不加 就在这退', 'which one?', '嗯嗯'];
  const line = fc.oneof(
    fc.constantFrom(...MERCHANT).map((text) => m(text)),
    fc.constantFrom(...CUSTOMER).map((text) => c(text)),
  );

  it('flags a call read whole exactly as line by line from a fresh state each time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 14 }), async (ls) => {
        const t = call(...ls);
        const whole = await detector.detect(t);
        const fresh: unknown[] = [];
        for (let i = 0; i < t.length; i++)
          fresh.push(...(await detector.detectUtterance(t.slice(0, i + 1) as TranscriptLine[], i)));
        expect(fresh).toEqual(whole);
      }),
      { numRuns: 30, seed: 430 },
    );
  }, 120_000);
});
