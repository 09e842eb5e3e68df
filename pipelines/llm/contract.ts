import type { z } from 'zod';

export interface LlmMessage {
  system: string;
  user: string;
}

/**
 * A chat model that answers in a shape checked by zod. Implementations translate vendor errors
 * into KefuError (code LLM_FAILED) with `retryable` set; callers retry once, then fall back.
 */
export interface LlmClient {
  /** e.g. 'openai/gpt-4o-mini' */
  readonly model: string;
  complete<T>(message: LlmMessage, schema: z.ZodType<T>, options?: { signal?: AbortSignal }): Promise<T>;
}
