/**
 * Decision 0810: blind-R's misses in refund obstruction, claims, abuse and reviews, and the look-alikes
 * that fired or nearly fired, each read as a mechanism. Every phrasing here is our own (neither R's nor
 * eval/flagsr-probe-18*'s), so a test passes only when the mechanism holds, not the sentence.
 */
import { describe, expect, it } from 'vitest';
import { ComplianceDetector } from './detector.js';
import { categoriesOnLast } from './testing/calls.js';

// The rules alone: the trained layer must not be what makes these pass.
const rules = new ComplianceDetector({ learned: false });
const on = (written: string) => categoriesOnLast(rules, written);

describe('refund obstruction: a change-of-mind reason used against a fault', () => {
  it('flags "it was opened" as the refusal after the buyer named a fault', async () => {
    expect(await on('c: 充电宝充不进电 才买四天 / m: 这个您已经拆封用过了 不能退')).toContain('refund_obstruction');
  });

  it('leaves it lawful on a change of mind, beside the seven-day right, or with the fault owned', async () => {
    expect(await on('c: 不想要了 能退吗 / m: 拆封用过了就不能退了哦')).toEqual([]);
    expect(await on('c: 充电宝充不进电 / m: 拆封过的话就不支持七天无理由退货了 这个是平台规则')).not.toContain(
      'refund_obstruction',
    );
    expect(await on('c: 充电宝充不进电 / m: 拆封了不能退是指无理由退货 您这个属于质量问题 能退的')).toEqual([]);
    expect(await on('c: 充电宝充不进电 / m: 拆封了本来是不支持退的 不过小妹给您申请仅退款')).toEqual([]);
  });

  it('flags a refund left stuck until receipt is confirmed', async () => {
    expect(await on('c: 镜子碎了要退款 / m: 您不点确认收货 退款这边就一直卡着走不了')).toContain('refund_obstruction');
  });
});

describe('refund obstruction and review: the refund held on the review', () => {
  it('flags the refund promised once the bad review is gone, said as a sequence', async () => {
    const got = await on('m: 您先把差评删掉 删好了我这边就给您退款');
    expect(got).toContain('refund_obstruction');
    expect(got).toContain('review_manipulation');
  });

  it('flags the refund refused unless the review goes', async () => {
    expect(await on('m: 那条差评您先删一下 / c: 删了再说 / m: 不删的话退款我们是不会同意的')).toContain(
      'refund_obstruction',
    );
  });

  it('reads a sum paid for the review as its reward, not the refund held', async () => {
    expect(await on('m: 您看能不能把差评删了 小妹这边补您15块')).not.toContain('refund_obstruction');
  });

  it('reads the review left to the buyer as no ask', async () => {
    expect(await on('c: 钱收到了 差评要删吗 / m: 差评您想删就删 不删也没关系的')).toEqual([]);
  });

  it('flags a review asked to be changed to a good rating', async () => {
    expect(await on('m: 麻烦亲把评价改成五星好评哈')).toContain('review_manipulation');
  });
});

describe('prohibited claims: medicine stopped, immunity, an operation spared', () => {
  it('flags the buyer told they can stop their medicine or skip an operation', async () => {
    expect(await on('m: Plenty of our customers have stopped their insulin shots since')).toContain('prohibited_claim');
    expect(await on('m: 坚持喝两个月 基本就不用再吃降压药了')).toContain('prohibited_claim');
    expect(await on('m: 贴满三个疗程 手术都不用做了')).toContain('prohibited_claim');
    expect(await on('m: 每天一包 能提高孩子的免疫力')).toContain('prohibited_claim');
  });

  it('leaves advice to keep the medicine, a doctor reported, or an immunity claim refused', async () => {
    expect(await on("m: Please don't stop your insulin without talking to your doctor")).toEqual([]);
    expect(await on('m: 医生说不用做手术的话 可以先试试这个护具')).toEqual([]);
    expect(await on('m: 这个不敢说能提高免疫力的 就是普通零食')).toEqual([]);
  });
});

describe('abuse: names said to the listener', () => {
  it('flags an insult with the listeners named as its own clause', async () => {
    expect(await on('c: so incompetent, the lot of you')).toContain('abuse');
    expect(await on("c: I'm so incompetent with this app, you guys")).toEqual([]);
  });

  it('flags telling the listener they cannot read, not saying it of someone else', async () => {
    expect(await on('m: 您是不是不认识字啊 页面上写着呢')).toContain('abuse');
    expect(await on('c: 我外婆不认识字 能发语音吗')).toEqual([]);
  });

  it('flags Malay "bodoh" aimed at the listener, not at oneself', async () => {
    expect(await on('c: lu bodoh ke, three times already ask')).toContain('abuse');
    expect(await on('c: aiyo I bodoh, key in wrong address')).toEqual([]);
  });
});

describe('precision: look-alikes that fired', () => {
  it('reads "feel free to" as no reward', async () => {
    expect(await on('m: Feel free to leave a review, or not, totally up to you')).toEqual([]);
  });

  it('reads a fee sparing faults, or the airline’s own fee, as no deduction', async () => {
    expect(
      await on("m: Opened returns carry a 15% restocking fee. If it arrived damaged there's no fee at all"),
    ).toEqual([]);
    expect(await on('m: 航空公司的退票规则 起飞前24小时内退票收取20%手续费')).toEqual([]);
  });

  it('reads a review rebate sent to the buyer’s wallet as the review’s reward', async () => {
    const got = await on('m: 好评带图的话 返您5块 走支付宝给您');
    expect(got).toContain('review_manipulation');
    expect(got).not.toContain('off_platform_payment');
  });
});
