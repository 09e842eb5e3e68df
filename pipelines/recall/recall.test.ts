import { afterEach, describe, expect, it } from 'vitest';
import type { PromiseNote } from '../../core/analysis.js';
import type { TranscriptLine } from '../../core/domain.js';
import { OpenAiChatClient } from '../llm/openai-chat.js';
import { ScriptedLlm } from '../llm/testing/scripted-llm.js';
import { type ChatScript, startChatCompletionsDouble } from '../llm/testing/chat-completions-double.js';
import type { HttpEndpointDouble } from '../llm/testing/http-endpoint-double.js';
import { LlmIssueRecall } from './issues.js';
import { LlmPromiseRecall, mergePromises } from './promises.js';

const clock = { startedAt: new Date('2026-12-05T10:00:00+08:00'), timeZone: 'Asia/Shanghai' };
const line = (speaker: TranscriptLine['speaker'], text: string, i: number): TranscriptLine => ({
  speaker,
  text,
  startMs: i * 3000,
  endMs: i * 3000 + 2000,
});
const call = [
  line('customer', '亲 我买的吹风机才用两天就不出热风了', 0),
  line('merchant', '亲亲非常抱歉呢，小妹这边明天帮您反馈给售后主管哈', 1),
];

let server: HttpEndpointDouble | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Only the budget test measures the budget: elsewhere it is a deadline far above a round trip on a
// loaded machine (1.5 s was exceeded at load 20, failing tests about quotes and retries).
async function recallers(script: ChatScript[], budgetMs = 20_000) {
  server = await startChatCompletionsDouble(script);
  const llm = new OpenAiChatClient({ apiKey: 'k', baseURL: server.baseURL, model: 'qwen' });
  return { promises: new LlmPromiseRecall(llm, budgetMs), issues: new LlmIssueRecall(llm, budgetMs) };
}
const json = (x: unknown) => JSON.stringify(x);

describe('LlmPromiseRecall over real HTTP (chat-completions double)', () => {
  it('keeps a quoted commitment with its deadline resolved, and sends the line with its context', async () => {
    const { promises } = await recallers([
      json({
        promises: [{ action: 'other', evidence: '明天帮您反馈给售后主管', deadline: '明天', conditional: false }],
      }),
    ]);
    const out = await promises.recall(call, 1, clock);
    expect(out).toEqual({
      promises: [
        {
          speaker: 'merchant',
          action: 'other',
          deadline: '2026-12-06',
          conditional: false,
          utterance: 1,
          text: '明天帮您反馈给售后主管',
        },
      ],
      rejected: [],
    });
    const sent = JSON.stringify(server!.requests[0]!.body);
    expect(sent).toContain('[0] customer: 亲 我买的吹风机才用两天就不出热风了');
    expect(sent).toContain('小妹这边明天帮您反馈给售后主管哈');
  });

  it('rejects a promise whose words, or whose deadline words, are not in the line', async () => {
    const { promises } = await recallers([
      json({
        promises: [
          { action: 'refund', evidence: '给您全额退款', deadline: null, conditional: false },
          { action: 'other', evidence: '帮您反馈给售后主管', deadline: '今天之内', conditional: false },
          { action: 'callback', evidence: '小妹这边明天帮您反馈', deadline: '明天', conditional: false },
        ],
      }),
    ]);
    const out = await promises.recall(call, 1, clock);
    expect(out.promises.map((p) => p.text)).toEqual(['小妹这边明天帮您反馈']);
    expect(out.rejected).toEqual([
      { utterance: 1, quote: '给您全额退款', reason: 'not in the line' },
      { utterance: 1, quote: '今天之内', reason: 'not in the line' },
    ]);
  });

  it('retries one off-schema answer, then falls back with nothing recalled', async () => {
    const good = json({ promises: [] });
    const once = await recallers([json({ promises: [{ action: 'bribe', evidence: 'x' }] }), good]);
    expect(await once.promises.recall(call, 1, clock)).toEqual({ promises: [], rejected: [] });
    expect(server!.requests).toHaveLength(2);
    await server!.close();
    const twice = await recallers(['not json at all', json({ nope: true })]);
    const out = await twice.promises.recall(call, 1, clock);
    expect(out.promises).toEqual([]);
    expect(out.fallback).toMatch(/off-schema/);
    expect(server!.requests).toHaveLength(2);
  });

  it('gives up at the latency budget, so the offline result stands', async () => {
    const { promises } = await recallers([{ delayMs: 20_000, body: {} }], 300);
    const started = Date.now();
    const out = await promises.recall(call, 1, clock);
    // Long before the answer would have come.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(out).toEqual({ promises: [], rejected: [], fallback: 'over the 300 ms budget' });
  });

  it('starts the budget once the client library has loaded, however long that took', async () => {
    const slowToLoad = Object.assign(new ScriptedLlm([{ promises: [] }]), {
      load: () => new Promise<void>((r) => setTimeout(r, 600)),
    });
    expect(await new LlmPromiseRecall(slowToLoad, 300).recall(call, 1, clock)).toEqual({ promises: [], rejected: [] });
  });

  it('does not retry a final error such as a bad key', async () => {
    const { promises } = await recallers([{ status: 401, body: { error: { message: 'bad key' } } }]);
    expect((await promises.recall(call, 1, clock)).fallback).toMatch(/HTTP 401/);
    expect(server!.requests).toHaveLength(1);
  });
});

