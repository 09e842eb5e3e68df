/**
 * The veto as the leave-one-set-out scorer and the trainer choose and apply it (decision 0575): only
 * a gate with `veto`, only flags the engine raised on a line naming the gate's datum, the threshold
 * that removes false flags without losing true ones, and a vetoed flag the layer may not raise again.
 */
import { describe, expect, it } from 'vitest';
import type { Gate } from '../../pipelines/learn/gate.js';
import { defaultLineClassifier, LineClassifier } from '../../pipelines/learn/model.js';
import { floors } from './hard-negatives.js';
import { additions, chooseVetoes, type EngineFlags, type Featured, type Scored, vetoed, withVetoes } from './common.js';

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
