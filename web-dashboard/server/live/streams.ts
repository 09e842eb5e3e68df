import { RetryLaterError } from '../../../core/errors.js';
import type { Sql } from '../../../db/client.js';
import type { SessionUser } from '../../../db/queries/sessions.js';
import { onSessionsEnded } from '../../../pipelines/auth/revocations.js';
import { authenticate } from '../../../pipelines/auth/sessions.js';

/** One open stream's hold on its session: re-checked before every batch and on a timer. */
export interface StreamGuard {
  /** True while the session is live with the same user, role and merchant it opened with. */
  stillValid(): Promise<boolean>;
  /** Calls back once when this process learns the session ended. */
  onEnded(listener: () => void): void;
  release(): void;
  readonly recheckMs: number;
}

/** Counts open streams per user and hands out guards; one per app. */
export class StreamRegistry {
  private readonly open = new Map<string, number>();

  constructor(
    private readonly sql: Sql,
    private readonly limits: { streamsPerUser: number; streamRecheckMs: number },
  ) {}

  acquire(session: SessionUser, cookieToken: string): StreamGuard {
    const count = this.open.get(session.userId) ?? 0;
    if (count >= this.limits.streamsPerUser) {
      throw new RetryLaterError(
        'RATE_LIMITED',
        `At most ${this.limits.streamsPerUser} live streams per user; close another tab first.`,
        this.limits.streamRecheckMs / 1000,
      );
    }
    this.open.set(session.userId, count + 1);
    let ended: (() => void) | undefined;
    let done = false;
    const off = onSessionsEnded((e) => {
      if (e.userId === session.userId && (!e.sessionId || e.sessionId === session.sessionId)) ended?.();
    });
    return {
      recheckMs: this.limits.streamRecheckMs,
      stillValid: async () => {
        const now = await authenticate(this.sql, cookieToken).catch(() => undefined);
        return (
          now !== undefined &&
          now.sessionId === session.sessionId &&
          now.role === session.role &&
          now.merchantId === session.merchantId
        );
      },
      onEnded: (listener) => {
        ended = listener;
      },
      release: () => {
        if (done) return;
        done = true;
        off();
        const left = (this.open.get(session.userId) ?? 1) - 1;
        if (left > 0) this.open.set(session.userId, left);
        else this.open.delete(session.userId);
      },
    };
  }
}
