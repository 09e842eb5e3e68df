/**
 * Decision 0865: S's false flags and its quiet refund obstructions and missed abuse, read as
 * mechanisms. Every phrasing here is our own (neither S's nor eval/flagss-probe-19's), so a test
 * passes only when the mechanism holds, not the sentence.
 */
import { describe, expect, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { categoriesOnLast, flagsByLine } from './testing/calls.js';

// The rules alone: the trained layer must not be what makes these pass.
const rules = new ComplianceDetector({ learned: false });
const on = (written: string) => categoriesOnLast(rules, written);

describe('a slur abbreviation fused to a sum or a model number is a code', () => {
  it('leaves currency codes and model numbers alone', async () => {
    expect(await on('c: 這雙鞋多少 / m: 特價NT$2,390 今天有貨')).toEqual([]);
    expect(await on('c: 差价退了吗 / m: 退了 NT 150 已经原路返回')).toEqual([]);
    expect(await on('c: 我的是哪一款 / m: 您下单的是SB-350型 跟SB-300是同一个充电器')).toEqual([]);
  });

  it('still reads the abbreviation said at the listener', async () => {
    expect(await on('m: 你是不是NT啊 说了多少遍了')).toContain('abuse');
    expect(await on('c: 还不发货 sb')).toContain('abuse');
  });
});

describe('an insult said of the speaker, the listener named after it', () => {
  it('leaves the speaker’s own inability or blunder alone', async () => {
    expect(await on("c: what's the card pin / m: sorry, I can't read the PIN to you over chat")).toEqual([]);
    expect(await on('m: 小妹真笨 把您的尺码看错了')).toEqual([]);
    expect(await on('c: 你是不是觉得我好骗 / m: 没有的亲')).toEqual([]);
  });

  it('still flags the listener named first, or the speaker’s judgement of them', async () => {
    expect(await on("m: honestly I think you're an idiot")).toContain('abuse');
    expect(await on('m: you moron I explained it twice')).toContain('abuse');
    expect(await on('m: 我看你就是个白痴')).toContain('abuse');
  });
});

describe('two deficits asked as alternatives', () => {
  it('does not let the first one’s negation cancel the second', async () => {
    expect(await on('m: 你是看不见还是没脑子')).toContain('abuse');
    expect(await on('m: 您是不喜欢颜色还是不合适')).toEqual([]);
  });
});

describe('an insult fused to the listener’s role, said as the clause', () => {
  it('flags it and leaves the same insult at a third party', async () => {
    expect(await on('c: 白痴店家 问了三遍都不回')).toContain('abuse');
    expect(await on('c: 垃圾快递 箱子都压扁了')).toEqual([]);
  });
});

describe('a dare, then the harm on the next line', () => {
  it('flags both lines as one threat', async () => {
    const got = await flagsByLine(
      rules,
      ['customer', '这锅用一次就糊了 我要投诉'],
      ['merchant', '你投诉一个试试'],
      ['merchant', '你家地址我这有 投诉一出来我天天上门找你'],
    );
    expect(got).toContainEqual([1, 'abuse']);
    expect(got).toContainEqual([2, 'abuse']);
  });

  it('leaves a dare followed by service talk alone', async () => {
    const got = await flagsByLine(rules, ['merchant', '亲 试试重启一下'], ['merchant', '好的 我们尽快处理']);
    expect(got).toEqual([]);
  });
});

describe('refund obstruction: the buyer asked to drop their own refund', () => {
  it('flags the withdrawal asked for, or pressed with the shop’s loss', async () => {
    expect(await on('c: the toaster sparks / m: kindly withdraw the refund request from your orders page')).toContain(
      'refund_obstruction',
    );
    expect(await on('c: 我申请了退款 / m: 您撤一下吧 退款单会影响我们店铺评分')).toContain('refund_obstruction');
  });

  it('leaves the buyer’s own choice, a re-filing, an order cancel and a refund already paid', async () => {
    expect(await on('c: 不想退了 怎么取消 / m: 如果您不想退了 在订单里撤销申请就行')).toEqual([]);
    expect(
      await on("m: if you'd rather have the replacement, just cancel the refund request and I'll send it"),
    ).toEqual([]);
    expect(await on('m: we already refunded you in full, so please close the refund request')).toEqual([]);
    expect(await on("m: please don't cancel the refund request, it's being processed")).toEqual([]);
  });
});

describe('refund obstruction: refused in advance, held on receipt, held open', () => {
  it('flags a refund the speaker says they will not approve', async () => {
    expect(await on('c: 台灯不亮 / m: 您申请的这个退款 我是不会同意的')).toContain('refund_obstruction');
    expect(await on('m: 退款不会被驳回的 您放心')).toEqual([]);
    expect(await on('m: 超过七天无理由了 退款是不会通过的')).toEqual([]);
  });

  it('flags compensation made to wait for the buyer to confirm receipt', async () => {
    expect(await on('c: 柜子到了门板裂了 / m: 确认收货以后我再给您补偿 不然这个售后没法处理')).toContain(
      'refund_obstruction',
    );
  });

  it('flags the case held open after the speaker’s own obstruction, not after lawful talk', async () => {
    const held = await flagsByLine(
      rules,
      ['customer', '锅底凸起来了 要退款'],
      ['merchant', '您先把差评删一下我再给您退'],
      ['customer', '凭什么'],
      ['merchant', '不删的话这单就一直挂着'],
    );
    expect(held).toContainEqual([3, 'refund_obstruction']);
    const lawful = await flagsByLine(
      rules,
      ['customer', '退款到哪一步了'],
      ['merchant', '仓库收到货检查完就退'],
      ['customer', '好吧'],
      ['merchant', '物流没到之前这单会一直挂着 您别担心'],
    );
    expect(lawful.filter(([, cat]) => cat === 'refund_obstruction')).toEqual([]);
  });
});

describe('refund obstruction: use given as the refusal after a fault, in English too', () => {
  it('flags it after the buyer named a fault and leaves a change of mind or an owned fault', async () => {
    expect(await on("c: the kettle switch snapped off / m: sorry, it's been used so we can't take it back")).toContain(
      'refund_obstruction',
    );
    expect(await on("c: I just don't like the colour / m: sorry, it's been used so we can't take it back")).toEqual([]);
    expect(
      await on(
        "c: the kettle switch snapped off / m: it's been used, but a broken switch is a defect, so I'll refund you",
      ),
    ).toEqual([]);
  });
});

describe('refund obstruction: the held refund’s forms completed', () => {
  it('reads the shop’s act right after the review change, said with 马上/立马 too', async () => {
    expect(await on('c: 鞋底开胶了 要退 / m: 您先把差评删一下 删了我这边立马给您退')).toContain('refund_obstruction');
    expect(await on('c: 地址写错了 / m: 好的 改了我马上给您发')).toEqual([]);
  });

  it('reads a refusal whatever is filed, unless a lawful reason is given', async () => {
    expect(await on('c: 我要申请退货 / m: 您申请了我们这边也会拒绝')).toContain('refund_obstruction');
    expect(await on('c: 我要申请退货 / m: 已经超过七天了 申请了也会拒绝的')).toEqual([]);
  });

  it('reads the case parked after the speaker’s own obstruction', async () => {
    const parked = await flagsByLine(
      rules,
      ['customer', '灯不亮 要退款'],
      ['merchant', '您先把差评改一下 改了我再给您退'],
      ['customer', '不改'],
      ['merchant', '那这个退款就先放着'],
    );
    expect(parked).toContainEqual([3, 'refund_obstruction']);
  });
});
