import { describe, expect, it } from 'vitest';
import type { PromiseNote } from '../../core/analysis.js';
import type { SpeakerRole, TranscriptLine } from '../../core/domain.js';
import { findPromises, findPromisesInLine } from './promises.js';

// Tuesday 2026-11-24, 10:00 in Shanghai.
const ctx = { startedAt: new Date('2026-11-24T02:00:00Z'), timeZone: 'Asia/Shanghai' };
const say = (text: string, speaker: SpeakerRole = 'merchant', startMs = 0): TranscriptLine => ({
  speaker,
  text,
  startMs,
  endMs: startMs + 1000,
});
const promises = (
  text: string,
  speaker: SpeakerRole = 'merchant',
): Pick<PromiseNote, 'action' | 'deadline' | 'conditional'>[] =>
  findPromisesInLine(say(text, speaker), 0, ctx).map(({ action, deadline, conditional }) => ({
    action,
    deadline,
    conditional,
  }));
const p = (action: PromiseNote['action'], deadline: string | null = null, conditional = false) => ({
  action,
  deadline,
  conditional,
});

describe('merchant promises (zh)', () => {
  it.each([
    ['好的，我今天就给您退款', [p('refund', '2026-11-24')]],
    ['明天给您补发一个新的', [p('ship', '2026-11-25')]],
    ['我这边马上给您安排换货', [p('ship')]],
    // Checking with someone and coming back is a follow-up (issue 11 taxonomy); the reply is part of it.
    // A telephone call back stays a promise of its own beside the check (decision 0210).
    ['我跟仓库核实一下，下午给您回电话', [p('callback', '2026-11-24'), p('follow_up', '2026-11-24')]],
    ['我们会尽快联系您', [p('callback')]],
    ['下周一安排师傅上门安装', [p('visit', '2026-11-30')]],
    ['给您补偿一张5元无门槛优惠券', [p('compensate')]],
    ['退款48小时内原路退回', [p('refund', '2026-11-26')]],
    // Business days counted from now: due on the last one (decision 0445; 0265 left them undated).
    ['3个工作日内给您退款', [p('refund', '2026-11-27')]],
    ['如果没货就给您退款', [p('refund', null, true)]],
    ['没货的话3个工作日内全额退款', [p('refund', '2026-11-27', true)]],
    ['有货我下周一前给您换新，没货的话就给您退款', [p('ship', '2026-11-30'), p('refund', null, true)]],
    ['要是明天还没到的话，我给您补发', [p('ship', null, true)]],
    ['明天吧，我给您补发', [p('ship', '2026-11-25')]],
    ['先给您退款，然后补发一个', [p('refund'), p('ship')]],
    // what the shop can do is offered, not promised (0685: 7 of 9 such lines in C–P are none)
    ['我们不支持退款，但是可以给您补发', []],
    ['我给您退款好吗？', [p('refund')]],
    ['周五前给您发出，您放心', [p('ship', '2026-11-27')]],
    ['我帮您申请一下，月底前处理好', [p('other', '2026-11-30')]],
  ])('%s', (text, expected) => {
    expect(promises(text)).toEqual(expected);
  });

  it.each([
    '这个不能退款',
    '我们没办法给您补发',
    '退不了的亲',
    '已经给您退款了',
    '昨天就给您发出了',
    '您要退款吗？',
    '什么时候给您发货呢？',
    '您可以申请退款',
    '麻烦您寄回来',
    '请您拍个照片',
    '七天无理由退货是支持的',
    '亲，退款的话需要您先退货',
    '不好意思让您久等了',
  ])('not a promise: %s', (text) => {
    expect(promises(text)).toEqual([]);
  });
});

