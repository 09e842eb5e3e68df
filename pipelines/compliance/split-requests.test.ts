/**
 * Decision 0715: an act split over two lines — the rating asked for on one line, its reward on the
 * speaker's next — flags the request line too, late, from the line that completes the act, with
 * evidence joining both lines; batch and live raise the same flags. Every phrasing here is our own
 * and appears in no eval set.
 */
import { describe, expect, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { c, call, flagsByLine, m } from './testing/calls.js';

const detector = new ComplianceDetector();

describe('a rating asked for on one line, its reward on the next', () => {
  it('flags the request line as well as the reward line, in zh and en', async () => {
    expect(
      await flagsByLine(
        detector,
        c('到货了 还挺好'),
        m('亲 有空帮忙点个五星好评呀'),
        m('评好截图给小妹 返您4元红包哦'),
      ),
    ).toEqual([
      [1, 'review_manipulation'],
      [2, 'review_manipulation'],
    ]);
    expect(
      await flagsByLine(
        detector,
        c('the kettle works great'),
        m('love to hear it, could you leave us a five star review?'),
        m('screenshot it for me and I will send a $5 gift card'),
      ),
    ).toEqual([
      [1, 'review_manipulation'],
      [2, 'review_manipulation'],
    ]);
  });

  it('joins both lines in the late flag’s evidence, words and times', async () => {
    const t = call(m('亲 有空帮忙点个五星好评呀'), m('评好截图给小妹 返您4元红包哦'));
    const [late] = (await detector.detect(t)).filter((f) => f.utterance === 0);
    expect(late?.evidence).toContain('五星好评');
    const detail = late!.verdicts[0]!.detail as {
      late: boolean;
      request: { utterance: number; startMs: number };
      completedBy: { utterance: number; evidence: string; startMs: number; endMs: number };
    };
    expect(detail.late).toBe(true);
    expect(detail.request).toMatchObject({ utterance: 0, startMs: 0 });
    expect(detail.completedBy).toMatchObject({ utterance: 1, startMs: 1000, endMs: 1900 });
    expect(detail.completedBy.evidence.length).toBeGreaterThan(0);
  });

  it('raises the same flags live, line by line, as in batch — the late one on the completing line', async () => {
    const t = call(
      c('收到了'),
      m('宝子记得给咱们打个五星哦'),
      c('好'),
      m('打完五星截图过来 送您一张10元券'),
      m('截图发这边就行'),
    );
    const batch = await detector.detect(t);
    const live = [];
    for (let i = 0; i < t.length; i++) live.push(...(await detector.detectUtterance(t.slice(0, i + 1), i)));
    const key = (f: { utterance: number; category: string; evidence: string }) =>
      `${f.utterance}:${f.category}:${f.evidence}`;
    expect(live.map(key).sort()).toEqual(batch.map(key).sort());
    // The request line is flagged once, and only when the line completing it is heard.
    expect(live.filter((f) => f.utterance === 1)).toHaveLength(1);
    expect(await detector.detectUtterance(t.slice(0, 2), 1)).toEqual([]);
  });

  it('flags no request line without a reward, nor a line that asks for nothing', async () => {
    expect(
      await flagsByLine(detector, c('收到了 挺满意'), m('亲 满意的话可以帮忙给个好评哦'), m('有问题随时找小妹哈')),
    ).toEqual([]);
    expect(
      await flagsByLine(
        detector,
        c('it arrived'),
        m('an honest review would help us a lot'),
        m('thanks for shopping with us!'),
      ),
    ).toEqual([]);
    // The rating only named, not asked for: the reward line alone is flagged.
    expect(await flagsByLine(detector, m('好多亲都给了五星好评呢'), m('现在好评截图发小妹 返3元红包'))).toEqual([
      [1, 'review_manipulation'],
    ]);
  });

  it('adds nothing when the request line already carries its own flag', async () => {
    const lines = await flagsByLine(detector, m('给个五星好评 返您5元红包哈'), m('评完截图发小妹 红包马上到'));
    expect(lines.filter(([u]) => u === 0)).toHaveLength(1);
  });
});
