import { afterEach, describe, expect, it } from 'vitest';
import { KefuError } from '../../core/errors.js';
import { OpenAiChatClient } from '../llm/openai-chat.js';
import { startChatCompletionsDouble } from '../llm/testing/chat-completions-double.js';
import type { HttpEndpointDouble } from '../llm/testing/http-endpoint-double.js';
import { ScriptedLlm } from '../llm/testing/scripted-llm.js';
import type { TurnFacts } from './engine.js';
import { LlmSuggestionEngine } from './llm-engine.js';
import { OfflineSuggestionEngine } from './offline-engine.js';
import { loadPolicies } from './policy-store.js';

const policy = loadPolicies().find((p) => p.id === 'zh.fresh.bad-fruit')!;
const turn: TurnFacts = {
  lines: [{ speaker: 'customer', text: '芒果十个里有三个烂了', startMs: 0, endMs: 1000 }],
  index: 0,
  language: 'zh',
  issue: { kind: 'spoiled', utterance: 0, cue: '烂了', count: 3, total: 10, share: 0.3, extent: 'some' },
  facts: {
    source: 'stated',
    orderId: null,
    amount: 30,
    currency: 'CNY',
    items: [],
    status: null,
    daysSinceDelivery: null,
    fresh: true,
    installable: false,
  },
  refundOptions: [
    {
      kind: 'partial_refund',
      amount: 9,
      currency: 'CNY',
      policy: policy.id,
      recommended: true,
      rationale: '按比例',
      orderId: null,
    },
  ],
  policies: [{ policy, similarity: 0.6 }],
};
const good = {
  suggestions: [{ text: '按坏果包赔给您退9元，不用寄回。', policies: ['zh.fresh.bad-fruit', 'zh.made.up'] }],
};

function engine(replies: unknown[]) {
  const llm = new ScriptedLlm(replies);
  const fallbacks: string[] = [];
  return {
    llm,
    fallbacks,
    engine: new LlmSuggestionEngine(llm, new OfflineSuggestionEngine(), (r) => fallbacks.push(r)),
  };
}

describe('LlmSuggestionEngine', () => {
  it('renders the prompt with the turn facts and keeps only known policy ids', async () => {
    const { llm, engine: e } = engine([good]);
    const [s] = await e.suggest(turn);
    expect(s).toEqual({
      afterUtterance: 0,
      text: good.suggestions[0]!.text,
      policies: ['zh.fresh.bad-fruit'],
      engine: 'llm:test/scripted reply-suggestions@1',
    });
    expect(llm.received[0]!.user).toContain('[0] 顾客: 芒果十个里有三个烂了');
    expect(llm.received[0]!.user).toContain('partial_refund 9 CNY (zh.fresh.bad-fruit) [recommended]');
    expect(llm.received[0]!.system).toContain('Chinese (简体中文)');
  });

  it('retries one off-schema answer', async () => {
    const { llm, engine: e, fallbacks } = engine([{ suggestions: [] }, good]);
    expect((await e.suggest(turn))[0]!.engine).toMatch(/^llm:/);
    expect(llm.received).toHaveLength(2);
    expect(fallbacks).toEqual([]);
  });

  it('falls back to the offline engine after two failures, or at once on a final error', async () => {
    const twice = engine([{ nope: 1 }, { nope: 2 }]);
    expect((await twice.engine.suggest(turn))[0]!.engine).toBe('offline-templates');
    expect(twice.fallbacks[0]).toMatch(/schema/);
    const final = engine([new KefuError('LLM_FAILED', 'HTTP 401', { retryable: false })]);
    expect((await final.engine.suggest(turn))[0]!.engine).toBe('offline-templates');
    expect(final.llm.received).toHaveLength(1);
  });

  it('drops unsafe suggestions, and falls back when none is left', async () => {
    const mixed = engine([
      {
        suggestions: [
          { text: '加我微信发照片', policies: [] },
          { text: '请在售后申请里上传照片。', policies: [] },
        ],
      },
    ]);
    expect((await mixed.engine.suggest(turn)).map((s) => s.text)).toEqual(['请在售后申请里上传照片。']);
    const unsafe = engine([{ suggestions: [{ text: '您直接转账给我，给个好评就退', policies: [] }] }]);
    const out = await unsafe.engine.suggest(turn);
    expect(out[0]!.engine).toBe('offline-templates');
    expect(out[0]!.text).toContain('¥9');
    expect(unsafe.fallbacks).toEqual(['every LLM suggestion was unsafe']);
  });
});

describe('LlmSuggestionEngine over real HTTP (chat-completions double)', () => {
  let server: HttpEndpointDouble | undefined;
  afterEach(async () => server?.close());

  it('gets suggestions through LangChain, and falls back when the server keeps failing', async () => {
    server = await startChatCompletionsDouble([
      JSON.stringify(good),
      { status: 503, body: {} },
      { status: 503, body: {} },
    ]);
    const llm = new OpenAiChatClient({ apiKey: 'k', baseURL: server.baseURL, model: 'qwen' });
    const e = new LlmSuggestionEngine(llm, new OfflineSuggestionEngine());
    expect((await e.suggest(turn))[0]!.engine).toBe('llm:openai/qwen reply-suggestions@1');
    expect((await e.suggest(turn))[0]!.engine).toBe('offline-templates');
    expect(server.requests).toHaveLength(3);
  });
});
