import { afterEach, describe, expect, it } from 'vitest';
import { FlagFindingSchema } from '../../core/analysis.js';
import { OpenAiChatClient } from '../llm/openai-chat.js';
import { type ChatScript, startChatCompletionsDouble } from '../llm/testing/chat-completions-double.js';
import type { HttpEndpointDouble } from '../llm/testing/http-endpoint-double.js';
import { ComplianceDetector } from './detector.js';
import { call } from './testing/calls.js';
import { locate } from './llm-recall.js';

let server: HttpEndpointDouble | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A detector whose LLM is the real OpenAI client talking to a local chat-completions double. */
async function detectorFor(script: ChatScript[], llmBudgetMs?: number) {
  server = await startChatCompletionsDouble(script);
  const llm = new OpenAiChatClient({ apiKey: 'k-test', baseURL: server.baseURL, model: 'qwen2.5-7b' });
  return new ComplianceDetector({ llm, ...(llmBudgetMs && { llmBudgetMs }) });
}
const says = call;
const answer = (...violations: object[]) => JSON.stringify({ violations });

describe('LLM recall layer (against the local chat-completions double)', () => {
  it('flags what the rules miss, with the quote located exactly in the line', async () => {
    const text = 'Sure! Could you pop the six numbers from that message into this chat?';
    // A generous budget: this checks the quote, not latency (the last test does), and the first
    // request of a run can take seconds on a loaded machine.
    const detector = await detectorFor(
      [
        answer({
          category: 'privacy_request',
          evidence: 'pop the six numbers from that message into this chat',
          confidence: 0.92,
          reason: 'asks for the SMS code',
        }),
      ],
      20_000,
    );
    const [flag, ...rest] = await detector.detect(says(['merchant', text]));
    expect(rest).toEqual([]);
    expect(FlagFindingSchema.parse(flag)).toEqual(flag);
    expect(flag).toMatchObject({
      category: 'privacy_request',
      rule: 'en.llm-recall.privacy_request@1',
      evidence: 'pop the six numbers from that message into this chat',
      confidence: 0.828,
    });
    expect(text.slice(...flag!.span)).toBe(flag!.evidence);
    expect(flag!.verdicts).toEqual([
      expect.objectContaining({
        layer: 'llm',
        verdict: 'candidate',
        detail: expect.objectContaining({ prompt: 'compliance-recall@1' }),
      }),
    ]);
    const sent = (server!.requests[0]!.body as { messages: { content: string }[] }).messages;
    expect(sent[1]!.content).toContain(text);
    expect(sent[1]!.content).toContain('- privacy_request:');
  });

  it('never shows a quote that is not in the line', async () => {
    const detector = await detectorFor([
      answer({ category: 'contact_exchange', evidence: 'add me on WhatsApp', confidence: 0.99, reason: 'invented' }),
    ]);
    const lines = says(['merchant', 'Your parcel left the warehouse this morning.']);
    expect(await detector.inspect(lines)).toEqual([]);
  });

  it('maps a quote that differs only in width, case or spacing back to the original characters', () => {
    const text = '亲，ＶＸ 搜一下  Lily0825 哈';
    const span = locate(text, 'vx 搜一下 lily0825')!;
    expect(text.slice(...span)).toBe('ＶＸ 搜一下  Lily0825');
    expect(locate(text, '加我微信')).toBeNull();
  });

  it('drops a category the speaker cannot commit and a proposal under the bar', async () => {
    const detector = await detectorFor([
      answer({ category: 'privacy_request', evidence: 'my card number', confidence: 0.95, reason: 'buyer' }),
      answer({ category: 'contact_exchange', evidence: 'reach me', confidence: 0.5, reason: 'vague' }),
    ]);
    const lines = says(['customer', 'Do you need my card number?'], ['merchant', 'You can reach me here anytime.']);
    expect(await detector.detect(lines)).toEqual([]);
    expect(server!.requests).toHaveLength(2);
  });

  it('keeps a match the rules vetoed vetoed, whatever the model says', async () => {
    const detector = await detectorFor([
      answer({ category: 'contact_exchange', evidence: '加微信', confidence: 0.97, reason: 'mentions WeChat' }),
    ]);
    const [candidate] = (await detector.inspect(says(['merchant', '不要加微信哦，有事在这里说']))).filter((c) =>
      c.rule.includes('llm-recall'),
    );
    expect(candidate).toMatchObject({ accepted: false, droppedBy: 'rule' });
    expect(candidate!.verdicts.map((v) => [v.layer, v.verdict])).toEqual([
      ['llm', 'candidate'],
      ['rule', 'rejected'],
    ]);
  });

  it('falls back to the offline result when the model is slower than the budget', async () => {
    const detector = await detectorFor([{ body: { error: 'late' }, delayMs: 20_000 }], 150);
    const started = Date.now();
    const flags = await detector.detect(says(['merchant', 'Just Venmo me the rest']));
    // Long before the answer would have come (a loaded machine takes seconds to warm the rules).
    expect(Date.now() - started).toBeLessThan(10_000);
    // The rule's flag stands; its adjudication timed out too and abstained.
    expect(flags.map((f) => f.rule)).toEqual(['en.payment.frame@18']);
  });
});
