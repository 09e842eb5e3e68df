import { beforeAll, describe, expect, it } from 'vitest';
import type { Order, TranscriptLine } from '../../core/domain.js';
import { HashedNgramEmbedder } from '../embed/hashed-ngram.js';
import { Advisor } from './advise.js';
import { ISSUE_KINDS } from './issue-cues.js';
import { OfflineSuggestionEngine } from './offline-engine.js';
import { loadPolicies, MemoryPolicyRetriever } from './policy-store.js';
import { isSafeSuggestion } from './safety.js';

const now = new Date('2026-06-12T10:00:00+08:00');
const mango: Order = {
  id: '240611587736219',
  merchantId: 'm',
  buyerId: 'b',
  currency: 'CNY',
  status: 'delivered',
  amount: 59,
  items: [{ sku: 'MGO', name: '海南贵妃芒果 3斤', quantity: 2, unitPrice: 29.5, category: 'fresh_food' }],
  placedAt: now,
  paidAt: now,
  shippedAt: now,
  deliveredAt: new Date(now.getTime() - 86_400_000),
};
const line = (speaker: TranscriptLine['speaker'], text: string, i: number): TranscriptLine => ({
  speaker,
  text,
  startMs: i * 2000,
  endMs: i * 2000 + 1500,
});
const call = (...turns: [TranscriptLine['speaker'], string][]) => turns.map(([s, t], i) => line(s, t, i));

let advisor: Advisor;
beforeAll(async () => {
  advisor = new Advisor({
    retriever: await MemoryPolicyRetriever.create(new HashedNgramEmbedder()),
    engine: new OfflineSuggestionEngine(),
  });
});

