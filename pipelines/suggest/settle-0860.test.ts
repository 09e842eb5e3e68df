import { describe, expect, it } from 'vitest';
import { CallReading } from './call-reading.js';
import { classifyUtterance } from './issue.js';
import { says } from './issue-cues.js';
import { call, merchantSays } from './testing/settle.js';

// Decision 0860. Phrasings written for these tests; none comes from an evaluation set or the probe.

describe('goods on their way back or back with the shop', () => {
  it.each([
    ['customer', '我那个台灯都退回去一个星期了'],
    ['merchant', '仓库周一已经签收了 今天给您退'],
    ['customer', 'I sent the speaker back last tuesday'],
    ['merchant', 'we got it back on friday so the refund is going through now'],
  ] as const)('%s: %s', (speaker, text) => {
    expect(new CallReading(call([speaker, text])).goodsBack(0)).toBe(true);
  });
  it('not money sent back', () => {
    expect(new CallReading(call(['merchant', '钱已经退回去了 您查一下'])).goodsBack(0)).toBe(false);
    expect(new CallReading(call(['merchant', '退款都退回去了 注意查收'])).goodsBack(0)).toBe(false);
  });
});

describe('the refund of a cancelled order', () => {
  const top = (text: string) => classifyUtterance(text)[0]?.kind ?? null;
  it('is chased in other words', () => {
    expect(top("I cancelled my order friday and I haven't seen the refund")).toBe('refund_status');
    expect(top('hi just checking on my refund please')).toBe('refund_status');
    expect(top('那个订单我取消了 钱退了没有')).toBe('refund_status');
    expect(top("I'm checking on the refund policy before I order")).toBeNull();
  });
  it('is said to have gone out', () => {
    expect(merchantSays('the forty two ninety was refunded to your card on monday')).toBe('settled refund');
    expect(merchantSays('your refund went out this morning')).toBe('settled refund');
    expect(merchantSays('if the refund went through you would see it')).toBe('nothing');
    expect(merchantSays('sorry the refund went out short, let me look')).toBe('nothing');
  });
  it('the call says the order was cancelled', () => {
    expect(says('好的 订单已经取消成功了', 'issue.order_cancelled')).toBe(true);
    expect(says('I cancelled the order on the app', 'issue.order_cancelled')).toBe(true);
    expect(says('能不能取消订单', 'issue.order_cancelled')).toBe(false);
  });
});

describe('an ask renewed after the merchant turned it down', () => {
  it('does not stand; another remedy asked does', () => {
    const renewed = new CallReading(
      call(
        ['customer', 'the lamp is not what I wanted, I want a refund'],
        ['merchant', "sorry, clearance items aren't eligible for returns"],
        ['customer', 'I still want my money back'],
      ),
    );
    expect(renewed.askStanding(2)).toBeNull();
    const other = new CallReading(
      call(
        ['customer', '这个杯子我不想要了 我要退款'],
        ['merchant', '亲 定制款不支持退货的'],
        ['customer', '那给我换一个吧'],
      ),
    );
    expect(other.askStanding(2)).toBe('replacement');
  });
  it('refusals in other words', () => {
    const refuses = (text: string) => new CallReading(call(['merchant', text])).remedySince(0, 0);
    expect(refuses("sorry, swimwear can't be returned for hygiene reasons")).toEqual({ remedy: 'open', line: 0 });
    expect(refuses('final sale items are not eligible for returns')).toEqual({ remedy: 'open', line: 0 });
  });
});
