import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isKefuError, KefuError } from '../../core/errors.js';
import { OpenAiChatClient } from './openai-chat.js';
import { withRetryOnce } from './retry.js';
import { startChatCompletionsDouble, type ChatScript } from './testing/chat-completions-double.js';
import type { HttpEndpointDouble } from './testing/http-endpoint-double.js';

const Reply = z.object({ suggestions: z.array(z.object({ text: z.string().min(1), policies: z.array(z.string()) })) });
const message = { system: 'You coach merchants.', user: '顾客：芒果烂了三个' };

let server: HttpEndpointDouble | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(script: ChatScript[], timeoutMs?: number) {
  server = await startChatCompletionsDouble(script);
  return new OpenAiChatClient({ apiKey: 'k-test', baseURL: server.baseURL, model: 'qwen2.5-7b', timeoutMs });
}

async function failure(p: Promise<unknown>): Promise<KefuError> {
  const err = await p.catch((e: unknown) => e);
  if (!isKefuError(err, 'LLM_FAILED')) throw new Error(`expected LLM_FAILED, got ${String(err)}`);
  return err;
}

describe('OpenAiChatClient against a local chat-completions double', () => {
  it('sends JSON mode with the schema and returns the validated object', async () => {
    const answer = { suggestions: [{ text: '按坏果比例退款', policies: ['zh.fresh.bad-fruit'] }] };
    const llm = await clientFor([JSON.stringify(answer)]);
    await expect(llm.complete(message, Reply)).resolves.toEqual(answer);

    const sent = server!.requests[0]!;
    expect(sent.path).toBe('/chat/completions');
    const body = sent.body as {
      model: string;
      response_format: unknown;
      messages: { role: string; content: string }[];
    };
    expect(body.model).toBe('qwen2.5-7b');
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0]!.content).toContain('"suggestions"');
    expect(body.messages[1]!.content).toBe(message.user);
    expect(llm.model).toBe('openai/qwen2.5-7b');
  });

  it('accepts JSON wrapped in a code fence', async () => {
    const llm = await clientFor(['```json\n{"suggestions":[{"text":"ok","policies":[]}]}\n```']);
    await expect(llm.complete(message, Reply)).resolves.toEqual({ suggestions: [{ text: 'ok', policies: [] }] });
  });

  it('reports prose and off-schema answers as retryable failures', async () => {
    const llm = await clientFor(['Sure! Here are some ideas…', '{"suggestions":[{"text":""}]}']);
    expect(await failure(llm.complete(message, Reply))).toMatchObject({
      retryable: true,
      message: /did not answer with JSON/,
    });
    const offSchema = await failure(llm.complete(message, Reply));
    expect(offSchema.retryable).toBe(true);
    expect(offSchema.message).toMatch(/off-schema/);
  });

  it('makes 429/5xx retryable and 401 final, with no retries of its own', async () => {
    const llm = await clientFor([
      { status: 429, body: { error: { message: 'rate limited' } } },
      { status: 401, body: { error: { message: 'bad key' } } },
    ]);
    expect((await failure(llm.complete(message, Reply))).retryable).toBe(true);
    const auth = await failure(llm.complete(message, Reply));
    expect(auth.retryable).toBe(false);
    expect(auth.message).toMatch(/401/);
    expect(server!.requests).toHaveLength(2);
  });

  it('times out a slow server as a retryable failure', async () => {
    const llm = await clientFor([{ body: {}, delayMs: 2_000 }], 200);
    expect((await failure(llm.complete(message, Reply))).retryable).toBe(true);
  });

  it('with withRetryOnce, recovers from one bad answer but not from two', async () => {
    const good = JSON.stringify({ suggestions: [{ text: 'ok', policies: [] }] });
    const llm = await clientFor(['not json', good, 'not json', 'still not json', good]);
    await expect(withRetryOnce(() => llm.complete(message, Reply))).resolves.toMatchObject({
      suggestions: [{ text: 'ok' }],
    });
    await failure(withRetryOnce(() => llm.complete(message, Reply)));
    expect(server!.requests).toHaveLength(4);
  });
});

describe('withRetryOnce', () => {
  it('does not retry a final error', async () => {
    let calls = 0;
    const err = await withRetryOnce(async () => {
      calls++;
      throw new KefuError('LLM_FAILED', 'bad key', { retryable: false });
    }).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(isKefuError(err, 'LLM_FAILED')).toBe(true);
  });
});
