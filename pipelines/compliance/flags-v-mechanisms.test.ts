/**
 * Decision 0845: lookalike-V's regression and misses in claims, refunds, reviews and abuse, read as
 * mechanisms. Every phrasing here is our own (neither V's, R's nor eval/flagsv-probe-18's), so a test
 * passes only when the mechanism holds, not the sentence.
 */
import { describe, expect, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { categoriesOnLast } from './testing/calls.js';

// The rules alone: the trained layer must not be what makes these pass.
const rules = new ComplianceDetector({ learned: false });
const on = (written: string) => categoriesOnLast(rules, written);

describe('prohibited claim: a function reported as the label’s is named, not claimed', () => {
  it('leaves an approved or label function quiet', async () => {
    expect(await on('c: 这个灵芝孢子粉有啥作用 / m: 盒子上标的保健功能是增强免疫力 其他的我们不敢说')).toEqual([]);
    expect(await on('c: 这个能降血脂吗 / m: 它备案的功能是辅助降血脂 不能当药吃哈')).toEqual([]);
    expect(
      await on(
        'c: does it help immunity / m: the bottle says it supports a healthy immune system, that is all we can say',
      ),
    ).toEqual([]);
  });

  it('still flags a promise of effect, beside the label or alone', async () => {
    expect(await on('m: 盒子上标的是增强免疫力 您家孩子喝了就不会感冒了')).toContain('prohibited_claim');
    expect(await on('m: 这款我们保证能增强抵抗力')).toContain('prohibited_claim');
    expect(await on('m: 老人家贴上以后都不容易生病')).toContain('prohibited_claim');
  });

  it('flags medicine no longer needed, said in the conditional', async () => {
    expect(
      await on("c: my mom takes statins / m: after a few months she wouldn't need her medication anymore"),
    ).toContain('prohibited_claim');
    expect(
      await on("c: can I take it with my pills / m: please don't stop your medication, ask your doctor first"),
    ).toEqual([]);
  });
});

describe('refund obstruction: receipt asked for, and receipt made the condition', () => {
  it('leaves a polite first step after a refund request alone, and flags it once insisted on', async () => {
    expect(await on('c: 台灯不亮 要退款 / m: 好的亲 请先确认收货哈')).toEqual([]);
    expect(await on('c: 台灯不亮 要退款 / m: 您必须先确认收货 规定是这样')).toContain('refund_obstruction');
    expect(await on('c: 台灯不亮 要退款 / m: 不确认收货的话没法给您申请售后')).toContain('refund_obstruction');
  });

  it('still flags the polite step with the refund on the same line', async () => {
    expect(await on('c: 台灯不亮 / m: 您先确认收货 再给您退款')).toContain('refund_obstruction');
  });
});

describe('review and refund: the refund made the price of the review', () => {
  it('flags both when the review named earlier is to be changed before the refund', async () => {
    const got = await on('c: 我已经打了差评 杯子漏水 / m: 您把评价先删一下 删了之后退款这边马上给您办');
    expect(got).toContain('review_manipulation');
    expect(got).toContain('refund_obstruction');
  });

  it('leaves a refund independent of the review clean', async () => {
    expect(await on('c: 退款到账我就把差评撤了 / m: 不用撤哈 退款是正常走的 评价您随意')).toEqual([]);
  });
});

describe('abuse: told to use a basic faculty, as scorn', () => {
  it('flags it at the buyer and leaves instructions alone', async () => {
    expect(
      await on("c: I can't find the charger / m: it's in the box, how about opening your eyes for once"),
    ).toContain('abuse');
    expect(await on('c: my eyes are dry / m: put one drop in each, then open your eyes slowly')).toEqual([]);
    expect(await on("c: when's it coming / m: keep an eye out this time, the driver won't wait long")).toEqual([]);
  });
});
