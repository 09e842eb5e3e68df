import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { Order, SpeakerRole, TranscriptLine } from '../../core/domain.js';
import type { CallAnalyzers } from './analyzers.js';
import { buildAnalyzers } from './build-analyzers.js';
import { CallAnalysis } from './call-analysis.js';

const ORDER: Order = {
  id: '3190557',
  merchantId: 'm',
  buyerId: 'b',
  currency: 'USD',
  status: 'delivered',
  amount: 59,
  items: [{ sku: 'HP-1', name: 'Wireless headphones', quantity: 1, unitPrice: 59, category: 'electronics' }],
  placedAt: new Date('2026-11-18T02:00:00Z'),
  paidAt: new Date('2026-11-18T02:00:00Z'),
  shippedAt: new Date('2026-11-19T02:00:00Z'),
  deliveredAt: new Date('2026-11-21T02:00:00Z'),
};
const CUSTOMER = [
  'the headphones arrived broken',
  'my order number is three one nine zero five five seven',
  'where is my parcel it is a week late',
  'i want a refund please',
  'the left earbud makes no sound',
  '耳机坏了怎么办',
  '快递三天了还没到',
  'ok thanks',
];
const MERCHANT = ['sorry to hear that', 'what is your order number', 'I will ship a replacement tomorrow'];
// What an interim hypothesis of a line may look like: the words so far, or a filler misheard.
const interimOf = (text: string, cut: number, filler: boolean) => {
  const words = text.split(' ');
  const kept = words.slice(0, Math.max(1, words.length - cut)).join(' ');
  return filler ? `uh ${kept}` : kept;
};

let analyzers: CallAnalyzers;
beforeAll(async () => {
  analyzers = await buildAnalyzers({ config: loadConfig({}) });
});

const fresh = () =>
  new CallAnalysis(analyzers, {
    startedAt: new Date('2026-11-23T02:00:00Z'),
    timeZone: 'Asia/Shanghai',
    language: 'en',
    orders: [ORDER],
  });

describe('speculative advice', () => {
  it('never changes what a call finds, whatever the interim hypotheses were', async () => {
    const line = fc.oneof(
      fc.record({ speaker: fc.constant<SpeakerRole>('customer'), text: fc.constantFrom(...CUSTOMER) }),
      fc.record({ speaker: fc.constant<SpeakerRole>('merchant'), text: fc.constantFrom(...MERCHANT) }),
    );
    const step = fc.record({ line, cut: fc.nat(3), filler: fc.boolean(), speculate: fc.boolean() });
    let used = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const plain = fresh();
        const ahead = fresh();
        for (const [i, s] of steps.entries()) {
          const final: TranscriptLine = { ...s.line, startMs: i * 4000, endMs: i * 4000 + 3000 };
          if (s.speculate) ahead.speculate({ ...final, text: interimOf(final.text, s.cut, s.filler) });
          const [a, b] = [await plain.hear(final), await ahead.hear(final)];
          expect(b).toEqual(a);
        }
        expect(ahead.findings()).toEqual(plain.findings());
        used += ahead.speculations.used;
      }),
      { numRuns: 30, seed: 17 },
    );
    // The property is about speculation that was used, not only discarded.
    expect(used).toBeGreaterThan(10);
  }, 120_000);

  it('uses advice computed on an interim that says the same, and discards one that does not', async () => {
    const call = fresh();
    const line = (text: string, i: number): TranscriptLine => ({ speaker: 'customer', text, startMs: i, endMs: i + 1 });
    call.speculate(line('uh the headphones arrived broken', 0));
    await call.hear(line('the headphones arrived broken', 0));
    expect(call.speculations).toEqual({ started: 1, used: 1, discarded: 0 });
    call.speculate(line('the headphones arrived', 1));
    await call.hear(line('the headphones arrived late', 1));
    expect(call.speculations).toEqual({ started: 2, used: 1, discarded: 1 });
  });
});
