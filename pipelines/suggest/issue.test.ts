import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../core/domain.js';
import { assessIssue, classifyUtterance } from './issue.js';
import { affectedQuantity, parseSmallNumber } from './quantities.js';
import { eachMapsTo } from '../../test/table.js';
import { topIssue } from './testing/top-issue.js';

describe('classifyUtterance', () => {
  eachMapsTo('%s → %s', topIssue, [
    ['芒果烂了好几个', 'spoiled'],
    ['苹果坏了三个', 'spoiled'],
    ['洗衣机送来就坏了', 'damaged'],
    ['洗衣机装好了但是漏水', 'damaged'],
    ['安装师傅说好今天上门，一直没来', 'installation'],
    ['我的订单怎么还没发货', 'late'],
    ['发错颜色了，我买的是白色', 'wrong_item'],
    ['少发了两个杯子', 'missing_item'],
    ['实物和图片不一样，色差很大', 'not_as_described'],
    ['买错尺码了，不想要了', 'changed_mind'],
    ['刚买完就降价了，能退差价吗', 'price_drop'],
    ['退款什么时候到账啊', 'refund_status'],
    ['Three of the ten mangoes arrived rotten', 'spoiled'],
    ["The kettle won't turn on", 'damaged'],
    ['You sent me the wrong item', 'wrong_item'],
    ['The charging cable was missing from the box', 'missing_item'],
    ["My order still hasn't shipped", 'late'],
    ['The installer never showed up for the appointment', 'installation'],
    ['It looks nothing like the picture', 'not_as_described'],
    ['I changed my mind, can I return it?', 'changed_mind'],
    ['When will I get my refund?', 'refund_status'],
    ['The price dropped two days after I bought it', 'price_drop'],
    ['The avocados have gone bad', 'spoiled'],
  ]);

  it('reads generic "坏了" as spoilage when the order is fresh food', () => {
    expect(topIssue('坏了好几个')).toBe('damaged');
    expect(topIssue('坏了好几个', true)).toBe('spoiled');
  });

  eachMapsTo('hard negative: %s → %s', topIssue, [
    ['东西没坏，就是不喜欢', 'changed_mind'],
    ['It is not broken, I just changed my mind', 'changed_mind'],
    ['你好，在吗', null],
    ['好的，谢谢', null],
    ['Thanks, that works for me', null],
  ]);
});

describe('assessIssue', () => {
  const lines: TranscriptLine[] = [
    { speaker: 'customer', text: '你好，我买的芒果到了', startMs: 0, endMs: 1 },
    { speaker: 'merchant', text: '您好，请问是有坏果吗？', startMs: 2, endMs: 3 },
    { speaker: 'customer', text: '对，烂了', startMs: 4, endMs: 5 },
    { speaker: 'customer', text: '十个里面有三个', startMs: 6, endMs: 7 },
    { speaker: 'merchant', text: '好的', startMs: 8, endMs: 9 },
  ];

  it("keeps the customer's latest issue and takes the count from the following line", () => {
    expect(assessIssue(lines, 4)).toMatchObject({ kind: 'spoiled', utterance: 2, count: 3, total: 10, share: 0.3 });
  });

  it("does not take a merchant's question as the customer's issue when the customer named one", () => {
    expect(assessIssue(lines, 0)).toBeNull();
    expect(assessIssue(lines, 1)).toMatchObject({ kind: 'spoiled', utterance: 1 });
  });
});

describe('affectedQuantity', () => {
  it.each([
    ['十个里面有三个是烂的', { count: 3, total: 10, share: 0.3 }],
    ['一共12个坏了4个', { count: 4, total: 12 }],
    ['坏了两个', { count: 2, total: null, share: null }],
    ['three out of ten are rotten', { count: 3, total: 10, share: 0.3 }],
    ['2 of them are cracked', { count: 2, total: null }],
    ['一半都烂了', { share: 0.5 }],
    ['all of them are mouldy', { share: 1, extent: 'all' }],
    ['大部分都坏了', { share: null, extent: 'most' }],
    ['订单号 240611587736219', { count: null, share: null, extent: null }],
  ])('%s', (text, expected) => {
    expect(affectedQuantity(text)).toMatchObject(expected);
  });

  it('parses small Chinese and English numbers', () => {
    expect([
      parseSmallNumber('十二'),
      parseSmallNumber('二十五'),
      parseSmallNumber('两'),
      parseSmallNumber('dozen'),
    ]).toEqual([12, 25, 2, 12]);
    expect(parseSmallNumber('百')).toBeNull();
  });
});