describe('Advisor with the offline engine', () => {
  it('answers spoiled fruit with the proportional refund and its amount, citing the policy', async () => {
    const lines = call(['merchant', '您好，请问有什么可以帮您？'], ['customer', '芒果收到了，十个里面有三个是烂的']);
    const advice = await advisor.advise({ lines, index: 1, now, orders: [mango] });
    // Kefu's ranking; nothing is recommended until a remedy is named in the call (decision 0350).
    expect(advice.refundOptions[0]).toMatchObject({ kind: 'partial_refund', amount: 17.7, recommended: false });
    const [first, second] = advice.suggestions;
    expect(first).toMatchObject({ afterUtterance: 1, engine: 'offline-templates', policies: ['zh.fresh.bad-fruit'] });
    expect(first!.text).toContain('¥17.70');
    expect(first!.text).toContain('10个里有3个');
    expect(second!.policies).toEqual(['zh.evidence.photos']);
    expect(advice.policies.map((p) => p.policy.id)).toContain('zh.fresh.bad-fruit');
  });

  it('speaks English on an English call and uses the price the customer said when no order is known', async () => {
    const lines = call(
      ['customer', 'I paid $24 for this kettle and it will not turn on'],
      ['merchant', 'Sorry to hear that'],
      ['customer', 'It arrived yesterday'],
    );
    const advice = await advisor.advise({
      lines,
      index: 2,
      now,
      notes: { amounts: [{ value: 24, currency: 'USD', utterance: 0, span: [7, 10] }] },
    });
    expect(advice.issue?.kind).toBe('damaged');
    expect(advice.refundOptions.map((o) => [o.kind, o.amount])).toEqual([
      ['replacement', 24],
      ['return_refund', 24],
      ['coupon', 1],
    ]);
    expect(advice.suggestions.map((s) => s.text).join(' ')).toMatch(/new one.*photos.*\$24/s);
    expect(advice.suggestions.every((s) => /^[\x20-\x7e’]+$/.test(s.text))).toBe(true);
  });

  it('makes no suggestions after a merchant line, but keeps the refund options current', async () => {
    const lines = call(['customer', '芒果烂了一半'], ['merchant', '非常抱歉']);
    const advice = await advisor.advise({ lines, index: 1, now, orders: [mango] });
    expect(advice.suggestions).toEqual([]);
    expect(advice.refundOptions[0]).toMatchObject({ kind: 'refund_only', amount: 59 });
  });

  it('explains why fresh food cannot be returned for a change of mind, with no refund option', async () => {
    const advice = await advisor.advise({
      lines: call(['customer', '芒果我不想要了，能七天无理由退吗']),
      index: 0,
      now,
      orders: [mango],
    });
    expect(advice.refundOptions).toEqual([]);
    expect(advice.suggestions[0]).toMatchObject({ policies: ['zh.return.exclusions'] });
  });

  it('without a problem heard: one clarifying question, no policy, no refund option — once per call', async () => {
    const lines = call(['customer', '在吗在吗'], ['merchant', '在的亲'], ['customer', '就是我买的那个东西']);
    const first = await advisor.advise({ lines, index: 0, now, orders: [mango] });
    expect(first.suggestions).toEqual([
      { afterUtterance: 0, text: expect.stringMatching(/什么问题/), policies: [], engine: 'clarify' },
    ]);
    expect(first.refundOptions).toEqual([]);
    const again = await advisor.advise({ lines, index: 2, now, orders: [mango], offered: first.suggestions });
    expect(again.suggestions).toEqual([]);
  });

  it('a problem heard but no relevant policy retrieved: a question about it, no suggestion or refund option', async () => {
    const onlyPriceRules = loadPolicies().filter((p) => p.id === 'zh.price.protect');
    const narrow = new Advisor({
      retriever: await MemoryPolicyRetriever.create(new HashedNgramEmbedder(), onlyPriceRules),
      engine: new OfflineSuggestionEngine(),
    });
    const advice = await narrow.advise({ lines: call(['customer', '芒果烂了好几个']), index: 0, now, orders: [mango] });
    expect(advice.issue?.kind).toBe('spoiled');
    expect(advice.refundOptions).toEqual([]);
    expect(advice.suggestions.map((s) => [s.engine, s.policies])).toEqual([['clarify', []]]);
    expect(advice.suggestions[0]!.text).toMatch(/具体/);
  });

  it('an amount not known yet is to be confirmed in the option and the reply, never ¥0.00', async () => {
    const zh = await advisor.advise({ lines: call(['customer', '杯子收到就碎了']), index: 0, now });
    const refund = zh.refundOptions.find((o) => o.kind === 'return_refund')!;
    expect(refund).toMatchObject({ amount: 0, amountToBeConfirmed: true });
    expect(refund.rationale).toContain('金额待核实');
    const said = zh.suggestions.map((s) => s.text).join('\n');
    expect(said).toContain('金额待核实');
    expect(said).not.toMatch(/¥0/);
    const en = await advisor.advise({ lines: call(['customer', 'the mug arrived smashed']), index: 0, now });
    expect(en.suggestions.map((s) => s.text).join('\n')).toContain('amount to be confirmed');
  });

  it('names the goods (from the notes, else the order) and what the buyer asked for', async () => {
    const lines = call(['customer', '吹风机才用两天就不出热风了，我要退款']);
    const products = [{ name: '吹风机', utterance: 0, span: [0, 3] as [number, number] }];
    const advice = await advisor.advise({ lines, index: 0, now, notes: { products } });
    expect(advice.issue).toMatchObject({ kind: 'damaged', cue: '不出热风', product: '吹风机', preference: 'refund' });
    expect(advice.refundOptions[0]).toMatchObject({ kind: 'return_refund', recommended: true });
    const fromOrder = await advisor.advise({ lines: call(['customer', '烂了好几个']), index: 0, now, orders: [mango] });
    expect(fromOrder.issue).toMatchObject({ kind: 'spoiled', product: '海南贵妃芒果 3斤', preference: null });
  });

  it('does not offer again a reply already offered in the call', async () => {
    const lines = call(['customer', '芒果烂了'], ['merchant', '亲 烂了几个呢'], ['customer', '十个里有三个']);
    const first = await advisor.advise({ lines: lines.slice(0, 1), index: 0, now, orders: [mango] });
    const later = await advisor.advise({ lines, index: 2, now, orders: [mango], offered: first.suggestions });
    for (const s of later.suggestions) expect(first.suggestions.map((f) => f.text)).not.toContain(s.text);
    expect(later.suggestions[0]!.text).toContain('10个里有3个');
  });

  it('does not quote a policy at a customer who only says thanks', async () => {
    for (const text of ['好的谢谢', 'okay thanks']) {
      const advice = await advisor.advise({ lines: call(['customer', text]), index: 0, now });
      expect(advice.suggestions.flatMap((s) => s.policies)).toEqual([]);
    }
  });

  it('never suggests anything unsafe, for any issue, in either language', async () => {
    const said: Record<string, string[]> = {
      zh: [
        '发错货了',
        '少发了一个',
        '芒果烂了',
        '和图片不一样',
        '杯子碎了',
        '师傅没来安装',
        '还没发货',
        '退款什么时候到账',
        '降价了',
        '不想要了',
        '快递丢了',
        '取消了会员怎么还在扣钱',
      ],
      en: [
        'wrong item',
        'one is missing',
        'the mangoes are rotten',
        'looks nothing like the picture',
        'it arrived broken',
        'the installer never came',
        'still not shipped',
        'where is my refund',
        'the price dropped',
        'I changed my mind',
        'the parcel was lost',
        'you billed my card twice for the same order',
      ],
    };
    const seen = new Set<string>();
    for (const [lang, texts] of Object.entries(said)) {
      for (const text of texts) {
        const advice = await advisor.advise({
          lines: call(['customer', text]),
          index: 0,
          now,
          language: lang as 'zh' | 'en',
        });
        if (advice.issue) seen.add(advice.issue.kind);
        expect(advice.suggestions.length, text).toBeGreaterThan(0);
        const ids = new Set(loadPolicies().map((p) => p.id));
        for (const s of advice.suggestions) {
          expect(isSafeSuggestion(s.text), s.text).toBe(true);
          for (const id of s.policies) expect(ids.has(id) && id.startsWith(lang), id).toBe(true);
        }
      }
    }
    expect([...seen].sort()).toEqual([...ISSUE_KINDS].sort());
  });
});

