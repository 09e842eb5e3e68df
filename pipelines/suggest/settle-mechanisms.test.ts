import { beforeAll, describe, expect, it } from 'vitest';
import type { RefundOption } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { loadConfig } from '../../core/config.js';
import { HashedNgramEmbedder } from '../embed/hashed-ngram.js';
import { analyzeTranscript } from '../session/analyze-transcript.js';
import { buildAnalyzers } from '../session/build-analyzers.js';
import { Advisor } from './advise.js';
import { CallReading } from './call-reading.js';
import { classifyUtterance } from './issue.js';
import { OfflineSuggestionEngine } from './offline-engine.js';
import { factsFromCall } from './order-facts.js';
import { MemoryPolicyRetriever } from './policy-store.js';
import { computeRefundOptions } from './refund-options.js';
import { settleOn } from './remedy.js';

// Decision 0515. Phrasings written for these tests; none comes from an evaluation set or the probe.
const top = (text: string) => classifyUtterance(text)[0]?.kind ?? null;
const call = (...said: [TranscriptLine['speaker'], string][]): TranscriptLine[] =>
  said.map(([speaker, text], i) => ({ speaker, text, startMs: i * 2000, endMs: i * 2000 + 1500 }));

describe('what the buyer says is a problem', () => {
  it.each([
    ['这件羽绒服洗了会缩水吗', 'a question about what the goods will do'],
    ['will these boots crack if it gets below zero?', 'a question about what the goods will do'],
  ])('%s → none (%s)', (text) => {
    expect(top(text)).toBeNull();
  });

  it.each([
    ['羽绒服洗了一次就缩水了', 'not_as_described'],
    ['the left boot has a crack along the heel', 'damaged'],
    ['锅底涂层起皮了', 'damaged'],
    ['裤腿上有个洞', 'damaged'],
    ["I honestly just don't like the colour", 'changed_mind'],
    ['the speaker makes no sound at all', 'damaged'],
  ])('%s → %s', (text, kind) => {
    expect(top(text)).toBe(kind);
  });
});

describe('a merchant turning the ask down', () => {
  it('leaves the buyer asking for nothing that stands, and the remedy open', () => {
    const lines = call(['customer', '凳子不喜欢 我要退货'], ['merchant', '亲 这款是特价清仓的 不支持退货哦']);
    const reading = new CallReading(lines);
    expect(reading.preferenceAt(1)).toBe('refund');
    expect(reading.askStanding(1)).toBeNull();
    expect(reading.remedySince(0, 1)).toEqual({ remedy: 'open', line: 1 });
  });

  it('an ask made after the refusal stands again', () => {
    const lines = call(
      ['customer', "I'd like a refund please"],
      ['merchant', 'Sorry, clearance items are final sale'],
      ['customer', 'then replace it, it arrived with a crack'],
    );
    expect(new CallReading(lines).askStanding(2)).toBe('replacement');
  });
});

describe('settleOn: what the refund is', () => {
  const option = (kind: RefundOption['kind']): RefundOption => ({
    kind,
    amount: 80,
    currency: 'CNY',
    policy: `zh.${kind}`,
    recommended: false,
    rationale: '',
    orderId: null,
  });
  const facts = factsFromCall(call(['customer', '杯子裂了']), 0, {}, 'zh');
  const damaged = {
    kind: 'damaged' as const,
    utterance: 0,
    cue: '裂了',
    count: null,
    total: null,
    share: null,
    extent: null,
  };
  const input = { facts, issue: damaged, language: 'zh' as const, issueText: '杯子裂了' };
  const ranked = [option('replacement'), option('return_refund'), option('coupon')];

  it('money back while the buyer keeps the goods is a refund without a return', () => {
    expect(settleOn(ranked, { remedy: 'refund', line: 1 }, input)[0]!.kind).toBe('return_refund');
    const kept = settleOn(ranked, { remedy: 'refund', line: 1 }, { ...input, kept: true });
    expect(kept[0]).toMatchObject({ kind: 'refund_only', recommended: true, amountToBeConfirmed: true });
  });

  it('a return the merchant states is still a return, whatever was said of keeping the goods', () => {
    expect(settleOn(ranked, { remedy: 'return_refund', line: 1 }, { ...input, kept: true })[0]!.kind).toBe(
      'return_refund',
    );
  });

  it('a new unit sent for a parcel that never came is a reshipment; for faulty goods a replacement', () => {
    const lost = { ...damaged, kind: 'late' as const, lost: true, complaint: true };
    expect(settleOn([], { remedy: 'replacement', line: 1 }, { ...input, issue: lost })[0]!.kind).toBe('reship');
    expect(settleOn([], { remedy: 'replacement', line: 1 }, input)[0]!.kind).toBe('replacement');
  });
});

describe('goods with nothing to send back', () => {
  it('a change of mind about a course is refunded without a return', () => {
    const facts = factsFromCall(call(['customer', '这个网课不想要了']), 0, {}, 'zh');
    expect(facts.intangible).toBe(true);
    const issue = {
      kind: 'changed_mind' as const,
      utterance: 0,
      cue: '不想要了',
      count: null,
      total: null,
      share: null,
      extent: null,
    };
    const options = computeRefundOptions({ facts, issue, language: 'zh' });
    expect(options.map((o) => o.kind)).toEqual(['refund_only']);
    expect(options[0]!.amountToBeConfirmed).toBe(true);
  });
});

describe('Advisor: a recommendation the facts later rule out', () => {
  let advisor: Advisor;
  beforeAll(async () => {
    advisor = new Advisor({
      retriever: await MemoryPolicyRetriever.create(new HashedNgramEmbedder()),
      engine: new OfflineSuggestionEngine(),
    });
  });
  const now = new Date('2026-12-18T10:00:00+08:00');

  it('says so when customised goods come up after the ask', async () => {
    const lines = call(['customer', '杯子买了不想要了 给我退了吧'], ['merchant', '亲 这个杯子是定制印照片的哦']);
    const asked = await advisor.advise({ lines, index: 0, now });
    expect(asked.refundOptions[0]).toMatchObject({ kind: 'return_refund', recommended: true });
    const later = await advisor.advise({ lines, index: 1, now });
    expect(later.refundOptions).toEqual([]);
    expect(later.ruledOut).toBe(true);
  });

  it('a call keeps those options listed, none recommended', async () => {
    const analyzers = await buildAnalyzers({ config: loadConfig({}), onFallback: () => {} });
    const lines = call(
      ['customer', '杯子买了不想要了 给我退了吧'],
      ['merchant', '亲 这个杯子是定制印照片的哦'],
      ['customer', '那好吧'],
    );
    const first = await analyzeTranscript(analyzers, lines.slice(0, 1), { startedAt: now, timeZone: 'Asia/Shanghai' });
    expect(first.findings.refundOptions[0]).toMatchObject({ kind: 'return_refund', recommended: true });
    const { findings } = await analyzeTranscript(analyzers, lines, { startedAt: now, timeZone: 'Asia/Shanghai' });
    expect(findings.refundOptions.map((o) => o.kind)).toEqual(['return_refund']);
    expect(findings.refundOptions.some((o) => o.recommended)).toBe(false);
  });

  it('does not for a question the rules never answer with money', async () => {
    const lines = call(['customer', '这个洗衣机怎么安装啊']);
    const advice = await advisor.advise({ lines, index: 0, now });
    expect(advice.ruledOut).toBe(false);
  });
});
