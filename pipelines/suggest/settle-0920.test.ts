import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { TranscriptLine } from '../../core/domain.js';
import { analyzeTranscript } from '../session/analyze-transcript.js';
import { buildAnalyzers } from '../session/build-analyzers.js';
import { CallReading } from './call-reading.js';
import { call } from './testing/settle.js';

// Decision 0920. Phrasings written for these tests; none comes from an evaluation set or the probe.

type Analyzers = Awaited<ReturnType<typeof buildAnalyzers>>;
let analyzers: Analyzers;
beforeAll(async () => {
  analyzers = await buildAnalyzers({ config: loadConfig({}), onFallback: () => {} });
});
const now = new Date('2027-03-02T10:00:00+08:00');
async function recommended(lines: TranscriptLine[]): Promise<string | null> {
  const { findings } = await analyzeTranscript(analyzers, lines, { startedAt: now, timeZone: 'Asia/Shanghai' });
  return findings.refundOptions.find((o) => o.recommended)?.kind ?? null;
}

describe('money held back until the buyer does something in return', () => {
  it('turns the refund down as it stands', () => {
    const reading = new CallReading(
      call(['customer', '台灯用了两天就不亮了 我要退款'], ['merchant', '亲 您把那条差评删了 删了这边立刻同意退款']),
    );
    expect(reading.askStanding(1)).toBeNull();
    expect(reading.remedySince(0, 1)).toMatchObject({ remedy: 'open' });
  });
  it('undoes a refund stated before it', () => {
    const reading = new CallReading(
      call(
        ['customer', 'the kettle lid snapped off'],
        ['merchant', "sorry about that, we'll refund you the $15"],
        ['merchant', 'we just need the one star review taken down before the refund goes out'],
      ),
    );
    expect(reading.remedySince(0, 2)).toMatchObject({ remedy: 'open' });
  });
  it('not goods sent again beside a withdrawn claim (the platform’s steps for a reship)', () => {
    const reading = new CallReading(
      call(['customer', '少发了一个杯盖'], ['merchant', '亲 您先把退款申请撤销一下 这边给您补发']),
    );
    expect(reading.remedySince(0, 1)?.remedy).not.toBe('open');
  });
});

describe('goods promised back on a line naming a repair', () => {
  it('are the buyer’s own, mended: no refund kind', async () => {
    expect(
      await recommended(
        call(
          ['customer', '吹风机用了一个月 突然不出热风了'],
          ['merchant', '亲 您寄过来 这边返厂检测 修好了给您寄回去'],
          ['customer', '好的'],
        ),
      ),
    ).toBeNull();
  });
  it('a new unit sent for a broken one is still a replacement', async () => {
    expect(
      await recommended(
        call(
          ['customer', '吹风机用了三天 突然不出热风了'],
          ['merchant', '亲 实在抱歉 这边给您换一台新的 明天发出'],
          ['customer', '好的'],
        ),
      ),
    ).toBe('replacement');
  });
});

describe('money said as an addition', () => {
  it('is an extra beside goods settled before it', () => {
    const reading = new CallReading(
      call(
        ['customer', '收到的碗碎了两个'],
        ['merchant', '亲 实在抱歉 碎的两个给您换新的 明天发出'],
        ['merchant', '另外再给您补偿八块钱 表示歉意'],
      ),
    );
    expect(reading.remedySince(0, 2)?.remedy).toBe('replacement');
  });
  it('is the remedy when nothing was settled before it', () => {
    const reading = new CallReading(
      call(['customer', '裤子脱线了'], ['merchant', '亲 另外给您补偿十块钱 您看可以吗'], ['customer', '行']),
    );
    expect(reading.remedySince(0, 2)?.remedy).toBe('partial_refund');
  });
});
