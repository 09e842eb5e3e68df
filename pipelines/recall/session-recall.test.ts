import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { TranscriptLine } from '../../core/domain.js';
import { completion } from '../llm/testing/chat-completions-double.js';
import { type HttpEndpointDouble, startHttpEndpointDouble } from '../llm/testing/http-endpoint-double.js';
import { analyzeTranscript } from '../session/analyze-transcript.js';
import { buildAnalyzers } from '../session/build-analyzers.js';

let server: HttpEndpointDouble;

const lines: TranscriptLine[] = [
  { speaker: 'customer', text: '亲 吹风机才用两天就不出热风了', startMs: 0, endMs: 3000 },
  {
    speaker: 'merchant',
    text: '亲亲抱歉呢，妹子这边明天给您登记一下，有结果第一时间告诉您',
    startMs: 3500,
    endMs: 7000,
  },
];

/** Answers each recall prompt as a model would, and fails every other prompt so those stages fall back. */
function answer(system: string, user: string): string | null {
  if (system.includes('list the commitments')) {
    if (!user.includes('妹子这边')) return JSON.stringify({ promises: [] });
    return JSON.stringify({
      promises: [
        { action: 'other', evidence: '明天给您登记一下', deadline: '明天', conditional: false },
        { action: 'refund', evidence: '马上给您全额退款', deadline: null, conditional: false },
      ],
    });
  }
  if (system.includes('which after-sales problem')) {
    return JSON.stringify({
      issue: {
        kind: 'damaged',
        utterance: 0,
        evidence: '才用两天就不出热风了',
        product: '吹风机',
        count: null,
        total: null,
        preference: null,
      },
    });
  }
  return null;
}

beforeAll(async () => {
  server = await startHttpEndpointDouble({
    '/chat/completions': (req) => {
      const body = req.body as { model: string; messages: { content: string }[] };
      const reply = answer(body.messages[0]!.content, body.messages[1]!.content);
      return reply === null
        ? { status: 400, body: { error: { message: 'not scripted' } } }
        : { body: completion(body.model, reply) };
    },
  });
});
afterAll(() => server.close());

describe('the LLM recall layer in a call session (chat-completions double)', () => {
  it('adds the promise and the problem the offline engines missed, and never an invented quote', async () => {
    const fallbacks: string[] = [];
    // The budget is not under test here: a deadline far above a loaded machine's round trip.
    const config = loadConfig({
      OPENAI_BASE_URL: server.baseURL,
      KEFU_LLM_MODEL: 'qwen',
      KEFU_LLM_RECALL_BUDGET_MS: '20000',
    });
    const analyzers = await buildAnalyzers({ config, onFallback: (r) => fallbacks.push(r) });
    expect(analyzers.describe()).toMatchObject({
      promiseRecall: 'llm:openai/qwen promise-extract@1',
      issueRecall: 'llm:openai/qwen issue-extract@1',
    });
    const { findings } = await analyzeTranscript(analyzers, lines, {
      startedAt: new Date('2026-12-05T10:00:00+08:00'),
      timeZone: 'Asia/Shanghai',
    });
    expect(findings.promises.filter((p) => p.text === '明天给您登记一下')).toEqual([
      {
        speaker: 'merchant',
        action: 'other',
        deadline: '2026-12-06',
        conditional: false,
        utterance: 1,
        text: '明天给您登记一下',
      },
    ]);
    expect(JSON.stringify(findings)).not.toContain('全额退款');
    // The recalled problem (a hair dryer gone cold) is identified, so the buyer gets remedies, not a question.
    expect(findings.refundOptions[0]).toMatchObject({ kind: 'replacement', policy: 'zh.shipping.reship' });
    expect(findings.suggestions[0]).toMatchObject({ afterUtterance: 0, engine: 'offline-templates' });
    expect(fallbacks.some((f) => f.startsWith('promise recall'))).toBe(false);
  });
});
