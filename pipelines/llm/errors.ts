import { APIConnectionError, APIError } from 'openai';
import { KefuError, isKefuError } from '../../core/errors.js';

/** HTTP statuses where the same request may succeed a moment later. */
const RETRYABLE_STATUS = new Set([408, 409, 429, 500, 502, 503, 504]);

/**
 * Vendor errors (openai SDK, LangChain wrappers, fetch) → KefuError LLM_FAILED. Timeouts, rate
 * limits, 5xx and dropped connections are retryable; 4xx (bad key, unknown model) are not.
 * Only the status and the vendor's message are kept: request bodies may hold transcripts.
 */
export function toLlmError(err: unknown, what: string): KefuError {
  if (isKefuError(err)) return err;
  if (isAbort(err)) return new KefuError('LLM_FAILED', `${what} was aborted`, { cause: err });
  const status = statusOf(err);
  const message = err instanceof Error ? err.message : String(err);
  if (status !== undefined) {
    return new KefuError('LLM_FAILED', `${what} failed with HTTP ${status}: ${message}`, {
      retryable: RETRYABLE_STATUS.has(status),
      cause: err,
    });
  }
  const connection =
    err instanceof APIConnectionError || /ECONNREFUSED|ECONNRESET|fetch failed|timed? ?out|socket/i.test(message);
  return new KefuError('LLM_FAILED', `${what} failed: ${message}`, { retryable: connection, cause: err });
}

function statusOf(err: unknown): number | undefined {
  if (err instanceof APIError && typeof err.status === 'number') return err.status;
  // LangChain rethrows SDK errors with the status copied onto its own error object.
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function isAbort(err: unknown): boolean {
  return (
    err instanceof Error && (err.name === 'AbortError' || /abort/i.test(err.name) || /\baborted\b/i.test(err.message))
  );
}
