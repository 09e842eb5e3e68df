import { describe, expect, it } from 'vitest';
import { line, orderNumberValues as values } from './fixtures/order-lines.js';
import { findOrderNumbers, matchOrderNumber, withinOneEdit } from './order-numbers.js';

describe('findOrderNumbers: forms', () => {
  it.each([
    ['我的订单号是240611587736219', '240611587736219'],
    ['单号 2406-1158-7736-219 您查一下', '240611587736219'],
    ['订单编号二四零六一一五八七七三六二一九', '240611587736219'],
    ['订单号幺五零六二零洞洞三四七七八九幺', '150620003477891'],
    ['my order number is two four oh six one one five eight seven seven three six two one nine', '240611587736219'],
    ['order #240611587736219 never arrived', '240611587736219'],
    ['the order is three one two double five four seven eight nine nine oh one', '312554789901'],
    ['订单号是240611，嗯，587736219', '240611587736219'],
    ['京东的订单 312554789901 还没到', '312554789901'],
    ['240611587736219是我的订单号', '240611587736219'],
    ['单号是 2406 一一五八 seven seven three six 219', '240611587736219'],
    ['The order number is 6, 1, 0, 4, 4, 8, 2, 9, 5, 7, thanks.', '6104482957'],
    ['嗯 我的 parcel 还没到, order number is four four one, two oh, oh oh nine, one five.', '4412000915'],
    ['Order two one nine, oh five, oh eight eight, four four.', '2190508844'],
  ])('%s', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('takes the cue from the question on the line before', () => {
    const notes = findOrderNumbers([line('您好，麻烦报一下订单号', 'merchant'), line('240611587736219')]);
    expect(notes).toEqual([{ value: '240611587736219', utterance: 1, span: [0, 15], matched: null }]);
  });

  it('keeps one note per number, at its first mention', () => {
    const notes = findOrderNumbers([
      line('订单号240611587736219'),
      line('好的，240611587736219对吧？', 'merchant'),
      line('对，2406-1158-7736-219'),
    ]);
    expect(notes.map((n) => [n.value, n.utterance])).toEqual([['240611587736219', 0]]);
  });

  it('reports the span of the digits in the line', () => {
    const text = '订单号：2406-1158-7736-219';
    const [note] = findOrderNumbers([line(text)]);
    expect(text.slice(...note!.span)).toBe('2406-1158-7736-219');
  });
});

describe('findOrderNumbers: hard negatives', () => {
  it('reads no order number inside a link, an e-mail or a handle, and still reads the one beside it', () => {
    expect(values('订单号看这里 https://web.archive.org/web/20231105123456/item/558190')).toEqual([]);
    expect(values('order number? see shop.example.com/orders/771203558190')).toEqual([]);
    expect(values('订单号240611587736219，截图在 https://img.example.com/u/202406115877 里')).toEqual([
      '240611587736219',
    ]);
    expect(values('order number: email 771203558190@mail.example.com or @order_771203558190')).toEqual([]);
  });

  it.each([
    ['我手机号13812345678', []],
    ['my cell is 1, 3, 9, 1, 2, 3, 4, 5, 6, 7, 8', []],
    ['您打我电话 138 1234 5678', []],
    ['call me at five five five, one two three, four five six seven', []],
    ['my number is +1 415 555 0132', []],
    ['快递单号是773012345678901', []],
    ['顺丰单号SF1234567890123', []],
    ['tracking number YT7712345678901', []],
    ['中通的 75312345678901 一直没更新', []],
    ['价格是128元，订单号240611587736219', ['240611587736219']],
    ['订单号240611587736219，一共128块', ['240611587736219']],
    ['2024-06-11 14:30下的单', []],
    ['我买了3个，花了59元', []],
    ['银行卡号6222021234567890123', []],
    ['微信号wx240611587736', []],
    ['订单号240611587736219，电话13812345678', ['240611587736219']],
    ['订单号和手机号分别是240611587736219和13912345678', ['240611587736219']],
    ['单号是多少？', []],
  ])('%s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('reads a bare mobile number after a phone question as a phone', () => {
    expect(findOrderNumbers([line('留个电话吧', 'merchant'), line('13812345678')])).toEqual([]);
  });

  it('reads a bare number after a tracking question as a waybill', () => {
    expect(findOrderNumbers([line('快递单号发我一下', 'merchant'), line('773012345678901')])).toEqual([]);
  });
});

