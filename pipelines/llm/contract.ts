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
  /**
   * Loads what the first completion would load (a client library), so a caller that times its
   * requests can start the clock after it; absent when there is nothing to load.
   */
  load?(): Promise<void>;
}
