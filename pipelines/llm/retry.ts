import { isKefuError } from '../../core/errors.js';

/**
 * Runs `fn`, and once more if it failed with a retryable KefuError (a timeout, a 5xx, an
 * off-schema answer). Anything else, or a second failure, is thrown to the caller to fall back.
 */
export async function withRetryOnce<T>(fn: (attempt: number) => Promise<T>): Promise<T> {
  try {
    return await fn(1);
  } catch (err) {
    if (!isKefuError(err) || !err.retryable) throw err;
    return fn(2);
  }
}