describe('escalations and follow-ups (frames over the language layer)', () => {
  it.each([
    ['这个问题小妹帮您升级给主管处理', [p('escalate')]],
    ['小妹这边马上给您反馈给财务，今天之内给您答复', [p('escalate'), p('callback', '2026-11-24')]],
    ["I've flagged your account for review", [p('escalate')]],
    ["I'll pass this on to our billing team", [p('escalate')]],
    ['亲，这边帮您催一下快递哈', [p('follow_up')]],
    ['我们这边帮您问一下同事，晚点给您回复', [p('follow_up', '2026-11-24'), p('callback', '2026-11-24')]],
    ['OK 这边帮您跟billing确认下 tomorrow给您message', [p('follow_up', '2026-11-25')]],
    ['小妹再帮您跟供应商确认一下 半小时后给您回复哈', [p('follow_up', '2026-11-24'), p('callback', '2026-11-24')]],
    ['这边帮您跟快递站核实下哈 下班前给您回复', [p('follow_up', '2026-11-24'), p('callback', '2026-11-24')]],
    [
      "I'll check with the warehouse and get back to you today",
      [p('follow_up', '2026-11-24'), p('callback', '2026-11-24')],
    ],
    // The three blind sets record "you'll hear back" as a call back.
    ["You'll hear back within 24-48 hours", [p('callback', '2026-11-26')]],
    ['您先申请退货，我们收到货后马上给您退款', [p('refund', null, true)]],
  ])('%s', (text, expected) => {
    expect(promises(text)).toEqual(expected);
  });

  it('does not owe a follow-up already done', () => {
    expect(promises('您的订单我已经备注加急了，两小时内给您发出。')).toEqual([p('ship', '2026-11-24')]);
  });
});

describe('merchant promises (en)', () => {
  it.each([
    ["I'll refund you today", [p('refund', '2026-11-24')]],
    ["We'll send you a replacement tomorrow morning", [p('ship', '2026-11-25')]],
    ['I will call you back within two hours', [p('callback', '2026-11-24')]],
    ["We'll get back to you by Friday", [p('callback', '2026-11-27')]],
    ['A technician will come by next Monday', [p('visit', '2026-11-30')]],
    ["I'll add a ten dollar coupon to your account", [p('compensate')]],
    ['Your refund will be processed in 3 business days', [p('refund', '2026-11-27')]],
    ["If we're out of stock, I'll refund you", [p('refund', null, true)]],
    ["If it doesn't arrive by Friday, I'll refund you in full.", [p('refund', null, true)]],
    ["I'll refund you if it's not back in stock by Friday", [p('refund', '2026-11-27', true)]],
    ["We can't refund, but we can send a replacement", [p('ship')]],
    // escalate is its own action now (issue 11): passed up, its outcome owed.
    ["I'll escalate this and follow up", [p('escalate')]],
    ["You'll get your money back within 48 hours", [p('refund', '2026-11-26')]],
    ['Let me reship it today, okay?', [p('ship', '2026-11-24')]],
    // "right now" says how keen, not when: undated, as 马上 (0905).
    ["I'm processing the refund right now", [p('refund')]],
  ])('%s', (text, expected) => {
    expect(promises(text)).toEqual(expected);
  });

  it.each([
    "We can't refund this item",
    "I'm not able to send a replacement",
    'I already refunded you yesterday',
    'Can you refund me?',
    'Would you like a replacement?',
    'You need to send it back first',
    'You can apply for a refund in the app',
    'The package was shipped on Monday',
    'No problem at all',
    "We won't be able to ship it before Friday",
    // Money for a review is a violation the compliance engine flags, never a promise to keep (issue 11).
    '你把五星好评打上，我给你返八块',
    "If you give us a five-star review I'll pay you ten bucks back",
    '您把评价改一下，我给您补一张优惠券',
    "Leave us five stars and I'll send you $10",
    // A deal paid or refunded off the platform, or bought with a withdrawn complaint, is itself the violation.
    '亲 你直接微信转给我 我今天就给你寄出',
    'Venmo me the $30 and I will ship it tomorrow',
    '小妹私下微信退给您 比平台快',
    "Just close the PayPal claim and I'll refund you tonight",
    '您把投诉撤销了 我们马上给您补发',
    // Options the buyer has not chosen, in-call actions, policies and refusals.
    '您看是退款还是换货呢',
    'We can offer you an extension on the return window',
    '您稍等，正在帮您查询',
    'Let me look into that for you',
    '签收后15天内可申请价保',
    '亲，已经超出价保周期了，无法给您退差价哦',
  ])('not a promise: %s', (text) => {
    expect(promises(text)).toEqual([]);
  });
});

