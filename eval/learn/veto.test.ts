/**
 * The veto as the leave-one-set-out scorer and the trainer choose and apply it (decision 0575): only
 * a gate with `veto`, only flags the engine raised on a line naming the gate's datum, the threshold
 * that removes false flags without losing true ones, and a vetoed flag the layer may not raise again.
 */
import { describe, expect, it } from 'vitest';
import { lexiconClasses, MARK_KINDS, MASK_KINDS } from '../../pipelines/language/index.js';
import type { Gate } from '../../pipelines/learn/gate.js';
import { defaultLineClassifier, LineClassifier } from '../../pipelines/learn/model.js';
import { floors } from './hard-negatives.js';
import {
  additions,
  chooseVetoes,
  type EngineFlags,
  type Featured,
  readSpec,
  type Scored,
  vetoed,
  withVetoes,
} from './common.js';

const pcp: Gate = {
  categories: ['contact_exchange'],
  datum: ['contact_channel'],
  block: [],
  blockLine: [],
  veto: true,
};
/** One merchant line per call, labelled contact_exchange or not. */
const call = (name: string, text: string, violation: boolean): Featured => ({
  set: 'blind-x',
  name,
  lines: [{ speaker: 'merchant', text, startMs: 0, endMs: 900 }],
  labels: [new Set(violation ? ['contact_exchange'] : [])],
  hardNegatives: new Set(),
  promises: [],
  features: [[]],
});
const score = (c: Featured, p: number): Scored => ({ call: c, line: 0, category: 'contact_exchange', p, span: [0, 2] });
const calls = [
  call('refusal', '站外联系不行哦 微信也不可以', false),
  call('invite', '加我微信 abc8899', true),
  call('odd-invite', '微信搜一下 abc8899', true),
  call('no-datum', '可以的亲', false),
];
const scored = [score(calls[0]!, 0.02), score(calls[1]!, 0.9), score(calls[2]!, 0.12), score(calls[3]!, 0.01)];
const engine: EngineFlags = new Map(calls.map((c) => [`${c.set}/${c.name}`, new Set(['contact_exchange@0'])]));

describe('flag veto, held out', () => {
  it('chooses the threshold that removes false flags and loses no true one; a gate without veto gets none', () => {
    expect(chooseVetoes(scored, engine, { pcp })).toEqual({ contact_exchange: 0.03 });
    expect(chooseVetoes(scored, engine, { pcp: { ...pcp, veto: false } })).toEqual({});
  });

  it('vetoes only engine flags on a line naming the datum, under the threshold', () => {
    const gone = vetoed(scored, engine, { contact_exchange: 0.5 }, { pcp });
    expect(gone.map((s) => s.call.name)).toEqual(['refusal', 'odd-invite']);
    const none: EngineFlags = new Map(calls.map((c) => [`${c.set}/${c.name}`, new Set<string>()]));
    expect(vetoed(scored, none, { contact_exchange: 0.5 }, { pcp })).toEqual([]);
  });

  it('keeps a vetoed flag as a rule veto, so the layer does not raise it again', () => {
    const kept = withVetoes(engine, vetoed(scored, engine, { contact_exchange: 0.5 }, { pcp }));
    expect([...kept.get('blind-x/refusal')!]).toEqual(['veto:contact_exchange@0']);
    expect([...engine.get('blind-x/refusal')!]).toEqual(['contact_exchange@0']);
    const eager = [score(calls[0]!, 0.99)];
    expect(additions(eager, kept, { contact_exchange: 0.5 }, { pcp }, 'none')).toEqual([]);
  });
});