describe('matching against the orders table', () => {
  const known = ['240611-587736219', '312554789901'];

  it('marks null without an order list, true/false with one', () => {
    expect(findOrderNumbers([line('订单号240611587736219')])[0]!.matched).toBeNull();
    expect(findOrderNumbers([line('订单号240611587736219')], known)[0]!.matched).toBe(true);
    expect(findOrderNumbers([line('订单号240612000000001')], known)[0]!.matched).toBe(false);
  });

  it('corrects a number one digit off a known order to that order', () => {
    expect(findOrderNumbers([line('订单号240611587786219')], known)[0]).toMatchObject({
      value: '240611587736219',
      matched: true,
    });
    // a dropped digit makes it 9 long: still an order once it is near a known one
    expect(findOrderNumbers([line('订单号31255478990')], known)[0]!.value).toBe('312554789901');
  });

  it('accepts a known id even where it looks like a phone number', () => {
    expect(findOrderNumbers([line('单号13812345678')], ['13812345678'])[0]!.matched).toBe(true);
    expect(findOrderNumbers([line('my number is 13812345678')], ['13812345678'])).toHaveLength(1);
  });

  it('leaves an ambiguous near miss uncorrected', () => {
    expect(matchOrderNumber('240611587736210', ['240611587736211', '240611587736212'])).toEqual({
      value: '240611587736210',
      matched: false,
    });
  });

  it('knows what one edit is', () => {
    expect(withinOneEdit('12345', '12355')).toBe(true);
    expect(withinOneEdit('12345', '12435')).toBe(true);
    expect(withinOneEdit('12345', '1245')).toBe(true);
    expect(withinOneEdit('12345', '123456')).toBe(true);
    expect(withinOneEdit('12345', '13355')).toBe(false);
    expect(withinOneEdit('12345', '21354')).toBe(false);
  });
});

