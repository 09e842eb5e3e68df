import { describe, expect, it } from 'vitest';
import { findOrderNumbers } from './order-numbers.js';
import { line, orderNumberValues as values } from './fixtures/order-lines.js';

describe('order numbers end where the number ends', () => {
  it.each([
    // An id then its price, typed with a space: two numbers.
    ['5521907734128806 188的那条裙子', '5521907734128806'],
    ['单号 207731904456 3280的冰箱', '207731904456'],
    // A Chinese numeral with a unit after the id is a value, not more digits.
    ['207731904456 两百多买的', '207731904456'],
    ['订单5521907734128806 三千块的东西', '5521907734128806'],
    // A Chinese digit before a measure word is a count.
    ['订单5521907734128806 五天了还没发', '5521907734128806'],
    ['订单号 207731904456 两个都坏了', '207731904456'],
  ])('%s', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('still joins chunks typed with spaces (hard negative)', () => {
    expect(values('订单号 402771 903315')).toEqual(['402771903315']);
    expect(values('订单号是 5521 9077 3412 8806')).toEqual(['5521907734128806']);
  });

  it('still reads digit-by-digit speech that contains no unit (hard negative)', () => {
    expect(values('订单号 四零二七七幺九零三三幺五')).toEqual(['402771903315']);
  });
});

describe('a cue carries to the next line only when it asks', () => {
  it('reads a bare id after a statement that merely names a waybill as an order', () => {
    const notes = findOrderNumbers([line('物流一直没更新 快递到底到哪了'), line('5521907734128806')]);
    expect(notes.map((n) => n.value)).toEqual(['5521907734128806']);
  });

  it('still reads a bare number after a waybill question as a waybill (hard negative)', () => {
    const notes = findOrderNumbers([line('麻烦您把快递单号发我一下', 'merchant'), line('773199204561')]);
    expect(notes).toEqual([]);
  });

  it('reads a short id after a bare cue put to the buyer', () => {
    const notes = findOrderNumbers([line('order ref?', 'merchant'), line('58213')]);
    expect(notes.map((n) => n.value)).toEqual(['58213']);
  });
});

describe('a question is answered by the other party', () => {
  it('does not read the asker’s own next line as the answer to their question', () => {
    const notes = findOrderNumbers([line('包裹怎么还没到啊 物流都不动了'), line('207731904456')]);
    expect(notes.map((n) => n.value)).toEqual(['207731904456']);
  });

  it('reads the other party’s bare number as the answer (hard negative)', () => {
    const notes = findOrderNumbers([line('快递单号是多少呢？', 'merchant'), line('207731904456')]);
    expect(notes).toEqual([]);
  });

  it('lets the same speaker finish "my order number is" on the next line', () => {
    const notes = findOrderNumbers([line('my order number is'), line('58213')]);
    expect(notes.map((n) => n.value)).toEqual(['58213']);
  });
});
