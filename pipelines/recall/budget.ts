import type { LlmClient, LlmMessage } from '../llm/contract.js';
import { withRetryOnce } from '../llm/retry.js';
import type { z } from 'zod';

export type Budgeted<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * One LLM answer within a latency budget: the request (and its one retry on a retryable error)
 * must finish within `budgetMs` of the client being loaded, else it is aborted and the caller keeps its offline result. A
 * recall layer is worth waiting for only as long as the merchant would wait for the line's notes.
 */
export async function completeWithinBudget<T>(
  llm: LlmClient,
  message: LlmMessage,
  schema: z.ZodType<T>,
  budgetMs: number,
): Promise<Budgeted<T>> {
  // Loading the client library once per process (LangChain: seconds on a loaded machine) is not the
  // model's latency; counted in, it could use up a process's first budget (recall.test.ts at load 20).
  try {
    await llm.load?.();
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<Budgeted<T>>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve({ ok: false, reason: `over the ${budgetMs} ms budget` });
    }, budgetMs);
  });
  const answered = withRetryOnce(() => llm.complete(message, schema, { signal: abort.signal })).then(
    (value): Budgeted<T> => ({ ok: true, value }),
    (err: unknown): Budgeted<T> => ({ ok: false, reason: err instanceof Error ? err.message : String(err) }),
  );
  try {
    return await Promise.race([answered, expired]);
  } finally {
    clearTimeout(timer);
  }
}
