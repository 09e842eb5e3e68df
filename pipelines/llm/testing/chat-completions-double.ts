import { type DoubleReply, type HttpEndpointDouble, startHttpEndpointDouble } from './http-endpoint-double.js';

/** A scripted answer: assistant text, or a raw HTTP reply (errors, delays). */
export type ChatScript = string | DoubleReply;

/**
 * Test double for an OpenAI-compatible `/v1/chat/completions` endpoint: answers each request
 * with the next scripted reply, in the wire format the OpenAI SDK parses, and records requests.
 */
export async function startChatCompletionsDouble(script: ChatScript[]): Promise<HttpEndpointDouble> {
  return startHttpEndpointDouble({
    '/chat/completions': (req) => {
      const next = script.shift();
      if (next === undefined) return { status: 500, body: { error: { message: 'chat double: script exhausted' } } };
      if (typeof next !== 'string') return next;
      const model = (req.body as { model?: string }).model ?? 'double';
      return { body: completion(model, next) };
    },
  });
}

export function completion(model: string, content: string): unknown {
  return {
    id: 'chatcmpl-double',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}
