import { beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../core/domain.js';
import { KefuError } from '../../core/errors.js';
import { ScriptedLlm } from '../llm/testing/scripted-llm.js';
import { ComplianceDetector } from './detector.js';

const lines: TranscriptLine[] = [
  { speaker: 'customer', text: '东西收到了，有点问题', startMs: 0, endMs: 1000 },
  { speaker: 'merchant', text: '你直接转到我支付宝，我给你补差价', startMs: 1000, endMs: 2000 },
];
const detectWith = (replies: (unknown | Error)[]) => {
  const llm = new ScriptedLlm(replies);
  // Adjudication alone: the recall layer has its own tests (llm-recall.test.ts).
  return { llm, detector: new ComplianceDetector({ llm, recall: false }) };
};

describe('LLM adjudication layer', () => {
  // The first detection compiles the shared lexicons (~2 s of CPU, far more on a loaded machine):
  // paid once here, under the hook timeout, so no test's 30 s budget carries it.
  beforeAll(async () => {
    await new ComplianceDetector().detect(lines);
  });

  it('confirms a candidate and raises its confidence, recording model, prompt and reason', async () => {
    const { llm, detector } = detectWith([
      { verdict: 'violation', confidence: 0.9, reason: 'asks for Alipay transfer' },
    ]);
    const [flag] = await detector.detect(lines);
    const baseline = (await new ComplianceDetector().detect(lines))[0]!;
    expect(flag!.detector).toBe('rules+semantic:hashed-ngram-v1-512+llm:test/scripted');
    expect(flag!.confidence).toBeGreaterThan(baseline.confidence);
    expect(flag!.verdicts.at(-1)).toMatchObject({
      layer: 'llm',
      verdict: 'confirmed',
      confidence: 0.9,
      detail: { model: 'test/scripted', prompt: 'compliance-adjudicate@1', attempts: 1 },
    });
    expect(llm.received[0]!.user).toContain('[1] merchant: 你直接转到我支付宝');
    expect(llm.received[0]!.user).toContain('zh.payment.frame@16');
  });

  it('drops a candidate the LLM rejects, keeping it in inspect', async () => {
    const reply = { verdict: 'not_violation', confidence: 0.8, reason: 'quoting a scammer' };
    expect(await detectWith([reply]).detector.detect(lines)).toEqual([]);
    const [candidate] = await detectWith([reply]).detector.inspect(lines);
    expect(candidate).toMatchObject({ accepted: false, droppedBy: 'llm' });
    expect(candidate!.verdicts.map((v) => v.verdict)).toEqual(['candidate', 'confirmed', 'rejected']);
  });

  it('retries once on invalid output, then abstains and keeps the earlier layers’ decision', async () => {
    const { llm, detector } = detectWith([{ verdict: 'maybe' }, { confidence: 2 }]);
    const [flag] = await detector.detect(lines);
    expect(llm.received).toHaveLength(2);
    expect(flag!.verdicts.at(-1)).toMatchObject({
      layer: 'llm',
      verdict: 'abstained',
      confidence: null,
      detail: { error: 'LLM_FAILED' },
    });
  });

  it('succeeds on the retry after one retryable failure', async () => {
    const { llm, detector } = detectWith([
      new KefuError('LLM_FAILED', 'timeout', { retryable: true }),
      { verdict: 'violation', confidence: 0.7, reason: 'transfer request' },
    ]);
    const [flag] = await detector.detect(lines);
    expect(llm.received).toHaveLength(2);
    expect(flag!.verdicts.at(-1)).toMatchObject({ verdict: 'confirmed', detail: { attempts: 2 } });
  });

  it('does not retry a non-retryable error', async () => {
    const { llm, detector } = detectWith([
      new KefuError('LLM_FAILED', 'bad key'),
      { verdict: 'violation', confidence: 1, reason: '' },
    ]);
    const [flag] = await detector.detect(lines);
    expect(llm.received).toHaveLength(1);
    expect(flag!.verdicts.at(-1)!.verdict).toBe('abstained');
  });

  it('maps "unsure" to an abstention', async () => {
    const { detector } = detectWith([{ verdict: 'unsure', confidence: 0.5, reason: 'unclear' }]);
    const [flag] = await detector.detect(lines);
    expect(flag!.verdicts.at(-1)).toMatchObject({ verdict: 'abstained', confidence: 0.5 });
  });
});

describe('LLM adjudication of a flag whose evidence was joined', () => {
  it('asks about the joined evidence instead of failing', async () => {
    const joined: TranscriptLine[] = [
      { speaker: 'merchant', text: '加我微信 guoyuan888 私聊', startMs: 0, endMs: 1000 },
    ];
    const offline = await new ComplianceDetector().inspect(joined);
    // Two contact candidates touch: the flag's evidence is their join, a new object (decision 0260).
    expect(offline.filter((c) => c.category === 'contact_exchange').length).toBeGreaterThan(1);
    const { llm, detector } = detectWith([
      { verdict: 'violation', confidence: 0.9, reason: 'moves the buyer to WeChat' },
    ]);
    const [flag] = await detector.detect(joined);
    expect(flag).toMatchObject({ category: 'contact_exchange', evidence: expect.stringContaining('guoyuan888') });
    expect(llm.received[0]!.user).toContain(flag!.evidence);
  });
});