describe('customer lines', () => {
  it.each([
    ['我今天把照片发给你', [p('other', '2026-11-24')]],
    // Sending the goods back is the buyer's part of the return, not annotated (0820).
    ['我明天就寄回去', []],
    ["I'll send the photos today", [p('other', '2026-11-24')]],
    ["I'll ship it back tomorrow", []],
    ['我晚点打给你', [p('callback', '2026-11-24')]],
  ])('a buyer commitment: %s', (text, expected) => {
    expect(promises(text, 'customer')).toEqual(expected);
  });

  it.each([
    '你们给我退款',
    '我要退款',
    '赶紧给我补发',
    'Please refund me',
    'Can you send a replacement?',
    'I want my money back',
    '你们什么时候发货',
    'I need a refund by Friday',
    '能不能给我换一个',
  ])('a request, not a promise: %s', (text) => {
    expect(promises(text, 'customer')).toEqual([]);
  });
});

describe('findPromises', () => {
  it('keeps the utterance, speaker and the words of the promise', () => {
    const lines = [
      say('您好，请问有什么可以帮您？'),
      say('苹果坏了好几个', 'customer'),
      say('不好意思，我明天给您补发一箱'),
    ];
    expect(findPromises(lines, ctx)).toEqual([
      {
        speaker: 'merchant',
        action: 'ship',
        deadline: '2026-11-25',
        conditional: false,
        utterance: 2,
        text: '我明天给您补发一箱',
      },
    ]);
  });

  it('resolves times from when the line was said', () => {
    // 14 hours into a call started at 10:00 it is past midnight: "today" is the next day.
    const [late] = findPromises([say('今天给您发出', 'merchant', 14 * 3_600_000)], ctx);
    expect(late!.deadline).toBe('2026-11-25');
  });

  it('merges a repeated promise and an open promise restated with a time', () => {
    const lines = [
      say('我给您补发一个'),
      say('什么时候发？', 'customer'),
      say('明天上午给您发出'),
      say('明天上午发出哈'),
    ];
    expect(findPromises(lines, ctx).map((x) => [x.action, x.deadline, x.utterance])).toEqual([
      ['ship', '2026-11-25', 2],
    ]);
  });
});

describe('estimates, threats, third parties and interrupted offers are not promises', () => {
  it.each([
    // Delivery forecasts.
    'The parcel is back on the truck and should get there by Monday',
    'It is expected to arrive on Thursday',
    '预计后天就能送到',
    '正常的话周四能收到',
    // Someone else acting.
    '之后系统会自动通知您',
    '到时候快递员会联系您的',
    'The platform will notify you once it clears',
    // A threat whose "if" names the action.
    'If you file a dispute I will report your account',
    '你要是退货，我就投诉你',
    // Cut off before the offer was complete.
    'Okay. We could reship it, or',
    '那我们可以给您补发，或者',
  ])('%s', (text) => {
    expect(promises(text)).toEqual([]);
  });

  it('a buyer receiving goods commits to nothing', () => {
    expect(promises("I'll post a fair rating after I receive it", 'customer')).toEqual([]);
    expect(promises('我收到以后再说', 'customer')).toEqual([]);
  });

  // Issue 11: offers of options not yet chosen are no promise (they were two promises before).
  it.each([
    '我们可以给您补发，或者全额退款',
    '我给您安排重新派送，或者补您一张10元的券，您看哪个合适？',
    'We can reship it or refund you, whichever you prefer.',
  ])('options offered, not chosen: %s', (text) => {
    expect(promises(text)).toEqual([]);
  });

  it.each([
    ['放心，我们会处理好的', []],
    ["Don't worry, we'll take care of it.", []],
    ['这边按坏果给您补偿15元哈，我们会给您处理的', [p('compensate')]],
    ['我帮您申请一下，月底前处理好', [p('other', '2026-11-30')]],
  ])('a vague reassurance is no promise, a dated one is: %s', (text, expected) => {
    expect(promises(text)).toEqual(expected);
  });

  it('still keeps commitments that merely look like these', () => {
    expect(promises("We'll ship it by Friday, and it should arrive Monday")).toEqual([p('ship', '2026-11-27')]);
    expect(promises('我们给您补发，然后全额退款')).toEqual([p('ship'), p('refund')]);
    expect(promises('我会让平台明天给您退款')).toEqual([p('refund', '2026-11-25')]);
  });
});