describe('the rules read the line first (decision 0690)', () => {
  const gate: Gate = {
    categories: ['contact_exchange', 'privacy_request', 'off_platform_payment'],
    datum: ['contact_channel', 'wallet'],
    block: [],
    blockLine: [],
  };
  const invite = call('invite-read', '加我微信 abc8899', true);
  const eager = [score(invite, 0.9)];
  const engine = (keys: string[]): EngineFlags => new Map([['blind-x/invite-read', new Set(keys)]]);

  it("adds nothing on a line where a rule accepted or vetoed one of the gate's categories, with ruleReads", () => {
    for (const k of ['privacy_request@0', 'veto:privacy_request@0']) {
      expect(additions(eager, engine([k]), { contact_exchange: 0.5 }, { pcp: gate }, 'none')).toHaveLength(1);
      const reading = { ...gate, ruleReads: ['accepted', 'vetoed'] as const };
      expect(additions(eager, engine([k]), { contact_exchange: 0.5 }, { pcp: reading }, 'none')).toEqual([]);
    }
    // Another line's reading, or another gate's category, leaves the line open.
    const reading = { ...gate, ruleReads: ['accepted'] as const };
    expect(
      additions(eager, engine(['privacy_request@1', 'abuse@0']), { contact_exchange: 0.5 }, { pcp: reading }, 'none'),
    ).toHaveLength(1);
  });

  it("settles an added flag's category by the taxonomy's arbitration, as the detector does", () => {
    // A wallet named only as whose password it is: the payment reading is the privacy request.
    const password = call('password', '方便的话 您的支付宝支付密码', false);
    password.labels[0] = new Set(['privacy_request']);
    const paid = { ...score(password, 0.9), category: 'off_platform_payment', span: [5, 8] as [number, number] };
    const none: EngineFlags = new Map([['blind-x/password', new Set<string>()]]);
    const t = { off_platform_payment: 0.5, privacy_request: 0.5, contact_exchange: 0.5 };
    expect(additions([paid], none, t, { pcp: gate }, 'none').map((a) => a.category)).toEqual(['privacy_request']);
    // Moved onto a category the engine already flags there, it is that flag: nothing is added.
    const flagged: EngineFlags = new Map([['blind-x/password', new Set(['privacy_request@0'])]]);
    expect(additions([paid], flagged, t, { pcp: gate }, 'none')).toEqual([]);
  });
});

describe('a refund obstruction veto (decision 0830)', () => {
  const spec = readSpec();
  const refund = spec.gates.refund!;
  const refusal = (name: string, text: string, violation: boolean): Scored => ({
    call: { ...call(name, text, false), labels: [new Set(violation ? ['refund_obstruction'] : [])] },
    line: 0,
    category: 'refund_obstruction',
    p: violation ? 0.26 : 0.11,
    span: [0, 2],
  });
  const lines = [
    refusal('deposit-rule', '定金是不退的哈 这个是预售规则 下单页面也有写', false),
    refusal('review-first', 'We can refund you as soon as you take down the 1-star review', true),
  ];
  const flagged: EngineFlags = new Map(lines.map((s) => [`blind-x/${s.call.name}`, new Set(['refund_obstruction@0'])]));

  it("lets the shipped spec's refund gate veto the rules' flags it scores near zero", () => {
    expect(refund.veto).toBe(true);
    expect(refund.datum.length).toBeGreaterThan(0);
  });

  it('vetoes a lawful refusal the model scores under the threshold and keeps a real obstruction', () => {
    const gone = vetoed(lines, flagged, { refund_obstruction: 0.2 }, { refund });
    expect(gone.map((s) => s.call.name)).toEqual(['deposit-rule']);
    expect(chooseVetoes(lines, flagged, { refund })).toEqual({ refund_obstruction: 0.15 });
  });
});

describe("the tests' floor", () => {
  const { model } = defaultLineClassifier();
  const withVeto = { ...model, gates: { ...model.gates, pcp: { ...model.gates.pcp!, veto: true } } };
  const invite = {
    lines: [['merchant', '加我微信 abc8899']] as ['merchant', string][],
    expect: 'contact_exchange' as const,
  };
  const answer = {
    lines: [
      ['customer', '能加你微信吗？'],
      ['merchant', '可以的亲'],
    ] as ['customer' | 'merchant', string][],
    expect: 'contact_exchange' as const,
  };

  it("is the model's lowest score on a test violation naming the gate's datum; answers naming none do not lower it", () => {
    const c = new LineClassifier(withVeto);
    const p = c.probability(
      'contact_exchange',
      c.features(
        [{ speaker: 'merchant', text: '加我微信 abc8899', startMs: 0, endMs: 2500 }],
        0,
        model.gates.pcp!.features,
      ),
    );
    expect(floors(withVeto, [invite, answer])).toEqual({ contact_exchange: p });
  });

  it('is empty for a gate without a veto', () => {
    const without = { ...model, gates: { ...model.gates, pcp: { ...model.gates.pcp!, veto: false } } };
    expect(floors(without, [invite, answer])).toEqual({});
  });
});