describe('affected quantity with the total said apart', () => {
  it.each([
    ['昨天收到的苹果烂了三个，一共十个', 3, 10],
    ['坏了两个，我总共买了八个', 2, 8],
    ['two are broken, I ordered six', 2, 6],
  ])('%s → %i of %i', (text, count, total) => {
    expect(affectedQuantity(text)).toMatchObject({ count, total, share: count / total });
  });

  it('ignores a total larger count cannot belong to', () => {
    expect(affectedQuantity('烂了五个，一共买了三个')).toMatchObject({ count: 5, total: null });
  });
});

describe('everyday complaints', () => {
  eachMapsTo('%s → %s', topIssue, [
    // cracks and leaks are damage
    ['杯子侧面有一道裂纹，倒上热水就往外漏', 'damaged'],
    ['盆底开裂了', 'damaged'],
    ['The vase has a hairline crack and it leaks water', 'damaged'],
    // workmanship defects
    ['剪刀的刃上全是毛刺', 'damaged'],
    ['The fan motor burnt out on day three', 'damaged'],
    ['电机烧坏了，闻到一股焦味', 'damaged'],
    // doesn't fit → no-reason return
    ['鞋子买大了一码，想退了', 'changed_mind'],
    ['裤子穿不下，腰太紧了', 'changed_mind'],
    ['The jacket is too small for me', 'changed_mind'],
    ["These boots don't fit", 'changed_mind'],
    ['I ordered the wrong size, can I send it back?', 'changed_mind'],
    // not as described, said loosely
    ['颜色跟照片上差得挺远', 'not_as_described'],
    ['和详情页写的不一样', 'not_as_described'],
    // merchant made a customised item wrong
    ['我订的婚戒内圈字印错了', 'wrong_item'],
    ['The engraving is misspelled on the watch', 'wrong_item'],
    ['I ordered a blue mug and got a green teapot instead', 'wrong_item'],
  ]);

  eachMapsTo('hard negative: %s → %s', topIssue, [
    ['没有裂缝，就是颜色不喜欢', 'changed_mind'],
    ['我刚烧了一壶水，想问下怎么除垢', null],
    ['这样不合适吧，我不删评价', null],
    ['漏发了一个盖子', 'missing_item'],
    ['The size is perfect, fits great', null],
    ['It is not too small at all', null],
  ]);
});

describe('assessIssue across lines', () => {
  const c = (text: string): TranscriptLine => ({ speaker: 'customer', text, startMs: 0, endMs: 1 });
  const m = (text: string): TranscriptLine => ({ speaker: 'merchant', text, startMs: 0, endMs: 1 });

  it('keeps an earlier defect over a later change of mind', () => {
    const lines = [c('电饭煲用了三天就不加热了'), m('给您换一个？'), c('算了，不想要了，退掉吧')];
    expect(assessIssue(lines, 2)).toMatchObject({ kind: 'damaged', utterance: 0 });
    const en = [
      m('So the toaster shorted out after two days?'),
      c('Yes.'),
      m('If you send it back we can look at it.'),
    ];
    expect(assessIssue(en, 2)).toMatchObject({ kind: 'damaged', utterance: 0 });
  });

  it('a plain change of mind stays one', () => {
    const lines = [c('东西挺好的'), m('嗯'), c('就是不想要了')];
    expect(assessIssue(lines, 2)).toMatchObject({ kind: 'changed_mind' });
  });

  it('tells a delivery-status question from a late-delivery complaint', () => {
    expect(assessIssue([c('我买的台灯还没收到，能帮我查下到哪了吗')], 0)).toMatchObject({
      kind: 'late',
      complaint: false,
    });
    expect(assessIssue([c("My parcel hasn't arrived yet, could you check where it is?")], 0)).toMatchObject({
      complaint: false,
    });
    expect(assessIssue([c('台灯还没收到'), m('我查一下'), c('都一个星期了，太慢了')], 2)).toMatchObject({
      kind: 'late',
      complaint: true,
    });
    expect(assessIssue([c("It still hasn't arrived and I've been waiting ten days")], 0)).toMatchObject({
      complaint: true,
    });
  });

  it('tells an installer no-show from a how-to question', () => {
    expect(assessIssue([c('约好今天上门装空调，师傅到现在都没来')], 0)).toMatchObject({
      kind: 'installation',
      complaint: true,
    });
    expect(
      assessIssue([c('The technician stood me up yesterday'), m('Sorry'), c('Can the installer come Monday?')], 2),
    ).toMatchObject({ kind: 'installation', complaint: true });
    expect(assessIssue([c('这个热水器怎么安装？')], 0)).toMatchObject({ kind: 'installation', complaint: false });
  });
});

