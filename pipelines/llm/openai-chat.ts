import type { ChatOpenAICompletions } from '@langchain/openai';
import { z } from 'zod';
import { KefuError } from '../../core/errors.js';
import type { LlmClient, LlmMessage } from './contract.js';
import { toLlmError } from './errors.js';

export interface OpenAiChatOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs?: number;
  temperature?: number;
}

/**
 * An LlmClient over LangChain's ChatOpenAI against any OpenAI-compatible `/chat/completions`.
 * Structured output uses JSON mode plus the JSON Schema in the system message, because
 * json_object is the structured mode generic servers (vLLM, Ollama, llama.cpp) share; the reply
 * is validated with zod regardless, so a server that ignores JSON mode fails loudly, not silently.
 * The completions flavour is used directly so a model name never switches Kefu to the Responses API.
 * LangChain loads on the first completion, so offline runs (and `kefu analyze`) never pay for it.
 */
export class OpenAiChatClient implements LlmClient {
  readonly model: string;
  private chat: Promise<ChatOpenAICompletions> | undefined;

  constructor(private readonly options: OpenAiChatOptions) {
    this.model = `openai/${options.model}`;
  }

  private client(): Promise<ChatOpenAICompletions> {
    this.chat ??= import('@langchain/openai').then(
      ({ ChatOpenAICompletions }) =>
        new ChatOpenAICompletions({
          model: this.options.model,
          apiKey: this.options.apiKey,
          configuration: { baseURL: this.options.baseURL },
          temperature: this.options.temperature ?? 0.2,
          timeout: this.options.timeoutMs ?? 20_000,
          // Retrying is the caller's job (withRetryOnce), keyed on `retryable`.
          maxRetries: 0,
        }),
    );
    return this.chat;
  }

  async load(): Promise<void> {
    await Promise.all([this.client(), import('@langchain/core/messages')]);
  }

  async complete<T>(message: LlmMessage, schema: z.ZodType<T>, options: { signal?: AbortSignal } = {}): Promise<T> {
    const system = `${message.system}\n\nAnswer with one JSON object only, matching this JSON Schema:\n${JSON.stringify(
      z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    )}`;
    let content: unknown;
    try {
      const [chat, { HumanMessage, SystemMessage }] = await Promise.all([
        this.client(),
        import('@langchain/core/messages'),
      ]);
      const reply = await chat.invoke([new SystemMessage(system), new HumanMessage(message.user)], {
        response_format: { type: 'json_object' },
        signal: options.signal,
      });
      content = reply.content;
    } catch (err) {
      throw toLlmError(err, `Chat completion from ${this.model}`);
    }
    return parseReply(typeof content === 'string' ? content : JSON.stringify(content), schema, this.model);
  }
}

/** JSON out of a reply, tolerating the ```json fences some models add despite JSON mode. */
export function parseReply<T>(text: string, schema: z.ZodType<T>, model: string): T {
  const unfenced = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1');
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch {
    throw new KefuError('LLM_FAILED', `${model} did not answer with JSON`, { retryable: true });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new KefuError('LLM_FAILED', `${model} answered off-schema: ${z.prettifyError(parsed.error)}`, {
      retryable: true,
    });
  }
  return parsed.data;
}
