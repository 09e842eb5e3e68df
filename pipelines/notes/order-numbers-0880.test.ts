import { describe, expect, it } from 'vitest';
import { line, orderNumberValues as values } from './fixtures/order-lines.js';
import { findOrderNumbers } from './order-numbers.js';

/** The merchant asks on the first line, the buyer answers on the second. */
const answered = (ask: string, answer: string) =>
  findOrderNumbers([line(ask, 'merchant'), line(answer)]).map((n) => n.value);

// Decision 0880: phrasings written for these tests; none is taken from an eval set or the probe.
describe('a cue reaches from its end (0880)', () => {
  it('a long cue with a few words after it still speaks about the number', () => {
    expect(values('the serial number printed under the base is 5501938842')).toEqual([]);
    expect(values('快递单号 我刚才查了一下 是 4410927736581')).toEqual([]);
  });
  it('an order cue as far away still names an order (hard negative)', () => {
    expect(values('the order number printed on my receipt is 5501938842')).toEqual(['5501938842']);
  });
});

describe('the question a line leaves open is the cue it asks about (0880)', () => {
  it('an IMEI asked, then a way to find it naming the phone', () => {
    expect(answered('麻烦报一下手机的串号吗 在设置 关于手机里能看到', '三五二 八一零 九六四 四二零 五三一')).toEqual(
      [],
    );
  });
  it('an order asked beside a phone the merchant already has', () => {
    expect(answered('麻烦您报一下订单号 手机号我这边有', '二六零二 一八四四 五零一二')).toEqual(['260218445012']);
  });
});