describe('status questions amid other talk, and broken-in-half', () => {
  const c = (text: string): TranscriptLine => ({ speaker: 'customer', text, startMs: 0, endMs: 1 });
  const m = (text: string): TranscriptLine => ({ speaker: 'merchant', text, startMs: 0, endMs: 1 });

  it('an earlier, unrelated question does not make a status question a complaint', () => {
    const lines = [
      c('这款面霜孕妇能用吗？不是说纯天然的吗？'),
      m('可以用的'),
      c('哦对了，我前天下的单还没收到，帮我查查'),
      m('在路上了，明天到'),
    ];
    expect(assessIssue(lines, 3)).toMatchObject({ kind: 'late', complaint: false });
  });

  it('"in half" describes how one item broke, not a share of the order', () => {
    expect(affectedQuantity('The mirror arrived cracked in half')).toMatchObject({ share: null });
    expect(affectedQuantity('盘子摔成一半了')).toMatchObject({ share: null });
    expect(affectedQuantity('half of the plates are chipped')).toMatchObject({ share: 0.5 });
    expect(affectedQuantity('一半的鸡蛋都碎了')).toMatchObject({ share: 0.5 });
  });
});

describe('eval-b causes: hypotheticals, lost parcels, suit, wrong size sent, stalled tracking', () => {
  const c = (text: string): TranscriptLine => ({ speaker: 'customer', text, startMs: 0, endMs: 1 });
  const m = (text: string): TranscriptLine => ({ speaker: 'merchant', text, startMs: 0, endMs: 1 });

  eachMapsTo('%s → %s', topIssue, [
    ["The drill arrived but the battery pack wasn't in the package", 'missing_item'],
    ['I ordered size 9, but got a 7 instead of what I asked for', 'wrong_item'],
    ['I bought the medium but you sent me an XL', 'wrong_item'],
    ['我拍的是M码，寄过来的却是XXL', 'wrong_item'],
    ['订的明明是黑色，结果发来的是灰色', 'wrong_item'],
    ['这件连衣裙我穿着不太适合我，吊牌都还在', 'changed_mind'],
    ["The blazer just doesn't suit me, never worn", 'changed_mind'],
    ['Honestly the style is not for me', 'changed_mind'],
    ['昨天就该到的，快递一直没更新', 'late'],
    ['快递三天了物流都没动', 'late'],
    ['快递柜显示取走了，可我压根没收到', 'late'],
    ['Tracking says delivered but I never got it', 'late'],
    // a conditional clause ends at the comma: what follows did happen
    ["Even if I charge it overnight, it won't turn on", 'damaged'],
    ['就算充了一晚上电，还是开不了机', 'damaged'],
  ]);

  it.each([
    // hypothetical / conditional: nothing happened
    'What happens if the parcel gets delayed?',
    'If it arrives broken, can I send it back?',
    'In case the medium runs small, can I swap it?',
    '万一路上摔坏了怎么办？',
    '如果到时候不合适能退吗',
    '要是收到是坏的，可以换吗？',
    'And if the tracking is stuck, do I call you?',
    // not a change of mind, not a wrong item
    'That colour would suit me perfectly',
    '我买的是这个款，挺好的',
    // a refund not received is a refund question, not a late parcel
    '退款根本没收到',
  ])('hard negative: %s', (text) => {
    const kinds = classifyUtterance(text).map((k) => k.kind);
    expect(kinds.filter((k) => k !== 'refund_status')).toEqual([]);
  });

  it('a pre-sale chat where only the merchant mentions a size policy has no issue', () => {
    const lines = [
      c('Thinking of buying the hiking boots, do they ship fast?'),
      m('Yes, next day. If they run small, exchanges are free.'),
      c("Cool, I'll think about it."),
    ];
    expect(assessIssue(lines, 2)).toBeNull();
  });

  it('a later question about the technician or the delivery keeps the earlier defect', () => {
    const zh = [c('电热水壶用了两天就不烧水了，故障灯一直闪'), m('可以安排师傅上门看看'), c('好吧，上门要收费吗？')];
    expect(assessIssue(zh, 2)).toMatchObject({ kind: 'damaged', utterance: 0 });
    const en = [
      c('The blender is broken, the jar cracked on first use'),
      m('We will send a new one'),
      c('Okay, when will the new one arrive?'),
    ];
    expect(assessIssue(en, 2)).toMatchObject({ kind: 'damaged', utterance: 0 });
  });

  it('a no-show technician after a defect is still an installation complaint', () => {
    const lines = [c('洗碗机不出水'), m('师傅明天上门'), c('师傅说好今天上门，一直没来')];
    expect(assessIssue(lines, 2)).toMatchObject({ kind: 'installation', complaint: true });
  });

  it('marks a parcel shown as delivered but not received as lost; a plain wait is not', () => {
    const lost = [c('My parcel shows delivered since Monday, but I have not received it'), m('Let me check')];
    expect(assessIssue(lost, 1)).toMatchObject({ kind: 'late', lost: true, complaint: true });
    const mixed = [c('tracking 显示已签收两天了，但是我一直没收到')];
    expect(assessIssue(mixed, 0)).toMatchObject({ kind: 'late', lost: true });
    const wait = [c('快递还没到，帮我查一下'), m('在路上了')];
    expect(assessIssue(wait, 1)).toMatchObject({ kind: 'late', lost: false, complaint: false });
  });
});