describe('findOrderNumbers: numbers that are not the order', () => {
  it('reads a US-grouped number after "ring me on" as a phone, even after an order question', () => {
    const notes = findOrderNumbers([
      line('Got it, and what was the order number again?', 'merchant'),
      line('You can ring me on 415 600 2288 if that is easier.'),
    ]);
    expect(notes).toEqual([]);
  });

  it.each([
    'Easiest is to give me a call at 646 201 7730 tomorrow.',
    'Just message me on 917 333 4521, I check it all day.',
  ])('phone after a call/text cue: %s', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('drops a letter-coded label and keeps the order number named later in the line', () => {
    expect(values('PK-20261103-5521, sorry, that was the sticker. My order number is 7781 2204 9163.')).toEqual([
      '778122049163',
    ]);
  });

  it('never reads a serial or barcode as the order', () => {
    expect(values('the serial number is 880012345678')).toEqual([]);
    expect(values('盒子上的条形码是 6901234567892')).toEqual([]);
  });

  it('ends spoken order digits at a pause followed by a price cue', () => {
    expect(values('订单号是 5 5 0 2 8 8 1 3 6 6 0 4，2699 拍的')).toEqual(['550288136604']);
    expect(values('单号 7 7 1 0 3 4 5 6 8 8 2 1，399 入手的')).toEqual(['771034568821']);
  });

  it('still joins order digits broken by a pause when no price follows (hard negative)', () => {
    expect(values('订单号是 550288，嗯，136604')).toEqual(['550288136604']);
  });
});

describe('findOrderNumbers: short ids and answers on a later line', () => {
  it.each([
    ['The lamp shade came dented. Order number 58213.', ['58213']],
    ['order number is 10293', ['10293']],
    ['订单号是 582317', ['582317']],
    ['订单号幺二三四五六', ['123456']],
    ['my order number is four eight two nine one', ['48291']],
    ['order # 7 7 4 1 0 2', ['774102']],
    // a partial id, a price, a quantity: not the order
    ['订单号 5823 后面我记不清了', []],
    ['订单号我忘了，花了12999买的', []],
    ['order number? it cost 10293 dollars', []],
    // four digits right after an order cue are a short id; a tail, a year or a partial id are not
    ['订单号7302 还没发货', ['7302']],
    ['Order no. 6618, can it go out today?', ['6618']],
    ['订单尾号6618 还没发货', []],
    ['order ending in 6618 never came', []],
    ['my order from 2025 never came', []],
    ['订单号 7302 后面几位忘了', []],
    // a carrier named before 单号: a waybill
    ['物流一直不动 韵达单号43120987765521', []],
    ['单号43120987765521 一直不动', ['43120987765521']],
  ])('%s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('reads a short id given as the answer on the line after the question', () => {
    const notes = findOrderNumbers([line("What's your order number?", 'merchant'), line('10293')]);
    expect(notes.map((n) => n.value)).toEqual(['10293']);
  });

  it('reads four digits given as the answer to an order question, not a four-digit tail to a phone question', () => {
    const order = findOrderNumbers([line('麻烦提供一下订单号', 'merchant'), line('嗯 找到了 7302')]);
    expect(order.map((n) => n.value)).toEqual(['7302']);
    const tail = findOrderNumbers([line('what is the phone number on file?', 'merchant'), line('it ends with 6602')]);
    expect(tail).toEqual([]);
  });

  it('carries the question over a line that only stalls, not further than three lines', () => {
    const asked = [line('麻烦报一下订单号', 'merchant'), line('嗯 稍等我找一下')];
    expect(findOrderNumbers([...asked, line('是 幺零二九三')]).map((n) => n.value)).toEqual(['10293']);
    const late = [...asked, line('好'), line('嗯'), line('10293')];
    expect(findOrderNumbers(late)).toEqual([]);
  });

  it('keeps the question open over a line that names the number in passing without giving it', () => {
    const lines = [
      line("what's the order number?", 'merchant'),
      line('its in my email somewhere'),
      line('ok here 6612'),
    ];
    expect(findOrderNumbers(lines).map((n) => n.value)).toEqual(['6612']);
  });

  it('keeps the digits said before a sum that cuts into the run', () => {
    const lines = [
      line('whats the order number', 'merchant'),
      line('nine zero zero one five fifty eight bucks for this junk'),
    ];
    expect(findOrderNumbers(lines).map((n) => n.value)).toEqual(['90015']);
  });

  it('reads a spoken "oh" as the leading zero of a long spoken id, not as an interjection', () => {
    const asked = line('can I get the order number?', 'merchant');
    expect(findOrderNumbers([asked, line('oh four four two one nine three three')]).map((n) => n.value)).toEqual([
      '04421933',
    ]);
    expect(findOrderNumbers([asked, line('oh four two, sorry, its on the box')])).toEqual([]);
  });

  it('does not read a short number inside a longer answer as the order', () => {
    const notes = findOrderNumbers([
      line("What's your order number?", 'merchant'),
      line('I paid 10293 for the set and it still has not come after two weeks'),
    ]);
    expect(notes).toEqual([]);
  });

  it('never takes digits of a phone, a link or a date as a short id after an order cue', () => {
    expect(values('订单号 13812345678 是我电话')).toEqual([]);
    expect(values('order number: see shop.example.com/o/58213')).toEqual([]);
    expect(values('订单号 2026-11-05 下的')).toEqual([]);
  });
});