describe('promises with their conditions', () => {
  it.each([
    ["I'll also text you the confirmation number tonight", [p('callback', '2026-11-24')]],
    ['您在后台申请仅退款就行，我这边同意', [p('refund')]],
    ['万一周五还没到，您联系我，我给您补发', [p('ship', null, true)]],
    ['衣服寄到了我们立刻给您退款', [p('refund', null, true)]],
    ['Buy two today and we will ship both tomorrow', [p('ship', '2026-11-25', true)]],
  ])('%s', (text, expected) => {
    expect(promises(text)).toEqual(expected);
  });

  it('keeps a reward after reassurance unconditional', () => {
    expect(promises('您别着急，我给您补发一个')).toEqual([p('ship')]);
    expect(promises('您放心，我马上给您退款')).toEqual([p('refund')]);
  });
});

describe('batch-b wording: conditions, descriptions and missed commitments', () => {
  it.each([
    // Event-timed: conditional, and a day count runs from the event, so no date.
    [
      'As soon as the parcel is back in our warehouse, the refund goes out within five business days.',
      [p('refund', null, true)],
    ],
    [
      "I'll email you the label now, and once it's checked in you get the refund.",
      [p('other'), p('refund', null, true)],
    ],
    ['Pay before noon and it ships today.', [p('ship', '2026-11-24', true)]],
    ["Text me on WhatsApp and I'll hold a pair for you.", [p('other', null, true)]],
    ['改了我这边给您返个10块的红包', [p('compensate', null, true)]],
    ['等仓库收到退回的件，邮费我们给您补上', [p('compensate', null, true)]],
    // Committed time wins over a time said to have passed.
    ['我这边给您补发一份，今天的揽收已经错过了，后天一早发出', [p('ship', '2026-11-26')]],
    // Missed commitments.
    ["Go ahead and file it, I'll approve it before I head out today.", [p('other', '2026-11-24')]],
    ['快递员上门取件我明天上午给您约好', [p('visit', '2026-11-25')]],
    ['今晚我就把您的情况给仓库备注一下', [p('other', '2026-11-24')]],
    ['差价二十块我们给您补上', [p('compensate')]],
    ['红包券后天上午到账', [p('compensate', '2026-11-26')]],
    ["I'll email you the link to the new order by Friday.", [p('callback', '2026-11-27')]],
  ])('%s', (text, expected) => {
    expect(promises(text)).toEqual(expected);
  });

  it.each([
    '物流信息更新后平台会自动发短信提醒您',
    'No need to ship it back, just keep it.',
    'Typically 5 to 7 business days back to your card, depends on the bank.',
    '按平台规定签收七天内可以退货',
    '等会儿您会收到一条验证码短信，念给我听一下',
    '您把订单撤了，比退款划算',
  ])('no promise: %s', (text) => {
    expect(promises(text).filter((x) => x.action !== 'compensate' || !/撤/.test(text))).toEqual([]);
  });

  it('an "or" alternative repeating a recent offer is one promise', () => {
    const notes = findPromises(
      [
        say('这次确实是我们发错了，我给您补偿20块', 'merchant', 0),
        say('怎么给我呢', 'customer', 5000),
        say('或者我给您发个红包也一样', 'merchant', 9000),
      ],
      ctx,
    );
    expect(notes.map((n) => [n.action, n.utterance])).toEqual([['compensate', 0]]);
  });

  it('an "or" alternative to money for a withdrawn request is the same violation, no promise', () => {
    const notes = findPromises(
      [
        say('您把申请撤了，我单独给您转20块', 'merchant', 0),
        say('用微信还是支付宝？', 'customer', 5000),
        say('微信就行，或者我给您发个红包也一样', 'merchant', 9000),
      ],
      ctx,
    );
    expect(notes).toEqual([]);
  });
});