describe("a category's acts: a privacy request asks (decision 0765)", () => {
  const gate: Gate = {
    categories: ['privacy_request'],
    datum: ['private_datum'],
    block: [],
    blockLine: [],
    acts: { privacy_request: ['mark:request', 'mark:question', 'request_verb', 'number_anaphor'] },
  };
  const asked = (name: string, text: string) => {
    const c = call(name, text, false);
    c.labels[0] = new Set(['privacy_request']);
    return { ...score(c, 0.9), category: 'privacy_request', span: [0, text.length] as [number, number] };
  };
  const none = (names: string[]): EngineFlags => new Map(names.map((n) => [`blind-x/${n}`, new Set<string>()]));
  const t = { privacy_request: 0.5 };

  it('adds no flag on a line that only names the datum (the shop sending its own code)', () => {
    const sent = asked('sent', "I'm texting a verification code to your phone right now.");
    expect(additions([sent], none(['sent']), t, { pcp: gate }, 'datum+block')).toEqual([]);
    // Without the gate's acts the same line is open.
    const open = { ...gate, acts: undefined };
    expect(additions([sent], none(['sent']), t, { pcp: open }, 'datum+block')).toHaveLength(1);
  });

  it('adds the flag on a line that asks for it, or follows up on the number', () => {
    const lines = [
      asked('ask', 'Could you read me the verification code from that text?'),
      asked('follow', '短信里那个六位的验证码 也发小妹一下'),
    ];
    expect(additions(lines, none(['ask', 'follow']), t, { pcp: gate }, 'datum+block')).toHaveLength(2);
  });

  it("names only the language layer's classes, marks and masks in the shipped spec", () => {
    const spec = readSpec();
    const known = new Set([
      ...lexiconClasses(),
      ...MARK_KINDS.map((k) => `mark:${k}`),
      ...MASK_KINDS.map((k) => `mask:${k}`),
    ]);
    for (const g of Object.values(spec.gates))
      for (const [category, xs] of Object.entries(g.acts ?? {})) {
        expect(g.categories).toContain(category);
        for (const x of xs) expect(known, `${category}: ${x}`).toContain(x);
      }
  });
});

describe('a reward for a review is the review manipulation, not a payment (decision 0765)', () => {
  const pcp: Gate = {
    categories: ['off_platform_payment', 'privacy_request', 'contact_exchange'],
    datum: ['wallet', 'payment_channel'],
    block: [],
    blockLine: [],
  };
  const t = { off_platform_payment: 0.5 };
  const paid = (name: string, text: string) => ({
    ...score(call(name, text, false), 0.9),
    category: 'off_platform_payment',
    span: [0, text.length] as [number, number],
  });
  const none = (name: string): EngineFlags => new Map([[`blind-x/${name}`, new Set<string>()]]);

  it('moves a payment reading of money sent for a rating to review manipulation', () => {
    const reward = paid('reward', '给个五星好评带图 截图发小妹 支付宝返您五块');
    expect(additions([reward], none('reward'), t, { pcp }, 'none').map((a) => a.category)).toEqual([
      'review_manipulation',
    ]);
  });

  it('keeps the payment when the buyer is asked to pay, or the money is a refund', () => {
    for (const [name, text] of [
      ['pay', '好评的话 下次直接支付宝转我 给您便宜五块'],
      ['refund', '好评我看到了 退款小妹支付宝直接退您 比平台快'],
    ] as const)
      expect(additions([paid(name, text)], none(name), t, { pcp }, 'none').map((a) => a.category)).toEqual([
        'off_platform_payment',
      ]);
  });
});
