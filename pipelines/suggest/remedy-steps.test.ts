import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../core/domain.js';
import { allTo, eachMapsTo } from '../../test/table.js';
import { analyzeLine } from '../language/index.js';
import { CallReading } from './call-reading.js';
import { classifyUtterance } from './issue.js';
import { remedyOf } from './issue-cues.js';
import { settleOn } from './remedy.js';
import { NO_ORDER_FACTS } from './testing/order-facts.js';

// Decision 0550. Phrasings written for these tests; none comes from an evaluation set or the probes.
const top = (text: string) => classifyUtterance(text)[0]?.kind ?? null;
const call = (...said: [TranscriptLine['speaker'], string][]): TranscriptLine[] =>
  said.map(([speaker, text], i) => ({ speaker, text, startMs: i * 2000, endMs: i * 2000 + 1500 }));

/** What a merchant's line does to the remedy, in one word. */
function merchantSays(text: string): string {
  const r = remedyOf(analyzeLine(text), 'merchant');
  if (r.fee) return 'fee';
  if (r.pending) return 'pending';
  if (r.settled) return `settled ${r.settled}${r.done ? ' (done)' : ''}`;
  if (r.offered.length > 0) return r.choice ? `choice ${r.offered.join('+')}` : `offered ${r.offered.join('+')}`;
  return 'nothing';
}

describe('a remedy on the buyer’s own step is settled; one on a result not yet known waits', () => {
  eachMapsTo('%s → %s', merchantSays, [
    ['您先在订单里申请退货 仓库签收以后给您退款', 'settled refund'],
    ['file the return in the app and we’ll send you a new one once it reaches us', 'settled replacement'],
    ['师傅检测后确认是质量问题的话 给您换新', 'pending'],
    ['if our technician confirms the fault we’ll refund you in full', 'pending'],
  ]);
});

describe('a remedy said as done, a bare 退 and a remake', () => {
  eachMapsTo('%s → %s', merchantSays, [
    ['坏的那个杯子12元 这边先给您退了哈', 'settled refund (done)'],
    ["We've already refunded your card, sorry again", 'settled refund (done)'],
    ['是我们绣错了 给您重新绣一个 后天寄出', 'nothing'],
    ['是我们加工错了 这边重新给您做一套', 'settled replacement'],
  ]);
});

describe('what settles nothing', () => {
  eachMapsTo('%s → %s', merchantSays, [
    ['师傅没按时到 这次的上门费50元给您退了', 'fee'],
    ["I'll refund the $15 shipping fee for the delay", 'fee'],
    ['【自动回复】您好 请回复数字：1.催发货 2.退换货 3.转人工', 'nothing'],
    ['可以给您寄个小配件 或者补您一点钱 您看选哪个', 'choice partial_refund'],
    ['we can do a store credit or a touch-up kit, your call', 'choice coupon'],
  ]);
});

describe('problems said in words or scripts the lexicon lacked', () => {
  eachMapsTo('%s → %s', top, [
    ['the mixer bowl has a big dent in it', 'damaged'],
    ['the kettle lid hinge is busted', 'damaged'],
    ['boss the fan rosak already', 'damaged'],
    ['鞋子买错码数了 没穿过', 'changed_mind'],
    ['I ordered the oat latte but they gave me a mocha', 'wrong_item'],
    ['the sofa fabric is totally different from the photo', 'not_as_described'],
    ['paid $80 for the boots last week and now they’re $59', 'price_drop'],
    ['窗帘做成了一米五 我订的是一米八', 'wrong_item'],
  ]);
  eachMapsTo(
    'hard negative: %s → %s',
    top,
    allTo(['我不转 我在平台付', 'it was $40 and now it’s finally here, thanks'], null),
  );
});

describe('the remedy of one problem', () => {
  it('stands when the buyer restates the problem after agreeing it', () => {
    const lines = call(
      ['customer', 'the teapot spout arrived chipped'],
      ['merchant', 'So sorry! We’ll send a replacement teapot tomorrow.'],
      ['customer', 'ok. do I need to post the chipped one back?'],
      ['merchant', 'No, you can keep it.'],
    );
    const reading = new CallReading(lines);
    const from = reading.problemStart(2, 'damaged', false);
    expect(from).toBe(0);
    expect(reading.remedySince(from, 3)).toEqual({ remedy: 'replacement', line: 1 });
  });

  it('a bare refund after an agreed part refund carries out the part refund, read where it was put (its amount)', () => {
    const lines = call(
      ['customer', '衬衫颜色跟图片差太多了'],
      ['merchant', '亲 不介意的话给您补偿20元 衣服留着穿'],
      ['customer', '行吧'],
      ['merchant', '好的 已经给您退款了'],
    );
    expect(new CallReading(lines).remedySince(0, 3)).toEqual({ remedy: 'partial_refund', line: 1 });
  });

  it('a refund for a price drop is a part refund', () => {
    const facts = NO_ORDER_FACTS;
    const issue = {
      kind: 'price_drop' as const,
      utterance: 0,
      cue: '降价',
      count: null,
      total: null,
      share: null,
      extent: null,
    };
    const [option] = settleOn([], { remedy: 'refund', line: 1 }, { facts, issue, language: 'zh', issueText: '' });
    expect(option?.kind).toBe('partial_refund');
  });
});
