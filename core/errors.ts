/**
 * Errors as data: every failure Kefu reports has a stable code, a message a person can act on,
 * and whether retrying could help. Codes are documented once, in README.md ("Error codes").
 */
export const ERROR_CODES = [
  'CONFIG_INVALID',
  'USAGE',
  'DB_CONNECT_FAILED',
  'DB_IN_USE',
  'MIGRATION_FAILED',
  'MIGRATION_CHANGED',
  'INPUT_INVALID',
  'NOT_FOUND',
  'LLM_FAILED',
  'PROMPT_INVALID',
  'STT_UNAVAILABLE',
  'STT_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_INVALID',
  'CONFLICT',
  'CLAIM_EXPIRED',
  'APPEAL_WINDOW_CLOSED',
  'DECODER_UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'ACCOUNT_LOCKED',
  'DUTY_SEPARATION',
  'PASSWORD_WRONG',
  'AUDIO_CHECKSUM_MISMATCH',
  'SIGNATURE_INVALID',
  'WEBHOOK_DISABLED',
  'AUDIO_STORE_FAILED',
  'RANGE_NOT_SATISFIABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class KefuError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'KefuError';
    this.code = code;
    this.retryable = options.retryable ?? false;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** A refusal that may be retried after a wait: the API sends `Retry-After` with it. */
export class RetryLaterError extends KefuError {
  readonly retryAfterSeconds: number;

  constructor(code: ErrorCode, message: string, retryAfterSeconds: number) {
    super(code, message, { retryable: true });
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

export function isKefuError(err: unknown, code?: ErrorCode): err is KefuError {
  return err instanceof KefuError && (code === undefined || err.code === code);
}
