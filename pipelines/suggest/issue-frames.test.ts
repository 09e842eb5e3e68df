import { describe, expect, it } from 'vitest';
import { eachMapsTo } from '../../test/table.js';
import { classifyUtterance } from './issue.js';

// Phrasings written for these tests (session 15, decision 0655); none comes from an evaluation set.
const top = (text: string) => classifyUtterance(text)[0]?.kind ?? null;

describe('a part of the goods in a defective state (decision 0655)', () => {
  eachMapsTo('%s → %s', top, [
    ['电饭煲的盖子合不上了', 'damaged'],
    ['我那个行李箱 轮子 有点松', 'damaged'],
    ['the handle on the mug came loose after one wash', 'damaged'],
    ['the buckle is stuck and I cant open the belt', 'damaged'],
    ['显示器屏幕上有两条竖线', 'damaged'],
    ['my thermos goes cold in like an hour', 'damaged'],
    ['the keys on my keyboard sticks', 'damaged'],
    // The state words alone say nothing about the goods.
    ['这条裤子太小了', 'changed_mind'],
    ['my order is stuck at the depot', 'late'],
    ['I have a loose tooth lol', null],
    // A part not in that state, or a question before a sale.
    ['the handle is not loose at all, it is fine', null],
    ['这个锅的把手用久了会松吗', null],
  ]);
});

describe('a part absent from its container (decision 0655)', () => {
  eachMapsTo('%s → %s', top, [
    ['the blender came but there was no lid in the box', 'missing_item'],
    ['opened it and the charger isnt in the package', 'missing_item'],
    ['the kit had no allen key in it', 'missing_item'],
    ['箱子里面没有说明书和螺丝', 'missing_item'],
    // Asked, not reported.
    ['is there a charger in the box?', null],
    ['箱子里没问题 都挺好的', null],
  ]);
});

describe('what was ordered set against what came (decision 0655)', () => {
  eachMapsTo('%s → %s', top, [
    ['I ordered the linen shirt in a medium and got an XL', 'wrong_item'],
    ['you sent me the black ones, I ordered navy', 'wrong_item'],
    ['the one I received is the 2022 edition but I ordered the new one', 'wrong_item'],
    ['我点的是原味的 你们送来的是辣的', 'wrong_item'],
    ['我说了要大号 你们发了中号', 'wrong_item'],
  ]);
});

describe('typos and potential complements (decision 0655)', () => {
  eachMapsTo('%s → %s', top, [
    ['the vase arrived craked down one side', 'damaged'],
    ['the remote is brokn', 'damaged'],
    ['新买的手机 拨不出去 只能接', 'damaged'],
    ['烤火器用了一会就自动断电', 'damaged'],
  ]);
});

describe('bills, measures, comparisons and states said in other words (decision 0655)', () => {
  eachMapsTo('%s → %s', top, [
    ['我这个月的会员 charge 了两次', 'billing'],
    ['my phone bill is way higher than usual this month', 'billing'],
    ['you charged me $24.50 for a delivery I cancelled', 'billing'],
    ['配的眼镜瞳距感觉不对 戴着晕', 'wrong_item'],
    ['the rug is much more grey than the beige on the website', 'not_as_described'],
    ['枕头一股霉味', 'not_as_described'],
    ['the chips came all crushed', 'damaged'],
    ['用了两天眼霜 眼皮好痒', 'not_as_described'],
    ['this is even nicer than the one in the pictures', null],
    ['my invoice shows an extra $40 for roaming', 'billing'],
    ['got charged customs fees at the door even though the page said all import duties were included', 'billing'],
    ['那个 jacket 尺码 wrong 了', 'wrong_item'],
    ['物流一直在中转 一个礼拜了', 'late'],
    ['说好周三发 到现在还没发', 'late'],
    ['the lamp was supposed to ship on monday', 'late'],
    ['到现在都没问题 挺好用', null],
    ['退款到现在都没到账', 'refund_status'],
    ['so much more beautiful than in the photos', null],
  ]);
});

describe('reading stays as it was where no frame holds', () => {
  eachMapsTo('%s → %s', top, [
    ['屏幕没有问题', null],
    ["there's no problem with the screen", null],
    ['the zipper broke', 'damaged'],
  ]);
});

describe("a merchant's diagnosis is no buyer's report (decision 0655)", () => {
  it('reads the part-state frame on buyer lines only', async () => {
    const { kindsOf } = await import('./issue-cues.js');
    const { analyzeLine } = await import('../language/index.js');
    const a = analyzeLine('一般是螺丝松了 您拧紧一下');
    expect(kindsOf(a, 'merchant')[0]).toEqual([]);
    expect(kindsOf(a, 'customer')[0][0]?.kind).toBe('damaged');
  });
});
