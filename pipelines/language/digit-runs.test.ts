import { describe, expect, it } from 'vitest';
import { findDigitRuns } from './digit-runs.js';
import { parseDigitRuns } from './digit-runs-data.js';
import { eachMapsTo } from '../../test/table.js';

const digits = (text: string): string[] => findDigitRuns(text).map((r) => r.digits);

describe('findDigitRuns', () => {
  eachMapsTo('%s', digits, [
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
    // Speech-to-text writes a number read digit by digit as a comma list.
    ['5, 2, 8, 8, 0, 1, 4, 7, 3', ['528801473']],
    ['eight, one, one, four, six, two, zero', ['8114620']],
    ['二，四，零，六，一，一，五', ['2406115']],
    // A chunk may open with "oh" after a pause when the number goes on.
    ['five one two, oh four, oh oh seven, eight one', ['5120400781']],
    ['我的单号 six two, oh nine, oh three one 对', ['620903' + '1']],
  ]);

  it('keeps the span of a comma-listed number', () => {
    const text = 'the number is 7, 0, 4, 4, 1, 9, 8, 2, thanks';
    const [run] = findDigitRuns(text);
    expect(text.slice(run!.start, run!.end)).toBe('7, 0, 4, 4, 1, 9, 8, 2');
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

  eachMapsTo('keeps separate numbers apart: %s', digits, [
    ['订单号240611587736219，128元', ['240611587736219', '128']],
    ['240611587736219，13812345678', ['240611587736219', '13812345678']],
    ['买了3，240611587736219', ['3', '240611587736219']],
    ['2024-06-11 14:30 下的单', []],
    ['Oh, okay', []],
    ['SF1234567890123 到了', ['1234567890123']],
    ['sizes 7, 8, 9 are sold out', ['7', '8', '9']],
    ['1, 2, 3, 4, 5 stars', ['1', '2', '3', '4', '5']],
    ['Order 55120. Oh, and thanks', ['55120']],
    ['4, 1, 9; 2, 2, 8, 0', ['4', '1', '9', '2', '2', '8', '0']],
    // A whole typed id takes no digit of another script across a space (一共 opens with 一).
    ['订单7810293364 一共89欧的东西', ['7810293364', '1', '89']],
    ['订单 4482019377 一共 256 块', ['4482019377', '1', '256']],
  ]);
});

describe('digit runs for every engine (spoken phone numbers, grouped and full-width typing)', () => {
  it.each([
    ['我手机是一三九 洞幺二八 四四七六', '13901284476'],
    ['call me on five five five, oh one four two', '5550142'],
    ['电话 １３９０１２８４４７６', '13901284476'],
    ['my cell is nine one seven double three two eight one one oh', '9173328110'],
  ])('%s', (text, value) => {
    expect(digits(text)).toEqual([value]);
  });
});

describe('digit-runs.json', () => {
  it('names the file and the field when the knowledge is broken', () => {
    expect(() => parseDigitRuns('{ "id": "digit-runs", ')).toThrow(/digit-runs\.json: not JSON/);
    expect(() => parseDigitRuns('{ "id": "digit-runs", "version": 1 }')).toThrow(/digit-runs\.json: notDigits/);
  });
});