describe('read over the language layer: goods that fail at what they do, conditions and negation from the clause marks', () => {
  eachMapsTo('%s → %s', (text) => classifyUtterance(text)[0]?.kind, [
    ['台灯按了开关也不亮', 'damaged'],
    ['风扇插上电就不转了', 'damaged'],
    ['the speaker has no sound at all', 'damaged'],
    ['我拍的是M码，寄过来的却是XXL', 'wrong_item'],
    ['推款到现在还没到账', 'refund_status'],
  ]);

  it.each([
    '万一吹风机不出热风了怎么办？',
    '我不转账，走平台就行',
    'if the fan does not spin, can I return it?',
    '屏幕没碎，就是有点脏',
  ])('hard negative: %s', (text) => {
    expect(classifyUtterance(text).map((c) => c.kind)).not.toContain('damaged');
  });
});

describe('problem classes, not phrases: the state goods arrive in, wear quality, undelivered, unrefunded', () => {
  eachMapsTo('%s → %s', topIssue, [
    // the goods' physical state: deformed, soaked, come loose, swollen, stained
    ['亲 椅子腿到手就弯了', 'damaged'],
    ['快递放楼下 纸箱都泡水了 里面的书也湿了', 'damaged'],
    ['灯罩用了两天就脱落了', 'damaged'],
    ['电池鼓包了还能用吗', 'damaged'],
    ['The frame arrived bent and one hinge came off', 'damaged'],
    ['my rug got all wet in the rain, the box was soaked', 'damaged'],
    ['the cushion came with a stain on the back', 'damaged'],
    // goods that fail at what they do, said as "not recognised", "won't connect", "still no good"
    ['耳机连不上蓝牙', 'damaged'],
    ['按你说的重启了 还是不行', 'damaged'],
    ["The printer doesn't recognize the new toner", 'damaged'],
    // quality below what was sold: a return first, not a size complaint
    ['T恤洗了一次就缩水了', 'not_as_described'],
    ['新被子味道太大了 熏得头疼', 'not_as_described'],
    ['The hoodie faded after two washes', 'not_as_described'],
    // an attribute of what came is wrong; ordered one thing, another was delivered
    ['the lens prescription is wrong, I can barely see', 'wrong_item'],
    ['订的是两米的 送来是一米八的', 'wrong_item'],
    // not delivered when due: asked about, or marked delivered and never received
    ['我的鞋什么时候到啊 都五天了', 'late'],
    ['物流显示已签收 可是我压根没拿到', 'late'],
    ['tracking says delivered but nothing is on my porch', 'late'],
    ['My parcel was supposed to arrive Tuesday', 'late'],
    // a refund owed and not made; a price that fell after buying
    ['you cancelled my order but I was never refunded', 'refund_status'],
    ['The blender dropped in price by $20 right after I ordered', 'price_drop'],
  ]);

  eachMapsTo('%s → %s (an idiom, a negation or a hypothetical is no damage)', topIssue, [
    ['你脑子进水了吧', null],
    ['这个颜色我不太喜欢，能退吗', 'changed_mind'],
    ['没弯，好好的', null],
    ['如果湿了的话怎么办', null],
  ]);

  it('reads a parcel marked delivered and never received as lost', () => {
    const lines: TranscriptLine[] = [
      { speaker: 'customer', text: '显示签收了 但是我没收到啊', startMs: 0, endMs: 1 },
      { speaker: 'merchant', text: '亲 我这边帮您查一下', startMs: 2, endMs: 3 },
    ];
    expect(assessIssue(lines, 1)).toMatchObject({ kind: 'late', lost: true, complaint: true });
  });
});