describe('mergePromises', () => {
  const offline: PromiseNote = {
    speaker: 'merchant',
    action: 'refund',
    deadline: '2026-12-06',
    conditional: false,
    utterance: 3,
    text: '明天给您退款',
  };
  it('is the union, a recalled promise the offline engine already has counted once', () => {
    const sameWords = { ...offline, action: 'other' as const, text: '给您退款' };
    const sameAction = { ...offline, text: '退款明天到' };
    const escalate = { ...offline, action: 'other' as const, deadline: null, text: '帮您升级处理' };
    const earlier = { ...escalate, utterance: 1 };
    expect(mergePromises([offline], [sameWords, sameAction, escalate, earlier])).toEqual([earlier, offline, escalate]);
  });
});

describe('LlmIssueRecall over real HTTP', () => {
  const issue = (over: Record<string, unknown>) =>
    json({
      issue: {
        kind: 'damaged',
        utterance: 0,
        evidence: '才用两天就不出热风了',
        product: '吹风机',
        count: null,
        total: null,
        preference: null,
        ...over,
      },
    });

  it('returns the problem with its quoted cue and product', async () => {
    const { issues } = await recallers([issue({})]);
    const out = await issues.recall(call, 0);
    expect(out.rejected).toEqual([]);
    expect(out.issue).toMatchObject({
      kind: 'damaged',
      utterance: 0,
      cue: '才用两天就不出热风了',
      product: '吹风机',
      source: 'llm:openai/qwen issue-extract@1',
    });
    expect(JSON.stringify(server!.requests[0]!.body)).toContain('- spoiled: fresh food');
  });

  it('rejects an invented quote, an unknown kind, a merchant line or a line not yet said', async () => {
    for (const bad of [
      { evidence: '机器冒烟了' },
      { kind: 'bad_vibes' },
      { utterance: 1, evidence: '非常抱歉' },
      { utterance: 5 },
    ]) {
      const { issues } = await recallers([issue(bad)]);
      const out = await issues.recall(call, 1);
      expect(out.issue, JSON.stringify(bad)).toBeNull();
      expect(out.rejected).toHaveLength(1);
      await server!.close();
      server = undefined;
    }
  });

  it('drops a product the transcript never names and a count larger than the total', async () => {
    const { issues } = await recallers([issue({ product: '戴森吹风机', count: 3, total: 2 })]);
    const out = await issues.recall(call, 0);
    expect(out.issue).toMatchObject({ kind: 'damaged', product: null, count: null, total: null });
    expect(out.rejected).toEqual([{ utterance: 0, quote: '戴森吹风机', reason: 'product not in the transcript' }]);
  });
});