describe('isSafeSuggestion', () => {
  it.each([
    '加我微信 abc8899 发照片给我',
    '您直接转账给我就行',
    'Text me on WhatsApp',
    'Call me at 415-555-0134',
    '给个好评就给您退款',
    '13812345678',
  ])('rejects: %s', (text) => expect(isSafeSuggestion(text)).toBe(false));
  it.each([
    '订单 240611587736219 已为您退款 ¥39.90',
    '退款原路退回微信支付',
    'Please upload photos in the after-sales request',
  ])('accepts: %s', (text) => expect(isSafeSuggestion(text)).toBe(true));
});

// Phrasings written for this test (decision 0390); none is taken from an eval set.
describe('a remedy the merchant settles on when Kefu has no options of its own', () => {
  const settles = call(['customer', '你好 我想问下那个东西的事'], ['merchant', '亲 小妹看了下 明天给您补发一个滤网哈']);
  const promise = {
    speaker: 'merchant' as const,
    action: 'ship' as const,
    deadline: '2026-06-13',
    conditional: false,
    utterance: 1,
    text: '明天给您补发一个滤网',
  };

  it('is recorded as the one option, recommended, when the merchant committed to it', async () => {
    const advice = await advisor.advise({ lines: settles, index: 1, now, notes: { promises: [promise] } });
    expect(advice.refundOptions.map((o) => [o.kind, o.recommended])).toEqual([['reship', true]]);
    expect(advice.suggestions).toEqual([]);
  });

  it('is not an option without the merchant committing to it (a policy, a warning)', async () => {
    const advice = await advisor.advise({ lines: settles, index: 1, now, notes: { promises: [] } });
    expect(advice.refundOptions).toEqual([]);
  });
});

// Phrasings written for this test (decision 0620); none is taken from an eval set.
describe('promises that settle the remedy (0620)', () => {
  const shipped = (text: string, utterance: number) => ({
    speaker: 'merchant' as const,
    action: 'ship' as const,
    deadline: null,
    conditional: false,
    utterance,
    text,
  });

  it('goods promised for a parcel said lost are a reship, a voucher beside them an extra', async () => {
    const lines = call(
      ['customer', 'the tracking says delivered but nothing came, I checked with the neighbours'],
      ['merchant', "Looks like it went missing. I'll get another one out to you today"],
      ['merchant', "and there's a $15 voucher on your account for the hassle"],
      ['customer', 'ok thanks'],
    );
    const promises = [shipped("I'll get another one out to you today", 1)];
    const advice = await advisor.advise({ lines, index: 3, now, notes: { promises } });
    expect(advice.refundOptions.find((o) => o.recommended)?.kind).toBe('reship');
  });

  it('money promised once the goods are back with the shop is a return for a refund', async () => {
    const lines = call(
      ['customer', '电热毯不热了'],
      ['merchant', '亲 麻烦您寄回来 仓库签收后 款项两天内原路到账'],
      ['customer', '好'],
    );
    const promises = [{ ...shipped('款项两天内原路到账', 1), action: 'refund' as const, conditional: true }];
    const advice = await advisor.advise({ lines, index: 2, now, notes: { promises } });
    expect(advice.refundOptions.find((o) => o.recommended)?.kind).toBe('return_refund');
  });
});