describe('batch-b wording: side deals and set-up help', () => {
  it.each([
    // A side deal paid off the platform is the violation, not a promise to track (issue 11).
    ["If you Venmo me ten bucks, I'll pack a spare cable in the same parcel.", []],
    ["Sure, I'll add one to your shipment at no charge.", [p('ship')]],
    ['你把手机号发我，我这边远程帮你把设备绑定好', [p('other', null, true)]],
    ['我这边远程帮您把路由器设置好', [p('other')]],
  ])('%s', (text, expected) => {
    expect(promises(text)).toEqual(expected);
  });

  it('a packing tip is not a shipment promise (hard negative)', () => {
    expect(promises('You could put it in the original box if you still have it.')).toEqual([]);
  });
});

describe('batch-b wording: not every "as soon as" is an event', () => {
  it.each([
    ["I'll ship it as soon as we can.", [p('ship')]],
    ["No need to worry, I'll refund you today.", [p('refund', '2026-11-24')]],
    ["I'll call you back as soon as the warehouse replies.", [p('callback', null, true)]],
  ])('%s', (text, expected) => {
    expect(promises(text)).toEqual(expected);
  });
});

describe('a violation next to a lawful promise', () => {
  it('keeps the promise of a line whose payment goes through the platform', () => {
    expect(promises('您在平台上申请退款，我们今天就给您退款')).toEqual([p('refund', '2026-11-24')]);
    expect(promises("Once the claim is reviewed we'll refund you")).not.toEqual([]);
  });
});

describe('a proposal, then the act as settled', () => {
  it('keeps the settled act when the merchant first proposed it for assent and the buyer bargained', () => {
    const lines = [say('亲 给您补个二十块红包 可以吗？'), say('二十太少了吧', 'customer'), say('那小妹给您补三十块哈')];
    expect(findPromises(lines, ctx).map((x) => [x.action, x.utterance])).toEqual([['compensate', 2]]);
  });

  it('keeps both when the first was stated, not proposed', () => {
    const lines = [say('运费十八块给您补上'), say('好的', 'customer'), say('另外再给您返8块红包')];
    expect(findPromises(lines, ctx).map((x) => [x.action, x.utterance])).toEqual([
      ['compensate', 0],
      ['compensate', 2],
    ]);
  });
});

describe('immediacy is not a deadline', () => {
  it.each([
    ['小妹马上给您登记补发', [p('ship')]],
    ['这就帮您退款哈', [p('refund')]],
    ['马上给您补发，今天下班前发出', [p('ship', '2026-11-24')]],
  ])('%s', (text, expected) => {
    expect(promises(text)).toEqual(expected);
  });
});

describe('checking with a party the lexicon does not list', () => {
  it.each(['您跟快递员确认一下就行', '麻烦您跟家里人核实一下地址'])(
    'asking the buyer to check is no promise: %s',
    (text) => {
      expect(promises(text)).toEqual([]);
    },
  );
});
