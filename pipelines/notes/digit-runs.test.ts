import { describe, expect, it } from 'vitest';
import { findDigitRuns } from './digit-runs.js';

const digits = (text: string): string[] => findDigitRuns(text).map((r) => r.digits);

describe('findDigitRuns', () => {
  it.each([
    ['订单号是240611587736219', ['240611587736219']],
    ['2406-1158-7736-219', ['240611587736219']],
    ['２４０６ １１５８ ７７３６ ２１９', ['240611587736219']],
    ['二四零六一一五八七七三六二一九', ['240611587736219']],
    ['幺三八洞洞幺两三四五六', ['13800123456']],
    ['four eight two seven oh one', ['482701']],
    ['double five six triple nine', ['556999']],
    ['twenty four oh six eleven fifty-eight', ['240611' + '58']],
    ['2406 一一五八 seven seven three six 219', ['240611587736219']],
    ['240611，嗯，587736219', ['240611587736219']],
    ['二四零六，一一五八，七七三六，二一九', ['240611587736219']],
    ['two four oh six, um, one one five eight', ['24061158']],
  ])('%s', (text, expected) => {
    expect(digits(text)).toEqual(expected);
  });

  it('reports spans into the original text', () => {
    const text = '我的单号：2406-1158-7736-219，谢谢';
    const [run] = findDigitRuns(text);
    expect(text.slice(run!.start, run!.end)).toBe('2406-1158-7736-219');
    expect(run!.chunks).toEqual([4, 4, 4, 3]);
  });

  it('records spoken chunking so phone layouts are visible', () => {
    expect(findDigitRuns('138 1234 5678')[0]!.chunks).toEqual([3, 4, 4]);
    expect(findDigitRuns('five five five, one two three, four five six seven')[0]!.chunks).toEqual([3, 3, 4]);
  });

  it.each([
    ['订单号240611587736219，128元', ['240611587736219', '128']],
    ['240611587736219，13812345678', ['240611587736219', '13812345678']],
    ['买了3，240611587736219', ['3', '240611587736219']],
    ['2024-06-11 14:30 下的单', []],
    ['Oh, okay', []],
    ['SF1234567890123 到了', ['1234567890123']],
  ])('keeps separate numbers apart: %s', (text, expected) => {
    expect(digits(text)).toEqual(expected);
  });
});
