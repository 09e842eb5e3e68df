import type { z } from 'zod';
import { KefuError } from '../../../core/errors.js';
import type { LlmClient, LlmMessage } from '../contract.js';

/**
 * Test double for an LLM: answers each call with the next scripted reply (or throws it), and
 * keeps the messages it was sent. Replies are validated by the caller's schema like real ones.
 */
export class ScriptedLlm implements LlmClient {
  readonly model = 'test/scripted';
  readonly received: LlmMessage[] = [];

  constructor(private readonly replies: (unknown | Error)[]) {}

  async complete<T>(message: LlmMessage, schema: z.ZodType<T>): Promise<T> {
    this.received.push(message);
    const reply = this.replies.shift();
    if (reply === undefined) throw new KefuError('LLM_FAILED', 'ScriptedLlm has no reply left');
    if (reply instanceof Error) throw reply;
    const parsed = schema.safeParse(reply);
    if (!parsed.success) {
      throw new KefuError('LLM_FAILED', `LLM output did not match the schema: ${parsed.error.message}`, {
        retryable: true,
      });
    }
    return parsed.data;
  }
}
